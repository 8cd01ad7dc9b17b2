//! `DetachPolicy`: detaches a policy from a root, OU or account. A target keeps at least one
//! SCP while SCPs are enabled, and `RCPFullAWSAccess` cannot be detached.

use keyward_aws_model::generated::organizations::{input::DetachPolicyInput, operation};

use super::shared::{on, organization, policy_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, RCP_FULL_AWS_ACCESS, SCP};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DetachPolicy {
    policy_id: String,
    target_id: String,
}

impl Operation for DetachPolicy {
    type Input = DetachPolicyInput;
    const NAME: &'static str = operation::DETACH_POLICY;

    fn new(input: DetachPolicyInput) -> Result<Self, ApiError> {
        Ok(DetachPolicy {
            policy_id: input.policy_id,
            target_id: input.target_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(policy_arn(&organization, &self.policy_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        organization::modify(ctx.state, |organization| {
            let Some(policy) = organization.policy(&self.policy_id).cloned() else {
                return Err(OrganizationsError::PolicyNotFound.into());
            };
            if organization.target_type(&self.target_id).is_none() {
                return Err(OrganizationsError::TargetNotFound.into());
            }
            if !organization.is_attached(&self.policy_id, &self.target_id) {
                return Err(OrganizationsError::PolicyNotAttached.into());
            }
            if policy.id == RCP_FULL_AWS_ACCESS {
                return Err(OrganizationsError::InvalidInput(
                    "NON_DETACHABLE_POLICY",
                    "You can't detach this AWS Managed Policy.".to_owned(),
                )
                .into());
            }
            if policy.policy_type == SCP
                && organization.policies_on(&self.target_id, SCP).len() == 1
            {
                return Err(OrganizationsError::ConstraintViolation(
                    "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
                )
                .into());
            }
            organization
                .attachments
                .retain(|a| !(a.policy_id == self.policy_id && a.target_id == self.target_id));
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
