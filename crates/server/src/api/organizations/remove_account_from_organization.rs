//! `RemoveAccountFromOrganization`: a member account leaves the organization and becomes a
//! standalone account of this server: its data stays, its attachments, tags and delegated
//! administrator registrations go, and the organization's SCPs and RCPs no longer limit it.
//! The management account cannot be removed.

use keyward_aws_model::generated::organizations::{
    input::RemoveAccountFromOrganizationInput, operation,
};

use super::shared::{on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RemoveAccountFromOrganization {
    account_id: String,
}

impl Operation for RemoveAccountFromOrganization {
    type Input = RemoveAccountFromOrganizationInput;
    const NAME: &'static str = operation::REMOVE_ACCOUNT_FROM_ORGANIZATION;

    fn new(input: RemoveAccountFromOrganizationInput) -> Result<Self, ApiError> {
        Ok(RemoveAccountFromOrganization {
            account_id: input.account_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.account_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        organization::modify(ctx.state, |organization| {
            if organization.account(&self.account_id).is_none() {
                return Err(OrganizationsError::AccountNotFound.into());
            }
            if organization.management_account == self.account_id {
                return Err(OrganizationsError::MasterCannotLeaveOrganization.into());
            }
            organization.accounts.retain(|a| a.id != self.account_id);
            organization
                .attachments
                .retain(|a| a.target_id != self.account_id);
            organization.tags.remove(&self.account_id);
            organization
                .delegated_administrators
                .retain(|d| d.account != self.account_id);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
