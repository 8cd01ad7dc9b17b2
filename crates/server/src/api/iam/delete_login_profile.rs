//! `DeleteLoginProfile`: removes a user's console password (and its history); the user's
//! access keys are untouched.

use keyward_aws_model::generated::iam::{input::DeleteLoginProfileInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::console::{login_profile, no_such_profile, profile_resource};
use super::shared::service_credentials::target_user;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteLoginProfile(DeleteLoginProfileInput);

impl Operation for DeleteLoginProfile {
    type Input = DeleteLoginProfileInput;
    const NAME: &'static str = operation::DELETE_LOGIN_PROFILE;

    fn new(input: DeleteLoginProfileInput) -> Result<Self, ApiError> {
        Ok(DeleteLoginProfile(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = profile_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = target_user(state, ctx.caller, self.0.user_name.as_deref()).await?;
        let profile = login_profile(state, &user)
            .await?
            .ok_or_else(|| no_such_profile(&user.name))?;
        match state
            .store
            .delete_entity(EntityKind::LoginProfile, &profile.name)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_profile(&user.name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
