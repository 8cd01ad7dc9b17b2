//! `ListInstanceProfileTags`: an instance profile's tags, a page at a time.

use keyward_aws_model::generated::iam::{input::ListInstanceProfileTagsInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::instance_profiles::profile_resource;
use super::shared::Paging;
use super::shared::{paging_fields, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListInstanceProfileTags {
    name: String,
    paging: Paging,
}

impl Operation for ListInstanceProfileTags {
    type Input = ListInstanceProfileTagsInput;
    const NAME: &'static str = operation::LIST_INSTANCE_PROFILE_TAGS;

    fn new(input: ListInstanceProfileTagsInput) -> Result<Self, ApiError> {
        Ok(ListInstanceProfileTags {
            name: input.instance_profile_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            profile_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let page = match ctx
            .state
            .store
            .list_entity_tags(
                EntityKind::InstanceProfile,
                &self.name,
                self.paging.request(),
            )
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                return Err(ApiError::no_such_instance_profile(&self.name))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent(
            "ListInstanceProfileTagsResult",
            fields,
        )))
    }
}
