//! `GetSessionToken`: temporary credentials for an IAM user or the root user. Needs no
//! permission, as on AWS; sessions cannot mint further sessions. With the code of an MFA
//! device enabled for the user, the session is MFA-authenticated: it carries
//! `aws:MultiFactorAuthPresent` and `aws:MultiFactorAuthAge`, and may call IAM.

use keyward_aws_model::generated::sts::{input::GetSessionTokenInput, operation};

use super::{credentials_element, ROOT_SESSION_MAX, USER_SESSION_DEFAULT, USER_SESSION_MAX};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::auth::issue_with_mfa;
use crate::auth::session::SessionSubject;
use crate::authz::Authorization;
use crate::directory::mfa::verify_sts_code;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetSessionToken {
    duration: Option<i64>,
    serial_number: Option<String>,
    token_code: Option<String>,
}

impl Operation for GetSessionToken {
    type Input = GetSessionTokenInput;
    const NAME: &'static str = operation::GET_SESSION_TOKEN;

    fn new(input: GetSessionTokenInput) -> Result<Self, ApiError> {
        Ok(GetSessionToken {
            duration: input.duration_seconds,
            serial_number: input.serial_number,
            token_code: input.token_code,
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
        let user = match &caller.identity {
            Identity::User(user) => Some(user),
            _ => None,
        };
        let mfa = verify_sts_code(
            ctx.state,
            user,
            self.serial_number.as_deref(),
            self.token_code.as_deref(),
        )
        .await?;
        let duration = self.duration.unwrap_or(default).min(max);
        let (claims, token) = issue_with_mfa(ctx.state, subject, duration, mfa)?;
        Ok(Some(Element::parent(
            "GetSessionTokenResult",
            vec![credentials_element(&claims, token)],
        )))
    }
}
