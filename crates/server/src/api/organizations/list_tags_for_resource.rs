//! `ListTagsForResource`: the tags of a root, OU, account or policy, in key order.

use keyward_aws_model::generated::organizations::{input::ListTagsForResourceInput, operation};

use super::shared::{listing, on, organization, taggable_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListTagsForResource {
    id: String,
    next_token: Option<String>,
}

impl Operation for ListTagsForResource {
    type Input = ListTagsForResourceInput;
    const NAME: &'static str = operation::LIST_TAGS_FOR_RESOURCE;

    fn new(input: ListTagsForResourceInput) -> Result<Self, ApiError> {
        Ok(ListTagsForResource {
            id: input.resource_id,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(taggable_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if !organization.is_taggable(&self.id) && organization.policy(&self.id).is_none() {
            return Err(OrganizationsError::TargetNotFound.into());
        }
        let tags = organization
            .tags
            .get(&self.id)
            .into_iter()
            .flatten()
            .map(|(key, value)| {
                Element::parent(
                    "Tag",
                    vec![Element::text("Key", key), Element::text("Value", value)],
                )
            })
            .collect();
        listing("Tags", tags, None, self.next_token.as_deref())
    }
}
