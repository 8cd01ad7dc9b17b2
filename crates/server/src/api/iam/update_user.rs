//! `UpdateUser`: renames a user or moves it to another path.

use keyward_aws_model::generated::iam::{input::UpdateUserInput, operation};
use keyward_store::StoreError;

use super::shared::{no_such_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateUser(UpdateUserInput);

impl Operation for UpdateUser {
    type Input = UpdateUserInput;
    const NAME: &'static str = operation::UPDATE_USER;

    fn new(input: UpdateUserInput) -> Result<Self, ApiError> {
        Ok(UpdateUser(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = user_resource(ctx.state, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let UpdateUserInput {
            user_name,
            new_path,
            new_user_name,
        } = self.0;
        let state = ctx.state;
        match state
            .store
            .update_user(&user_name, new_user_name.as_deref(), new_path.as_deref())
            .await
        {
            Ok(user) => {
                state.keys.update_user(&user);
                Ok(None)
            }
            Err(StoreError::NotFound) => Err(no_such_user(&user_name)),
            Err(StoreError::AlreadyExists) => Err(ApiError::already_exists(
                "User",
                new_user_name.as_deref().unwrap_or(&user_name),
            )),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
