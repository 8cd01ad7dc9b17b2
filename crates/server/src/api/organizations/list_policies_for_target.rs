//! `ListPoliciesForTarget`: the policies of one type attached directly to a root, OU or
//! account.

use keyward_aws_model::generated::organizations::{input::ListPoliciesForTargetInput, operation};

use super::shared::{listing, on, organization, policy_summary, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListPoliciesForTarget {
    target_id: String,
    filter: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListPoliciesForTarget {
    type Input = ListPoliciesForTargetInput;
    const NAME: &'static str = operation::LIST_POLICIES_FOR_TARGET;

    fn new(input: ListPoliciesForTargetInput) -> Result<Self, ApiError> {
        Ok(ListPoliciesForTarget {
            target_id: input.target_id,
            filter: input.filter,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.target_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if organization.target_type(&self.target_id).is_none() {
            return Err(OrganizationsError::TargetNotFound.into());
        }
        let policies = organization
            .policies_on(&self.target_id, &self.filter)
            .into_iter()
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
