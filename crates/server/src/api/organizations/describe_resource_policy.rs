//! `DescribeResourcePolicy`: the organization's resource policy.

use keyward_aws_model::generated::organizations::operation;

use super::put_resource_policy::resource_policy_element;
use super::shared::{on, organization, resource_policy_arn, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DescribeResourcePolicy;

impl Operation for DescribeResourcePolicy {
    type Input = NoInput;
    const NAME: &'static str = operation::DESCRIBE_RESOURCE_POLICY;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(DescribeResourcePolicy)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(organization.resource_policy.as_ref().map_or_else(
            || "*".to_owned(),
            |p| resource_policy_arn(&organization, &p.id),
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let policy = organization
            .resource_policy
            .as_ref()
            .ok_or(ApiError::Organizations(
                OrganizationsError::ResourcePolicyNotFound,
            ))?;
        Ok(Some(Element::parent(
            "DescribeResourcePolicyResult",
            vec![resource_policy_element(
                &organization,
                &policy.id,
                &policy.content,
            )],
        )))
    }
}
