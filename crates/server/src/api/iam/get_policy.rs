//! `GetPolicy`: a managed policy (customer or AWS managed) with its usage counts.

use keyward_aws_model::generated::iam::{input::GetPolicyInput, operation};
use keyward_store::RelationKind;

use super::shared::policies::{policy_element, policy_resource, resolve};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::{all_relations, ManagedPolicy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(crate) struct GetPolicy(GetPolicyInput);

impl Operation for GetPolicy {
    type Input = GetPolicyInput;
    const NAME: &'static str = operation::GET_POLICY;

    fn new(input: GetPolicyInput) -> Result<Self, ApiError> {
        Ok(GetPolicy(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.0.policy_arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let policy = resolve(state, &self.0.policy_arn).await?;
        let (a, b) = counts_for(state, &policy).await?;
        let element = policy_element(state, &policy, a, b, true).await?;
        Ok(Some(Element::parent("GetPolicyResult", vec![element])))
    }
}

/// How many principals a policy is attached to, and how many it bounds.
async fn counts_for(state: &AppState, policy: &ManagedPolicy) -> Result<(usize, usize), ApiError> {
    let target = policy.target();
    let a = all_relations(state, RelationKind::PolicyAttachment, None, Some(&target)).await?;
    let b = all_relations(
        state,
        RelationKind::PermissionsBoundary,
        None,
        Some(&target),
    )
    .await?;
    Ok((a.len(), b.len()))
}
