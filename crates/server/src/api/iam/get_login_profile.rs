//! `GetLoginProfile`: whether a user has a console password, since when, and whether it must
//! be reset — never the password.

use keyward_aws_model::generated::iam::{input::GetLoginProfileInput, operation};

use super::shared::console::{login_profile, no_such_profile, profile_element, profile_resource};
use super::shared::service_credentials::target_user;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetLoginProfile(GetLoginProfileInput);

impl Operation for GetLoginProfile {
    type Input = GetLoginProfileInput;
    const NAME: &'static str = operation::GET_LOGIN_PROFILE;

    fn new(input: GetLoginProfileInput) -> Result<Self, ApiError> {
        Ok(GetLoginProfile(input))
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
        Ok(Some(Element::parent(
            "GetLoginProfileResult",
            vec![profile_element(&user, &profile)],
        )))
    }
}
