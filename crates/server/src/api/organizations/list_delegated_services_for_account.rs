//! `ListDelegatedServicesForAccount`: the services a delegated administrator administers.

use keyward_aws_model::generated::organizations::{
    input::ListDelegatedServicesForAccountInput, operation,
};

use super::shared::{at, listing, on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListDelegatedServicesForAccount {
    account: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListDelegatedServicesForAccount {
    type Input = ListDelegatedServicesForAccountInput;
    const NAME: &'static str = operation::LIST_DELEGATED_SERVICES_FOR_ACCOUNT;

    fn new(input: ListDelegatedServicesForAccountInput) -> Result<Self, ApiError> {
        Ok(ListDelegatedServicesForAccount {
            account: input.account_id,
            max_results: input.max_results,
            next_token: input.next_token,
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
        let organization = organization(ctx.state).await?;
        if organization.account(&self.account).is_none() {
            return Err(OrganizationsError::AccountNotFound.into());
        }
        let services: Vec<Element> = organization
            .delegated_administrators
            .iter()
            .filter(|d| d.account == self.account)
            .map(|d| {
                Element::parent(
                    "DelegatedService",
                    vec![
                        Element::text("ServicePrincipal", &d.principal),
                        Element::time("DelegationEnabledDate", at(d.registered)),
                    ],
                )
            })
            .collect();
        if services.is_empty() {
            return Err(OrganizationsError::AccountNotRegistered.into());
        }
        listing(
            "DelegatedServices",
            services,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
