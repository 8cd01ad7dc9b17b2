//! `DescribePolicy`: one policy with its content.

use keyward_aws_model::generated::organizations::{input::DescribePolicyInput, operation};

use super::shared::{on, organization, policy_arn, policy_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribePolicy {
    id: String,
}

impl Operation for DescribePolicy {
    type Input = DescribePolicyInput;
    const NAME: &'static str = operation::DESCRIBE_POLICY;

    fn new(input: DescribePolicyInput) -> Result<Self, ApiError> {
        Ok(DescribePolicy {
            id: input.policy_id,
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
        let policy = organization
            .policy(&self.id)
            .ok_or(ApiError::Organizations(OrganizationsError::PolicyNotFound))?;
        Ok(Some(Element::parent(
            "DescribePolicyResult",
            vec![policy_element(&organization, policy)],
        )))
    }
}
