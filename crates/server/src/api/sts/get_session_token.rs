//! `GetSessionToken`: temporary credentials for an IAM user or the root user. Needs no
//! permission, as on AWS; sessions cannot mint further sessions.

use keyward_aws_model::generated::sts::{input::GetSessionTokenInput, operation};

use super::{credentials_element, ROOT_SESSION_MAX, USER_SESSION_DEFAULT, USER_SESSION_MAX};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::auth::issue;
use crate::auth::session::SessionSubject;
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetSessionToken {
    duration: Option<i64>,
}

impl Operation for GetSessionToken {
    type Input = GetSessionTokenInput;
    const NAME: &'static str = operation::GET_SESSION_TOKEN;

    fn new(input: GetSessionTokenInput) -> Result<Self, ApiError> {
        Ok(GetSessionToken {
            duration: input.duration_seconds,
        })
    }

    async fn authorization(&mut self, _: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::None)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let caller = ctx.caller;
        let (subject, default, max) = match (&caller.identity, caller.token_issued) {
            (Identity::Root, None) => (SessionSubject::Root, ROOT_SESSION_MAX, ROOT_SESSION_MAX),
            (Identity::User(user), None) => (
                SessionSubject::User {
                    user_id: user.user_id.0.clone(),
                    name: user.name.clone(),
                    path: user.path.clone(),
                },
                USER_SESSION_DEFAULT,
                USER_SESSION_MAX,
            ),
            _ => {
                return Err(ApiError::AccessDenied(
                    "Cannot call GetSessionToken with session credentials".to_owned(),
                ))
            }
        };
        let duration = self.duration.unwrap_or(default).min(max);
        let (claims, token) = issue(ctx.state, subject, duration)?;
        Ok(Some(Element::parent(
            "GetSessionTokenResult",
            vec![credentials_element(&claims, token)],
        )))
    }
}
