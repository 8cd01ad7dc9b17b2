//! `DeleteAccountAlias`: removes the account's alias.

use keyward_aws_model::generated::iam::{input::DeleteAccountAliasInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::account::account_resource;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteAccountAlias {
    alias: String,
}

impl Operation for DeleteAccountAlias {
    type Input = DeleteAccountAliasInput;
    const NAME: &'static str = operation::DELETE_ACCOUNT_ALIAS;

    fn new(input: DeleteAccountAliasInput) -> Result<Self, ApiError> {
        Ok(DeleteAccountAlias {
            alias: input.account_alias,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let alias = &self.alias;
        match ctx
            .state
            .store
            .delete_entity(EntityKind::AccountAlias, alias)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::NoSuchEntity(format!(
                "The account alias {alias} does not exist."
            ))),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
