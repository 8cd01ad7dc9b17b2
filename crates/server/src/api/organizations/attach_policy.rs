//! `AttachPolicy`: attaches a policy to a root, OU or account once its type is enabled in the
//! root, at most five SCPs (or RCPs) and ten of the other types per target.

use keyward_aws_model::generated::organizations::{input::AttachPolicyInput, operation};

use super::shared::{on, organization, policy_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, RCP, SCP};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AttachPolicy {
    policy_id: String,
    target_id: String,
}

/// How many policies of a type one target may have.
fn attachment_limit(policy_type: &str) -> usize {
    match policy_type {
        SCP | RCP => 5,
        _ => 10,
    }
}

impl Operation for AttachPolicy {
    type Input = AttachPolicyInput;
    const NAME: &'static str = operation::ATTACH_POLICY;

    fn new(input: AttachPolicyInput) -> Result<Self, ApiError> {
        Ok(AttachPolicy {
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
            if !organization.is_enabled(&policy.policy_type) {
                return Err(OrganizationsError::PolicyTypeNotEnabled.into());
            }
            if organization.is_attached(&self.policy_id, &self.target_id) {
                return Err(OrganizationsError::DuplicatePolicyAttachment.into());
            }
            let attached = organization
                .policies_on(&self.target_id, &policy.policy_type)
                .len();
            if attached >= attachment_limit(&policy.policy_type) {
                return Err(OrganizationsError::ConstraintViolation(
                    "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
                )
                .into());
            }
            organization.attach(&self.policy_id, &self.target_id);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
