//! `DeletePolicy`: a policy of the organization's own that is attached to nothing.

use keyward_aws_model::generated::organizations::{input::DeletePolicyInput, operation};

use super::shared::{immutable, on, organization, policy_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeletePolicy {
    id: String,
}

impl Operation for DeletePolicy {
    type Input = DeletePolicyInput;
    const NAME: &'static str = operation::DELETE_POLICY;

    fn new(input: DeletePolicyInput) -> Result<Self, ApiError> {
        Ok(DeletePolicy {
            id: input.policy_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(policy_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        organization::modify(ctx.state, |organization| {
            let Some(policy) = organization.policy(&self.id) else {
                return Err(OrganizationsError::PolicyNotFound.into());
            };
            if policy.aws_managed {
                return Err(immutable());
            }
            if organization
                .attachments
                .iter()
                .any(|a| a.policy_id == self.id)
            {
                return Err(OrganizationsError::PolicyInUse.into());
            }
            organization.policies.retain(|p| p.id != self.id);
            organization.tags.remove(&self.id);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
