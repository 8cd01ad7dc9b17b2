//! `SimulateCustomPolicy`: how the given policies alone decide a set of actions on a set of
//! resources.

use keyward_aws_model::generated::iam::{input::SimulateCustomPolicyInput, operation};

use super::shared::simulate::{simulate, Requested, SimulationInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct SimulateCustomPolicy(SimulationInput);

impl Operation for SimulateCustomPolicy {
    type Input = SimulateCustomPolicyInput;
    const NAME: &'static str = operation::SIMULATE_CUSTOM_POLICY;

    fn new(input: SimulateCustomPolicyInput) -> Result<Self, ApiError> {
        // `PolicyInputList=` (an empty list) is present to the model, but IAM wants a policy.
        if input.policy_input_list.is_empty() {
            return Err(ApiError::validation_null("policyInputList"));
        }
        Ok(SimulateCustomPolicy(SimulationInput::new(Requested {
            policies: input.policy_input_list,
            boundaries: input.permissions_boundary_policy_input_list,
            actions: input.action_names,
            resources: input.resource_arns,
            resource_policy: input.resource_policy,
            resource_owner: input.resource_owner,
            caller_arn: input.caller_arn,
            context: input.context_entries,
            marker: input.marker,
            max_items: input.max_items,
        })?))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        simulate(ctx.state, None, self.0, "SimulateCustomPolicyResult").await
    }
}
