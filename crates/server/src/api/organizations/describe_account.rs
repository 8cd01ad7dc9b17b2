//! `DescribeAccount`: one account of the organization.

use keyward_aws_model::generated::organizations::{input::DescribeAccountInput, operation};

use super::shared::{account_element, on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribeAccount {
    id: String,
}

impl Operation for DescribeAccount {
    type Input = DescribeAccountInput;
    const NAME: &'static str = operation::DESCRIBE_ACCOUNT;

    fn new(input: DescribeAccountInput) -> Result<Self, ApiError> {
        Ok(DescribeAccount {
            id: input.account_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let account = organization
            .account(&self.id)
            .ok_or(ApiError::Organizations(OrganizationsError::AccountNotFound))?;
        Ok(Some(Element::parent(
            "DescribeAccountResult",
            vec![account_element(&organization, account)],
        )))
    }
}
