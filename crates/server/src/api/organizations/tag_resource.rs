//! `TagResource`: adds or replaces tags on a root, OU, account or policy (50 at most).

use keyward_aws_model::generated::organizations::{input::TagResourceInput, operation};

use super::shared::{add_tags, input_tags, on, organization, taggable_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagResource {
    id: String,
    tags: Vec<(String, String)>,
}

impl Operation for TagResource {
    type Input = TagResourceInput;
    const NAME: &'static str = operation::TAG_RESOURCE;

    fn new(input: TagResourceInput) -> Result<Self, ApiError> {
        Ok(TagResource {
            id: input.resource_id,
            tags: input_tags(Some(input.tags))?,
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
        organization::modify(ctx.state, |organization| {
            if !organization.is_taggable(&self.id) {
                return Err(OrganizationsError::TargetNotFound.into());
            }
            add_tags(organization, &self.id, &self.tags)
        })
        .await?;
        Ok(None)
    }
}
