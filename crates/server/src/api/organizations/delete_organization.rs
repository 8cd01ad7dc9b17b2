//! `DeleteOrganization`: only once the management account is the organization's only account.

use keyward_aws_model::generated::organizations::operation;

use super::shared::{on, organization, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteOrganization;

impl Operation for DeleteOrganization {
    type Input = NoInput;
    const NAME: &'static str = operation::DELETE_ORGANIZATION;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(DeleteOrganization)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on(organization(ctx.state).await?.arn()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        organization::delete(ctx.state, |organization| {
            if organization
                .accounts
                .iter()
                .any(|a| a.id != organization.management_account)
            {
                return Err(OrganizationsError::OrganizationNotEmpty.into());
            }
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
