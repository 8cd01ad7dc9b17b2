//! `DeleteResourcePolicy`: removes the organization's resource policy and its tags.

use keyward_aws_model::generated::organizations::operation;

use super::shared::{on, organization, resource_policy_arn, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteResourcePolicy;

impl Operation for DeleteResourcePolicy {
    type Input = NoInput;
    const NAME: &'static str = operation::DELETE_RESOURCE_POLICY;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(DeleteResourcePolicy)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(organization.resource_policy.as_ref().map_or_else(
            || "*".to_owned(),
            |p| resource_policy_arn(&organization, &p.id),
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        organization::modify(ctx.state, |organization| {
            let policy = organization
                .resource_policy
                .take()
                .ok_or(ApiError::Organizations(
                    OrganizationsError::ResourcePolicyNotFound,
                ))?;
            organization.tags.remove(&policy.id);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
