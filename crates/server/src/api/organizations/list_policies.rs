//! `ListPolicies`: the policies of one type, AWS's managed ones included.

use keyward_aws_model::generated::organizations::{input::ListPoliciesInput, operation};

use super::shared::{listing, on_any, organization, policy_summary};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{RCP, RCP_FULL_AWS_ACCESS};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListPolicies {
    filter: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListPolicies {
    type Input = ListPoliciesInput;
    const NAME: &'static str = operation::LIST_POLICIES;

    fn new(input: ListPoliciesInput) -> Result<Self, ApiError> {
        Ok(ListPolicies {
            filter: input.filter,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        // `RCPFullAWSAccess` appears once RCPs have been enabled.
        let rcps_shown = organization.is_enabled(RCP);
        let policies = organization
            .policies
            .iter()
            .filter(|p| p.policy_type == self.filter)
            .filter(|p| p.id != RCP_FULL_AWS_ACCESS || rcps_shown)
            .map(|p| policy_summary(&organization, p))
            .collect();
        listing(
            "Policies",
            policies,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
