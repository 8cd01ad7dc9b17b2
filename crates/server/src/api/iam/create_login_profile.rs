//! `CreateLoginProfile`: gives a user a console password, checked against the account's
//! password policy and stored only as its argon2id hash.

use keyward_aws_model::generated::iam::{input::CreateLoginProfileInput, operation};
use keyward_store::{Entity, EntityKind, StoreError};

use super::shared::console::{
    check_composition, hash_password, load_policy, login_profile, profile_element,
    profile_resource, PASSWORD_HASH, PASSWORD_SET, RESET_REQUIRED,
};
use super::shared::now_seconds;
use super::shared::service_credentials::target_user;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct CreateLoginProfile(CreateLoginProfileInput);

impl Operation for CreateLoginProfile {
    type Input = CreateLoginProfileInput;
    const NAME: &'static str = operation::CREATE_LOGIN_PROFILE;

    fn new(input: CreateLoginProfileInput) -> Result<Self, ApiError> {
        // The model leaves `Password` optional for AWS's `AssumeRoot` sessions, which reset
        // the root user's password; every other caller must give one.
        if input.password.is_none() {
            return Err(ApiError::validation_null("password"));
        }
        Ok(CreateLoginProfile(input))
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
        let already = || {
            ApiError::EntityAlreadyExists(format!(
                "Login Profile for user {} already exists.",
                user.name
            ))
        };
        if login_profile(state, &user).await?.is_some() {
            return Err(already());
        }
        let password = self.0.password.unwrap_or_default();
        check_composition(load_policy(state).await?.as_ref(), &password)?;
        let created = now_seconds();
        let reset = self.0.password_reset_required.unwrap_or(false);
        let entity = Entity {
            kind: EntityKind::LoginProfile,
            // Ids are shared by every kind's relations, documents and tags: the user's own
            // must not be reused.
            id: format!("login-profile:{}", user.user_id.0),
            name: user.user_id.0.clone(),
            path: "/".into(),
            create_date: created,
            attributes: [
                (PASSWORD_HASH.to_owned(), hash_password(&password).await?),
                (RESET_REQUIRED.to_owned(), reset.to_string()),
                (
                    PASSWORD_SET.to_owned(),
                    created.unix_timestamp().to_string(),
                ),
            ]
            .into_iter()
            .collect(),
        };
        match state.store.create_entity(&entity, &[], &[], &[]).await {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => return Err(already()),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        Ok(Some(Element::parent(
            "CreateLoginProfileResult",
            vec![profile_element(&user, &entity)],
        )))
    }
}
