//! `ListRoots`: the organization's root (an organization has one).

use keyward_aws_model::generated::organizations::{input::ListRootsInput, operation};

use super::shared::{listing, on_any, organization, root_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListRoots {
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListRoots {
    type Input = ListRootsInput;
    const NAME: &'static str = operation::LIST_ROOTS;

    fn new(input: ListRootsInput) -> Result<Self, ApiError> {
        Ok(ListRoots {
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
        listing(
            "Roots",
            vec![root_element(&organization)],
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
