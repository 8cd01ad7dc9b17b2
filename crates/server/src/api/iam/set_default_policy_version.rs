//! `SetDefaultPolicyVersion`: which version of a customer managed policy is in force.

use keyward_aws_model::generated::iam::{input::SetDefaultPolicyVersionInput, operation};
use keyward_store::{DocumentKind, StoreError};

use super::shared::policies::{policy_resource, resolve_local};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct SetDefaultPolicyVersion(SetDefaultPolicyVersionInput);

impl Operation for SetDefaultPolicyVersion {
    type Input = SetDefaultPolicyVersionInput;
    const NAME: &'static str = operation::SET_DEFAULT_POLICY_VERSION;

    fn new(input: SetDefaultPolicyVersionInput) -> Result<Self, ApiError> {
        Ok(SetDefaultPolicyVersion(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.0.policy_arn)))
    }

    fn affects(&self) -> Affected {
        Affected::PolicyHolders(self.0.policy_arn.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (arn, version) = (&self.0.policy_arn, &self.0.version_id);
        let policy = resolve_local(state, ctx.caller, Self::NAME, arn).await?;
        match state
            .store
            .set_default_document(&policy.reference(), DocumentKind::PolicyVersion, version)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::policy_version_not_attachable(arn, version)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
