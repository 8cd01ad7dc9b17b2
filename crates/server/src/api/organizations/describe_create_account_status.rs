//! `DescribeCreateAccountStatus`: how a `CreateAccount` request ended.

use keyward_aws_model::generated::organizations::{
    input::DescribeCreateAccountStatusInput, operation,
};

use super::shared::{create_account_status_element, on_any, organization};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribeCreateAccountStatus {
    id: String,
}

impl Operation for DescribeCreateAccountStatus {
    type Input = DescribeCreateAccountStatusInput;
    const NAME: &'static str = operation::DESCRIBE_CREATE_ACCOUNT_STATUS;

    fn new(input: DescribeCreateAccountStatusInput) -> Result<Self, ApiError> {
        Ok(DescribeCreateAccountStatus {
            id: input.create_account_request_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        organization(ctx.state).await?;
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let status = organization
            .create_account_statuses
            .iter()
            .find(|s| s.id == self.id)
            .ok_or(ApiError::Organizations(
                OrganizationsError::CreateAccountStatusNotFound,
            ))?;
        Ok(Some(Element::parent(
            "DescribeCreateAccountStatusResult",
            vec![create_account_status_element(status)],
        )))
    }
}
