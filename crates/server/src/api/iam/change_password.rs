//! `ChangePassword`: an IAM user changes their own console password, proving the old one.
//! Authorized as `iam:ChangePassword` on the user's own ARN — which the password policy's
//! `AllowUsersToChangePassword` grants every user, unless the password has expired under
//! `HardExpiry` (then only the user's own policies can allow it).

use keyward_aws_model::generated::iam::{input::ChangePasswordInput, operation};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::console::{
    account_granted, hard_expired, load_policy, login_profile, matches_any, no_such_profile,
    replace_password, PASSWORD_HASH, RESET_REQUIRED,
};
use super::shared::load_user;
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::identity::Identity;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ChangePassword(ChangePasswordInput);

impl Operation for ChangePassword {
    type Input = ChangePasswordInput;
    const NAME: &'static str = operation::CHANGE_PASSWORD;

    fn new(input: ChangePasswordInput) -> Result<Self, ApiError> {
        Ok(ChangePassword(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let state = ctx.state;
        let Identity::User(caller) = &ctx.caller.identity else {
            return Err(ApiError::InvalidUserType(
                "Only IAM Users can change their own password.".into(),
            ));
        };
        let user = load_user(state, &caller.name).await?;
        let resource = Resource::user(
            arn::user(&state.account, &user.path, &user.name),
            &user.name,
        );
        let granted = match load_policy(state).await? {
            Some(policy) if policy.allows_users_to_change() => {
                match login_profile(state, &user).await? {
                    Some(profile) => !hard_expired(&policy, &profile),
                    None => true,
                }
            }
            _ => false,
        };
        Ok(account_granted(ctx, resource, granted))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let Identity::User(caller) = &ctx.caller.identity else {
            return Err(ApiError::InvalidUserType(
                "Only IAM Users can change their own password.".into(),
            ));
        };
        let user = load_user(state, &caller.name).await?;
        let profile = login_profile(state, &user)
            .await?
            .ok_or_else(|| no_such_profile(&user.name))?;
        let current: Vec<String> = profile
            .attribute(PASSWORD_HASH)
            .map(str::to_owned)
            .into_iter()
            .collect();
        if !matches_any(&self.0.old_password, current).await? {
            return Err(ApiError::AccessDenied(
                "The old password was incorrect.".into(),
            ));
        }
        let policy = load_policy(state).await?;
        let mut attributes =
            replace_password(policy.as_ref(), &profile, &self.0.new_password).await?;
        // A user who sets their own password has done the reset an administrator asked for.
        attributes.push((RESET_REQUIRED.to_owned(), Some("false".into())));
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
