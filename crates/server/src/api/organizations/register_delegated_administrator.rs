//! `RegisterDelegatedAdministrator`: a member account administers a service that has trusted
//! access; the management account cannot be one.

use keyward_aws_model::generated::organizations::{
    input::RegisterDelegatedAdministratorInput, operation,
};

use super::shared::{check_service_principal, on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, DelegatedAdministrator};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RegisterDelegatedAdministrator {
    account: String,
    principal: String,
}

impl Operation for RegisterDelegatedAdministrator {
    type Input = RegisterDelegatedAdministratorInput;
    const NAME: &'static str = operation::REGISTER_DELEGATED_ADMINISTRATOR;

    fn new(input: RegisterDelegatedAdministratorInput) -> Result<Self, ApiError> {
        check_service_principal(&input.service_principal)?;
        Ok(RegisterDelegatedAdministrator {
            account: input.account_id,
            principal: input.service_principal,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.account)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let now = ctx.state.clock.now().unix_timestamp();
        organization::modify(ctx.state, |organization| {
            if organization.account(&self.account).is_none() {
                return Err(OrganizationsError::AccountNotFound.into());
            }
            if organization.management_account == self.account {
                return Err(OrganizationsError::ConstraintViolation(
                    "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
                )
                .into());
            }
            if !organization
                .service_access
                .iter()
                .any(|s| s.principal == self.principal)
            {
                return Err(
                    OrganizationsError::ConstraintViolation("SERVICE_ACCESS_NOT_ENABLED").into(),
                );
            }
            if organization
                .delegated_administrators
                .iter()
                .any(|d| d.account == self.account && d.principal == self.principal)
            {
                return Err(OrganizationsError::AccountAlreadyRegistered.into());
            }
            organization
                .delegated_administrators
                .push(DelegatedAdministrator {
                    account: self.account.clone(),
                    principal: self.principal.clone(),
                    registered: now,
                });
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
