//! `UntagPolicy`: removes tags of a customer managed policy by key.

use keyward_aws_model::generated::iam::{input::UntagPolicyInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::policies::{not_found, policy_resource, resolve_local};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagPolicy(UntagPolicyInput);

impl Operation for UntagPolicy {
    type Input = UntagPolicyInput;
    const NAME: &'static str = operation::UNTAG_POLICY;

    fn new(input: UntagPolicyInput) -> Result<Self, ApiError> {
        // `TagKeys=` (an empty list) is present to the model, but IAM wants at least one key.
        if input.tag_keys.is_empty() {
            return Err(ApiError::validation_null("tagKeys"));
        }
        Ok(UntagPolicy(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.0.policy_arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let arn = &self.0.policy_arn;
        let policy = resolve_local(state, ctx.caller, Self::NAME, arn).await?;
        match state
            .store
            .untag_entity(EntityKind::Policy, &policy.name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
