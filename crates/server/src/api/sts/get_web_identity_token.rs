//! `GetWebIdentityToken`: a JWT asserting the caller's identity to an external service,
//! signed by the account's outbound issuer (see
//! [`crate::directory::web_identity_issuer`]) with RS256 or ES384 and verifiable against the
//! keys served under the issuer URL. The claims are those AWS documents ("Understanding token
//! claims", IAM User Guide): `iss`, `aud`, `sub` (the principal's ARN; a role session's is the
//! role's), `iat`, `exp`, `jti`, and under `https://sts.amazonaws.com/` the account, the
//! region the request was signed for, the principal's tags (a session's tags included), the
//! session's source identity and the request's tags. Keyward has no organizations, EC2
//! instances or Lambda functions, so `org_id`, `ou_path` and the source ARNs never appear.

use keyward_aws_model::generated::sts::{input::GetWebIdentityTokenInput, operation};
use keyward_store::{EntityKind, EntityRef};
use serde_json::{json, Map, Value};

use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::identity::{Caller, Identity};
use crate::authz::{Authorization, Resource};
use crate::directory::web_identity_issuer::{self, SigningAlgorithm};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Token lifetime unless the request asks otherwise (the model bounds it to 60–3600).
const DEFAULT_DURATION: i64 = 300;
/// The claim namespace of AWS's own claims.
const NAMESPACE: &str = "https://sts.amazonaws.com/";

pub(crate) struct GetWebIdentityToken {
    audiences: Vec<String>,
    duration: i64,
    algorithm: SigningAlgorithm,
    tags: Vec<(String, String)>,
}

impl Operation for GetWebIdentityToken {
    type Input = GetWebIdentityTokenInput;
    const NAME: &'static str = operation::GET_WEB_IDENTITY_TOKEN;

