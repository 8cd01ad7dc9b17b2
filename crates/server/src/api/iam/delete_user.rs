//! `DeleteUser`: only a user with nothing left hanging off it.

use keyward_aws_model::generated::iam::{input::DeleteUserInput, operation};
use keyward_store::{Dependent, StoreError};

use super::shared::certificates::certificates_and_keys_conflict;
use super::shared::console::login_profile;
use super::shared::delete_conflict;
use super::shared::{no_such_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::service_credentials;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteUser(DeleteUserInput);

impl Operation for DeleteUser {
    type Input = DeleteUserInput;
    const NAME: &'static str = operation::DELETE_USER;

    fn new(input: DeleteUserInput) -> Result<Self, ApiError> {
        Ok(DeleteUser(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = user_resource(ctx.state, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let name = &self.0.user_name;
        // Login profiles and service-specific credentials live outside the user's own
        // records, so IAM's rule that they go first is checked here.
        match state.store.get_user(name).await {
            Ok(user) => {
                if login_profile(state, &user).await?.is_some() {
                    return Err(ApiError::DeleteConflict(
                        "Cannot delete entity, must delete login profile first.".into(),
                    ));
                }
                if !service_credentials::of_user(state, &user).await?.is_empty() {
                    return Err(ApiError::DeleteConflict(
                        "Cannot delete entity, must delete service specific credentials first."
                            .into(),
                    ));
                }
                certificates_and_keys_conflict(state, &user).await?;
            }
            Err(StoreError::NotFound) => return Err(no_such_user(name)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        match state.store.delete_user(name).await {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_user(name)),
            Err(StoreError::DeleteConflict(Dependent::AccessKeys)) => {
                Err(ApiError::DeleteConflict(
                    "Cannot delete entity, must delete access keys first.".into(),
                ))
            }
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
