//! `ListAccounts`: every account of the organization, the management account first.

use keyward_aws_model::generated::organizations::{input::ListAccountsInput, operation};

use super::shared::{account_element, listing, on_any, organization};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAccounts {
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListAccounts {
    type Input = ListAccountsInput;
    const NAME: &'static str = operation::LIST_ACCOUNTS;

    fn new(input: ListAccountsInput) -> Result<Self, ApiError> {
        Ok(ListAccounts {
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let accounts = organization
            .accounts
            .iter()
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
