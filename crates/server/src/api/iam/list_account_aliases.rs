//! `ListAccountAliases`: the account's alias, if it has one (never more than one page).

use keyward_aws_model::generated::iam::{input::ListAccountAliasesInput, operation};
use keyward_store::EntityKind;

use super::shared::account::{account_resource, all_entities};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAccountAliases;

impl Operation for ListAccountAliases {
    type Input = ListAccountAliasesInput;
    const NAME: &'static str = operation::LIST_ACCOUNT_ALIASES;

    fn new(_input: ListAccountAliasesInput) -> Result<Self, ApiError> {
        Ok(ListAccountAliases)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let aliases = all_entities(ctx.state, EntityKind::AccountAlias)
            .await?
            .into_iter()
            .map(|a| Element::text("member", a.name))
            .collect();
        Ok(Some(Element::parent(
            "ListAccountAliasesResult",
            vec![
                Element::list("AccountAliases", aliases),
                Element::boolean("IsTruncated", false),
            ],
        )))
    }
}
