//! `ListAccountsForParent`: the accounts directly in a root or OU.

use keyward_aws_model::generated::organizations::{input::ListAccountsForParentInput, operation};

use super::shared::{account_element, listing, on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAccountsForParent {
    parent_id: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListAccountsForParent {
    type Input = ListAccountsForParentInput;
    const NAME: &'static str = operation::LIST_ACCOUNTS_FOR_PARENT;

    fn new(input: ListAccountsForParentInput) -> Result<Self, ApiError> {
        Ok(ListAccountsForParent {
            parent_id: input.parent_id,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.parent_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if !organization.is_container(&self.parent_id) {
            return Err(OrganizationsError::ParentNotFound.into());
        }
        let accounts = organization
            .accounts
            .iter()
            .filter(|a| a.parent_id == self.parent_id)
            .map(|a| account_element(&organization, a))
            .collect();
        listing(
            "Accounts",
            accounts,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
