//! `ListTargetsForPolicy`: the roots, OUs and accounts a policy is attached to.

use keyward_aws_model::generated::organizations::{input::ListTargetsForPolicyInput, operation};

use super::shared::{listing, on, organization, policy_arn, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListTargetsForPolicy {
    id: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListTargetsForPolicy {
    type Input = ListTargetsForPolicyInput;
    const NAME: &'static str = operation::LIST_TARGETS_FOR_POLICY;

    fn new(input: ListTargetsForPolicyInput) -> Result<Self, ApiError> {
        Ok(ListTargetsForPolicy {
            id: input.policy_id,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(policy_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if organization.policy(&self.id).is_none() {
            return Err(OrganizationsError::PolicyNotFound.into());
        }
        let targets = organization
            .attachments
            .iter()
            .filter(|a| a.policy_id == self.id)
            .filter_map(|a| {
                let target = organization.target_type(&a.target_id)?;
                let name = if organization.root.id == a.target_id {
                    organization.root.name.clone()
                } else if let Some(unit) = organization.unit(&a.target_id) {
                    unit.name.clone()
                } else {
                    organization.account(&a.target_id)?.name.clone()
                };
                Some(Element::parent(
                    "PolicyTargetSummary",
                    vec![
                        Element::text("TargetId", &a.target_id),
                        Element::text("Arn", target_arn(&organization, &a.target_id)),
                        Element::text("Name", name),
                        Element::text("Type", target.as_str()),
                    ],
                ))
            })
            .collect();
        listing(
            "Targets",
            targets,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
