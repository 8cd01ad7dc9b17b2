//! `MoveAccount`: moves an account from its root or OU to another.

use keyward_aws_model::generated::organizations::{input::MoveAccountInput, operation};

use super::shared::{on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct MoveAccount {
    account_id: String,
    source: String,
    destination: String,
}

impl Operation for MoveAccount {
    type Input = MoveAccountInput;
    const NAME: &'static str = operation::MOVE_ACCOUNT;

    fn new(input: MoveAccountInput) -> Result<Self, ApiError> {
        Ok(MoveAccount {
            account_id: input.account_id,
            source: input.source_parent_id,
            destination: input.destination_parent_id,
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
            let Some(account) = organization.account(&self.account_id) else {
                return Err(OrganizationsError::AccountNotFound.into());
            };
            if !organization.is_container(&self.source) || account.parent_id != self.source {
                return Err(OrganizationsError::SourceParentNotFound.into());
            }
            if !organization.is_container(&self.destination) {
                return Err(OrganizationsError::DestinationParentNotFound.into());
            }
            if self.source == self.destination {
                return Err(OrganizationsError::DuplicateAccount.into());
            }
            if let Some(account) = organization
                .accounts
                .iter_mut()
                .find(|a| a.id == self.account_id)
            {
                account.parent_id = self.destination.clone();
            }
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
