//! `EnableAWSServiceAccess`: gives an AWS service trusted access to the organization (all
//! features only).

use keyward_aws_model::generated::organizations::{input::EnableAWSServiceAccessInput, operation};

use super::shared::{check_service_principal, on_any};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, ServiceAccess};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct EnableAwsServiceAccess {
    principal: String,
}

impl Operation for EnableAwsServiceAccess {
    type Input = EnableAWSServiceAccessInput;
    const NAME: &'static str = operation::ENABLE_AWS_SERVICE_ACCESS;

    fn new(input: EnableAWSServiceAccessInput) -> Result<Self, ApiError> {
        check_service_principal(&input.service_principal)?;
        Ok(EnableAwsServiceAccess {
            principal: input.service_principal,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let now = ctx.state.clock.now().unix_timestamp();
        organization::modify(ctx.state, |organization| {
            if organization.feature_set != "ALL" {
                return Err(OrganizationsError::ConstraintViolation(
                    "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
                )
                .into());
            }
            if !organization
                .service_access
                .iter()
                .any(|s| s.principal == self.principal)
            {
                organization.service_access.push(ServiceAccess {
                    principal: self.principal.clone(),
                    enabled: now,
                });
            }
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
