//! `DeregisterDelegatedAdministrator`: a member account stops administering a service.

use keyward_aws_model::generated::organizations::{
    input::DeregisterDelegatedAdministratorInput, operation,
};

use super::shared::{check_service_principal, on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeregisterDelegatedAdministrator {
    account: String,
    principal: String,
}

impl Operation for DeregisterDelegatedAdministrator {
    type Input = DeregisterDelegatedAdministratorInput;
    const NAME: &'static str = operation::DEREGISTER_DELEGATED_ADMINISTRATOR;

    fn new(input: DeregisterDelegatedAdministratorInput) -> Result<Self, ApiError> {
        check_service_principal(&input.service_principal)?;
        Ok(DeregisterDelegatedAdministrator {
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
        organization::modify(ctx.state, |organization| {
            if organization.account(&self.account).is_none() {
                return Err(OrganizationsError::AccountNotFound.into());
            }
            let before = organization.delegated_administrators.len();
            organization
                .delegated_administrators
                .retain(|d| !(d.account == self.account && d.principal == self.principal));
            if organization.delegated_administrators.len() == before {
                return Err(OrganizationsError::AccountNotRegistered.into());
            }
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
