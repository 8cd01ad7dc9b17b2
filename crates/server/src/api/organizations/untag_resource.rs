//! `UntagResource`: removes tags by key from a root, OU, account or policy; absent keys are
//! ignored.

use keyward_aws_model::generated::organizations::{input::UntagResourceInput, operation};

use super::shared::{on, organization, taggable_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagResource {
    id: String,
    keys: Vec<String>,
}

impl Operation for UntagResource {
    type Input = UntagResourceInput;
    const NAME: &'static str = operation::UNTAG_RESOURCE;

    fn new(input: UntagResourceInput) -> Result<Self, ApiError> {
        Ok(UntagResource {
            id: input.resource_id,
            keys: input.tag_keys,
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
            if let Some(tags) = organization.tags.get_mut(&self.id) {
                for key in &self.keys {
                    tags.remove(key);
                }
                if tags.is_empty() {
                    organization.tags.remove(&self.id);
                }
            }
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
