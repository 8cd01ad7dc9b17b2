//! `DeletePolicy`: a customer managed policy that is attached to nothing and has no versions
//! but its default.

use keyward_aws_model::generated::iam::{input::DeletePolicyInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::delete_conflict;
use super::shared::policies::{not_found, policy_resource, resolve_local};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeletePolicy(DeletePolicyInput);

impl Operation for DeletePolicy {
    type Input = DeletePolicyInput;
    const NAME: &'static str = operation::DELETE_POLICY;

    fn new(input: DeletePolicyInput) -> Result<Self, ApiError> {
        Ok(DeletePolicy(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.0.policy_arn)))
    }

    fn affects(&self) -> Affected {
        Affected::PolicyHolders(self.0.policy_arn.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let arn = &self.0.policy_arn;
        let policy = resolve_local(state, ctx.caller, Self::NAME, arn).await?;
        match state
            .store
            .delete_entity(EntityKind::Policy, &policy.name)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(arn)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
