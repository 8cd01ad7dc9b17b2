//! `SimulatePrincipalPolicy`: how the policies of a stored user, group or role (with any
//! policies added) decide a set of actions on a set of resources.

use keyward_aws_model::generated::iam::{input::SimulatePrincipalPolicyInput, operation};

use super::shared::simulate::{load_source, simulate, Requested, SimulationInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct SimulatePrincipalPolicy {
    source_arn: String,
    input: SimulationInput,
}

impl Operation for SimulatePrincipalPolicy {
    type Input = SimulatePrincipalPolicyInput;
    const NAME: &'static str = operation::SIMULATE_PRINCIPAL_POLICY;

    fn new(input: SimulatePrincipalPolicyInput) -> Result<Self, ApiError> {
        Ok(SimulatePrincipalPolicy {
            source_arn: input.policy_source_arn,
            input: SimulationInput::new(Requested {
                policies: input.policy_input_list.unwrap_or_default(),
                boundaries: input.permissions_boundary_policy_input_list,
                actions: input.action_names,
                resources: input.resource_arns,
                resource_policy: input.resource_policy,
                resource_owner: input.resource_owner,
                caller_arn: input.caller_arn,
                context: input.context_entries,
                marker: input.marker,
                max_items: input.max_items,
            })?,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(
            self.source_arn.clone(),
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let source = load_source(ctx.state, &self.source_arn).await?;
        simulate(
            ctx.state,
            Some(source),
            self.input,
            "SimulatePrincipalPolicyResult",
        )
        .await
    }
}
