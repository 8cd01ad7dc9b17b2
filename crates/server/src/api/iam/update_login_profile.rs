//! `UpdateLoginProfile`: an administrator sets a user's console password (checked against the
//! account's password policy, reuse prevention included) and/or whether it must be reset.

use keyward_aws_model::generated::iam::{input::UpdateLoginProfileInput, operation};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::console::{
    load_policy, login_profile, no_such_profile, replace_password, RESET_REQUIRED,
};
use super::shared::{load_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateLoginProfile(UpdateLoginProfileInput);

impl Operation for UpdateLoginProfile {
    type Input = UpdateLoginProfileInput;
    const NAME: &'static str = operation::UPDATE_LOGIN_PROFILE;

    fn new(input: UpdateLoginProfileInput) -> Result<Self, ApiError> {
        Ok(UpdateLoginProfile(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = user_resource(ctx.state, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = load_user(state, &self.0.user_name).await?;
        let profile = login_profile(state, &user)
            .await?
            .ok_or_else(|| no_such_profile(&user.name))?;
        let mut attributes = Vec::new();
        if let Some(password) = &self.0.password {
            let policy = load_policy(state).await?;
            attributes = replace_password(policy.as_ref(), &profile, password).await?;
        }
        if let Some(reset) = self.0.password_reset_required {
            attributes.push((RESET_REQUIRED.to_owned(), Some(reset.to_string())));
        }
        if attributes.is_empty() {
            return Ok(None);
        }
        let update = EntityUpdate {
            attributes,
            ..Default::default()
        };
        match state
            .store
            .update_entity(EntityKind::LoginProfile, &profile.name, &update)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_profile(&user.name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
