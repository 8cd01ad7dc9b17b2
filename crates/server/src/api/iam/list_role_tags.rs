//! `ListRoleTags`: a role's tags, a page at a time.

use keyward_aws_model::generated::iam::{input::ListRoleTagsInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::roles::{no_such_role, role_resource};
use super::shared::Paging;
use super::shared::{paging_fields, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListRoleTags {
    name: String,
    paging: Paging,
}

impl Operation for ListRoleTags {
    type Input = ListRoleTagsInput;
    const NAME: &'static str = operation::LIST_ROLE_TAGS;

    fn new(input: ListRoleTagsInput) -> Result<Self, ApiError> {
        Ok(ListRoleTags {
            name: input.role_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            role_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let page = match ctx
            .state
            .store
            .list_entity_tags(EntityKind::Role, &self.name, self.paging.request())
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Err(no_such_role(&self.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListRoleTagsResult", fields)))
    }
}
