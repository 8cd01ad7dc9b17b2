//! `DescribeOrganizationalUnit`: one OU.

use keyward_aws_model::generated::organizations::{
    input::DescribeOrganizationalUnitInput, operation,
};

use super::shared::{on, organization, target_arn, unit_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribeOrganizationalUnit {
    id: String,
}

impl Operation for DescribeOrganizationalUnit {
    type Input = DescribeOrganizationalUnitInput;
    const NAME: &'static str = operation::DESCRIBE_ORGANIZATIONAL_UNIT;

    fn new(input: DescribeOrganizationalUnitInput) -> Result<Self, ApiError> {
        Ok(DescribeOrganizationalUnit {
            id: input.organizational_unit_id,
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
        let unit = organization.unit(&self.id).ok_or(ApiError::Organizations(
            OrganizationsError::OrganizationalUnitNotFound,
        ))?;
        Ok(Some(Element::parent(
            "DescribeOrganizationalUnitResult",
            vec![unit_element(&organization, unit)],
        )))
    }
}
