//! `DescribeOrganization`: the organization the caller's account belongs to.

use keyward_aws_model::generated::organizations::operation;

use super::shared::{on_any, organization, organization_element, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribeOrganization;

impl Operation for DescribeOrganization {
    type Input = NoInput;
    const NAME: &'static str = operation::DESCRIBE_ORGANIZATION;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(DescribeOrganization)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(Some(Element::parent(
            "DescribeOrganizationResult",
            vec![organization_element(&organization)],
        )))
    }
}
