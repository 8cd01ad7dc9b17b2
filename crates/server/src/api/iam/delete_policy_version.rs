//! `DeletePolicyVersion`: a version of a customer managed policy other than its default.

use keyward_aws_model::generated::iam::{input::DeletePolicyVersionInput, operation};
use keyward_store::{DocumentKind, StoreError};

use super::shared::delete_conflict;
use super::shared::policies::{policy_resource, resolve_local};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeletePolicyVersion(DeletePolicyVersionInput);

impl Operation for DeletePolicyVersion {
    type Input = DeletePolicyVersionInput;
    const NAME: &'static str = operation::DELETE_POLICY_VERSION;

    fn new(input: DeletePolicyVersionInput) -> Result<Self, ApiError> {
        Ok(DeletePolicyVersion(input))
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
            .delete_document(&policy.reference(), DocumentKind::PolicyVersion, version)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::policy_version_not_attachable(arn, version)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
