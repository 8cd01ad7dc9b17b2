//! `ListCreateAccountStatus`: the organization's `CreateAccount` requests, those in the
//! given `States` only when they are given.

use keyward_aws_model::generated::organizations::{input::ListCreateAccountStatusInput, operation};

use super::shared::{create_account_status_element, listing, on_any, organization};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListCreateAccountStatus {
    states: Option<Vec<String>>,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListCreateAccountStatus {
    type Input = ListCreateAccountStatusInput;
    const NAME: &'static str = operation::LIST_CREATE_ACCOUNT_STATUS;

    fn new(input: ListCreateAccountStatusInput) -> Result<Self, ApiError> {
        Ok(ListCreateAccountStatus {
            states: input.states,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        organization(ctx.state).await?;
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let items = organization
            .create_account_statuses
            .iter()
            .filter(|s| {
                self.states
                    .as_ref()
                    .is_none_or(|states| states.is_empty() || states.contains(&s.state))
            })
            .map(create_account_status_element)
            .collect();
        listing(
            "CreateAccountStatuses",
            items,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
