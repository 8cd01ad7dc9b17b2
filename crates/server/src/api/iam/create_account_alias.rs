//! `CreateAccountAlias`: names the account; it has one alias, so a new one replaces the old.

use keyward_aws_model::generated::iam::{input::CreateAccountAliasInput, operation};
use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError};

use super::shared::account::{account_resource, all_entities};
use super::shared::now_seconds;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct CreateAccountAlias {
    alias: String,
}

impl Operation for CreateAccountAlias {
    type Input = CreateAccountAliasInput;
    const NAME: &'static str = operation::CREATE_ACCOUNT_ALIAS;

    fn new(input: CreateAccountAliasInput) -> Result<Self, ApiError> {
        Ok(CreateAccountAlias {
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
        let state = ctx.state;
        let alias = self.alias;
        let existing = all_entities(state, EntityKind::AccountAlias).await?;
        let outcome = match existing.first() {
            Some(old) => state
                .store
                .update_entity(
                    EntityKind::AccountAlias,
                    &old.name,
                    &EntityUpdate {
                        new_name: Some(alias.clone()),
                        ..Default::default()
                    },
                )
                .await
                .map(|_| ()),
            None => {
                let entity = Entity {
                    kind: EntityKind::AccountAlias,
                    id: format!("alias:{}", state.account.0),
                    name: alias.clone(),
                    path: "/".into(),
                    create_date: now_seconds(),
                    attributes: Default::default(),
                };
                state.store.create_entity(&entity, &[], &[], &[]).await
            }
        };
        match outcome {
            Ok(()) => Ok(None),
            Err(StoreError::AlreadyExists) => Err(ApiError::EntityAlreadyExists(format!(
                "The account alias {alias} already exists."
            ))),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