    fn new(input: GetWebIdentityTokenInput) -> Result<Self, ApiError> {
        let algorithm = SigningAlgorithm::parse(&input.signing_algorithm).ok_or_else(|| {
            ApiError::Validation(vec![format!(
                "Value '{}' at 'signingAlgorithm' failed to satisfy constraint: Member must \
                 satisfy enum value set: [RS256, ES384]",
                input.signing_algorithm
            )])
        })?;
        let tags: Vec<(String, String)> = input
            .tags
            .unwrap_or_default()
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect();
        let mut seen = std::collections::HashSet::new();
        if !tags.iter().all(|(k, _)| seen.insert(k.to_lowercase())) {
            return Err(ApiError::InvalidParameterValue(
                "Duplicate tag keys found. Please note that Tag keys are case insensitive."
                    .to_owned(),
            ));
        }
        Ok(GetWebIdentityToken {
            audiences: input.audience,
            duration: input.duration_seconds.unwrap_or(DEFAULT_DURATION),
            algorithm,
            tags,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let also = if self.tags.is_empty() {
            Vec::new()
        } else {
            vec!["sts:TagGetWebIdentityToken"]
        };
        Ok(Authorization::Standard {
            resource: Resource::arn("*".to_owned()),
            also,
        })
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let issuer = web_identity_issuer::load(state)
            .await?
            .filter(web_identity_issuer::is_enabled)
            .ok_or_else(|| {
                ApiError::OutboundWebIdentityFederationDisabled(
                    "The outbound web identity federation feature is not enabled for this \
                     account. To use this feature, you must first enable it through the AWS \
                     Management Console or API."
                        .to_owned(),
                )
            })?;
        let now = state.clock.now();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        let expires = now + time::Duration::seconds(self.duration);
        if ctx.caller.token_expires.is_some_and(|end| expires > end) {
            return Err(ApiError::SessionDurationEscalation(
                "The requested token duration would extend the session beyond its original \
                 expiration time."
                    .to_owned(),
            ));
        }
        let mut aws = Map::new();
        aws.insert("aws_account".into(), json!(state.account.0));
        aws.insert("source_region".into(), json!(ctx.facts.region));
        let principal_tags = principal_tags(state, ctx.caller).await?;
        if !principal_tags.is_empty() {
            aws.insert("principal_tags".into(), tag_object(&principal_tags));
        }
        if let Identity::RoleSession(session) = &ctx.caller.identity {
            if let Some(source) = &session.source_identity {
                aws.insert("source_identity".into(), json!(source));
            }
        }
        if !self.tags.is_empty() {
            aws.insert("request_tags".into(), tag_object(&self.tags));
        }
        let audience = match self.audiences.as_slice() {
            [one] => json!(one),
            many => json!(many),
        };
        let claims = json!({
            "iss": state.issuer,
            "aud": audience,
            "sub": subject(ctx.caller),
            "iat": now.unix_timestamp(),
            "exp": expires.unix_timestamp(),
            "jti": uuid::Uuid::new_v4().to_string(),
            NAMESPACE: aws,
        });
        let token = web_identity_issuer::sign(state, &issuer, self.algorithm, &claims)?;
        Ok(Some(Element::parent(
            "GetWebIdentityTokenResult",
            vec![
                Element::secret("WebIdentityToken", token),
                Element::time("Expiration", expires),
            ],
        )))
    }
}

/// `sub`: the principal's ARN; for a role session, the role's.
fn subject(caller: &Caller) -> String {
    match &caller.identity {
        Identity::RoleSession(s) => arn::role(&caller.account, &s.role_path, &s.role_name),
        _ => caller.arn(),
    }
}

/// The tags `aws:PrincipalTag/*` would hold: the user's or role's tags, overridden by a
/// session's tags of the same key (ignoring case), as authorization reads them.
async fn principal_tags(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<(String, String)>, ApiError> {
    let (owner, session_tags) = match &caller.identity {
        Identity::Root => (None, &[][..]),
        Identity::User(u) => (
            Some(EntityRef::new(EntityKind::User, &u.user_id.0)),
            &[][..],
        ),
        Identity::RoleSession(s) => (
            Some(EntityRef::new(EntityKind::Role, &s.role_id)),
            &s.tags[..],
        ),
        Identity::FederatedUser(s) => (None, &s.tags[..]),
        Identity::Delegated(d) => match &d.approver {
            crate::auth::session::DelegatedApprover::Root => (None, &[][..]),
            crate::auth::session::DelegatedApprover::User { user_id, .. } => {
                (Some(EntityRef::new(EntityKind::User, user_id)), &[][..])
            }
            crate::auth::session::DelegatedApprover::Role(s) => (
                Some(EntityRef::new(EntityKind::Role, &s.role_id)),
                &s.tags[..],
            ),
        },
    };
    let mut tags: Vec<(String, String)> = match owner {
        Some(owner) => state
            .policies
            .get(state, &owner)
            .await?
            .tags
            .iter()
            .filter(|t| {
                !session_tags
                    .iter()
                    .any(|(k, _)| k.eq_ignore_ascii_case(&t.key))
            })
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect(),
        None => Vec::new(),
    };
    tags.extend(session_tags.iter().cloned());
    Ok(tags)
}

/// Tags as a JSON object, key to value.
fn tag_object(tags: &[(String, String)]) -> Value {
    Value::Object(
        tags.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;

    use crate::api::operations::Service;
    use crate::auth::identity::Caller;
    use crate::testing::{self, call};

    const REQUEST: [(&str, &str); 3] = [
        ("Action", "GetWebIdentityToken"),
        ("Audience.member.1", "svc"),
        ("SigningAlgorithm", "ES384"),
    ];

    /// The payload of the token in an answer.
    fn claims(answer: &crate::protocol::xml::Element) -> serde_json::Value {
        let mut xml = String::new();
        answer.write_xml(&mut xml);
        let token = xml
            .split("<WebIdentityToken>")
            .nth(1)
            .and_then(|rest| rest.split("</WebIdentityToken>").next())
            .unwrap();
        let payload = token.split('.').nth(1).unwrap();
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
    }

    #[tokio::test]
    async fn signs_only_once_enabled_and_never_past_the_session() {
        let state = testing::state();
        let root = testing::root(&state);
        let err = call(&state, &root, Service::Sts, &REQUEST)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code(), err.status()),
            ("OutboundWebIdentityFederationDisabledException", 403)
        );
        let enable = [("Action", "EnableOutboundWebIdentityFederation")];
        call(&state, &root, Service::Iam, &enable).await.unwrap();
        let answer = call(&state, &root, Service::Sts, &REQUEST)
            .await
            .unwrap()
            .unwrap();
        let claims = claims(&answer);
        assert_eq!(claims["aud"], "svc");
        assert_eq!(claims["iss"], state.issuer);
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
            300
        );
        assert_eq!(
            claims["https://sts.amazonaws.com/"]["aws_account"],
            testing::ACCOUNT
        );
        // The token never reaches the audit record: only the expiry does.
        let audit = answer.to_audit_json();
        assert_eq!(audit.as_object().map(|o| o.len()), Some(1), "{audit}");
        assert!(audit["expiration"].is_string());

        let now = state.clock.now();
        let session = Caller {
            token_issued: Some(now),
            token_expires: Some(now + time::Duration::seconds(299)),
            ..testing::root(&state)
        };
        let err = call(&state, &session, Service::Sts, &REQUEST)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code(), err.status()),
            ("SessionDurationEscalationException", 403)
        );
        let short = [
            REQUEST[0],
            REQUEST[1],
            REQUEST[2],
            ("DurationSeconds", "120"),
        ];
        call(&state, &session, Service::Sts, &short).await.unwrap();
    }

    #[tokio::test]
    async fn a_users_tags_are_its_principal_tags() {
        let state = testing::state();
        let root = testing::root(&state);
        let erin = testing::user(&state, "erin").await;
        let steps: [&[(&str, &str)]; 3] = [
            &[("Action", "EnableOutboundWebIdentityFederation")],
            &[
                ("Action", "TagUser"),
                ("UserName", "erin"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
            &[
                ("Action", "PutUserPolicy"),
                ("UserName", "erin"),
                ("PolicyName", "p"),
                (
                    "PolicyDocument",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetWebIdentityToken","Resource":"*"}]}"#,
                ),
            ],
        ];
        for step in steps {
            call(&state, &root, Service::Iam, step).await.unwrap();
        }
        let answer = call(&state, &erin, Service::Sts, &REQUEST)
            .await
            .unwrap()
            .unwrap();
        let claims = claims(&answer);
        assert_eq!(claims["sub"], erin.arn());
        assert_eq!(
            claims["https://sts.amazonaws.com/"]["principal_tags"],
            serde_json::json!({ "team": "blue" })
        );
        let tagged = [
            REQUEST[0],
            REQUEST[1],
            REQUEST[2],
            ("Tags.member.1.Key", "job"),
            ("Tags.member.1.Value", "1"),
        ];
        let err = call(&state, &erin, Service::Sts, &tagged)
            .await
            .unwrap_err();
        assert_eq!(err.code(), "AccessDenied");
        assert!(err.message().contains("sts:TagGetWebIdentityToken"));
    }
}
