//! `DisableAWSServiceAccess`: takes a service's trusted access away; a service that has
//! none is left as it is, as on AWS.

use keyward_aws_model::generated::organizations::{input::DisableAWSServiceAccessInput, operation};

use super::shared::{check_service_principal, on_any};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DisableAwsServiceAccess {
    principal: String,
}

impl Operation for DisableAwsServiceAccess {
    type Input = DisableAWSServiceAccessInput;
    const NAME: &'static str = operation::DISABLE_AWS_SERVICE_ACCESS;

    fn new(input: DisableAWSServiceAccessInput) -> Result<Self, ApiError> {
        check_service_principal(&input.service_principal)?;
        Ok(DisableAwsServiceAccess {
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
        organization::modify(ctx.state, |organization| {
            organization
                .service_access
                .retain(|s| s.principal != self.principal);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
