//! `ListDelegatedAdministrators`: the accounts registered as delegated administrators, of one
//! service or of any.

use keyward_aws_model::generated::organizations::{
    input::ListDelegatedAdministratorsInput, operation,
};

use super::shared::{account_element, at, check_service_principal, listing, on_any, organization};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListDelegatedAdministrators {
    principal: Option<String>,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListDelegatedAdministrators {
    type Input = ListDelegatedAdministratorsInput;
    const NAME: &'static str = operation::LIST_DELEGATED_ADMINISTRATORS;

    fn new(input: ListDelegatedAdministratorsInput) -> Result<Self, ApiError> {
        if let Some(principal) = &input.service_principal {
            check_service_principal(principal)?;
        }
        Ok(ListDelegatedAdministrators {
            principal: input.service_principal,
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
        let mut seen: Vec<&str> = Vec::new();
        let mut administrators = Vec::new();
        for delegated in organization.delegated_administrators.iter().filter(|d| {
            self.principal
                .as_deref()
                .is_none_or(|principal| d.principal == principal)
        }) {
            if seen.contains(&delegated.account.as_str()) {
                continue;
            }
            seen.push(&delegated.account);
            let Some(account) = organization.account(&delegated.account) else {
                continue;
            };
            let mut element = account_element(&organization, account);
            element.push(Element::time(
                "DelegationEnabledDate",
                at(delegated.registered),
            ));
            administrators.push(element);
        }
        listing(
            "DelegatedAdministrators",
            administrators,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
