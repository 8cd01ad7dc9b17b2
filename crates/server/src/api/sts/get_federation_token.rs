//! `GetFederationToken`: a federated user session for an IAM user or the root user, limited
//! by the session policies it is given.

use keyward_aws_model::generated::sts::{input::GetFederationTokenInput, operation};

use super::{
    credentials_element, session_policies, session_tags, SessionInput, SessionTags,
    FEDERATION_DEFAULT, FEDERATION_MAX, ROOT_FEDERATION_MAX,
};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::identity::Identity;
use crate::auth::issue;
use crate::auth::session::{FederatedSession, FederationIssuer, SessionSubject};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetFederationToken {
    name: String,
    duration: Option<i64>,
    session: SessionInput,
    /// What authorization found: who issues the session and its longest lifetime.
    issuer: Option<(FederationIssuer, i64)>,
    /// The session's tags, or why they are refused (answered after the permission check).
    tags: Result<SessionTags, ApiError>,
}

impl Operation for GetFederationToken {
    type Input = GetFederationTokenInput;
    const NAME: &'static str = operation::GET_FEDERATION_TOKEN;

    fn new(input: GetFederationTokenInput) -> Result<Self, ApiError> {
        let session = SessionInput::new(input.policy, input.policy_arns, input.tags, None);
        Ok(GetFederationToken {
            name: input.name,
            duration: input.duration_seconds,
            tags: session_tags(None, &session).map(|(tags, _)| tags),
            session,
            issuer: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let issuer = match (&ctx.caller.identity, ctx.caller.token_issued) {
            (Identity::Root, None) => (FederationIssuer::Root, ROOT_FEDERATION_MAX),
            (Identity::User(user), None) => (
                FederationIssuer::User {
                    user_id: user.user_id.0.clone(),
                    name: user.name.clone(),
                    path: user.path.clone(),
                },
                FEDERATION_MAX,
            ),
            _ => {
                return Err(ApiError::AccessDenied(
                    "Cannot call GetFederationToken with session credentials".to_owned(),
                ))
            }
        };
        self.issuer = Some(issuer);
        let arn = arn::federated_user(&ctx.state.account, &self.name);
        let tagged = self.tags.as_ref().is_ok_and(|tags| !tags.is_empty());
        Ok(Authorization::Standard {
            resource: Resource::arn(arn),
            also: if tagged {
                vec!["sts:TagSession"]
            } else {
                Vec::new()
            },
        })
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let tags = self.tags?;
        let (issuer, max) = self.issuer.ok_or(ApiError::ServiceFailure)?;
        let (policies, packed) = session_policies(state, &self.session, &tags).await?;
        let duration = self.duration.unwrap_or(FEDERATION_DEFAULT).min(max);
        let arn = arn::federated_user(&state.account, &self.name);
        let federated_id = format!("{}:{}", state.account.0, self.name);
        let session = FederatedSession {
            name: self.name,
            issuer,
            policies,
            tags,
        };
        let (claims, token) = issue(state, SessionSubject::Federated(session), duration)?;
        let fields = vec![
            credentials_element(&claims, token),
            Element::parent(
                "FederatedUser",
                vec![
                    Element::text("FederatedUserId", federated_id),
                    Element::text("Arn", arn),
                ],
            ),
            // GetFederationToken always reports the packed size, even without policies.
            Element::text("PackedPolicySize", packed.unwrap_or(0).to_string()),
        ];
        Ok(Some(Element::parent("GetFederationTokenResult", fields)))
    }
}
