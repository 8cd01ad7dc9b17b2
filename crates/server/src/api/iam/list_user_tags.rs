//! `ListUserTags`: a user's tags, a page at a time.

use keyward_aws_model::generated::iam::{input::ListUserTagsInput, operation};
use keyward_store::StoreError;

use super::shared::{no_such_user, user_resource, Paging};
use super::shared::{paging_fields, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListUserTags {
    name: String,
    paging: Paging,
}

impl Operation for ListUserTags {
    type Input = ListUserTagsInput;
    const NAME: &'static str = operation::LIST_USER_TAGS;

    fn new(input: ListUserTagsInput) -> Result<Self, ApiError> {
        Ok(ListUserTags {
            name: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            user_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let store = &ctx.state.store;
        let page = match store
            .list_user_tags(&self.name, self.paging.request())
            .await
        {
            Ok(page) => page,
            Err(StoreError::NotFound) => return Err(no_such_user(&self.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListUserTagsResult", fields)))
    }
}
