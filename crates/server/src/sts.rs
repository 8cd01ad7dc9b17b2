//! The STS API: who am I, and temporary credentials. `GetCallerIdentity` never needs a
//! permission, exactly as on AWS. `AssumeRole` and `GetSessionToken` issue `ASIA…` keys whose
//! session token is sealed (see [`crate::session`]).

use keyward_policy::PolicyKind;
use time::{Duration, OffsetDateTime};

use crate::authz::{authorize_assume_role, compile, RequestFacts, Resource};
use crate::error::ApiError;
use crate::iam::{assumable_role, check_policy_document, managed_policy_by_arn};
use crate::identity::{role_arn, session_arn, Caller, Principal};
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::session::{self, RoleSession, SessionClaims, SessionSubject};
use crate::state::AppState;
use crate::validate::Violations;

/// Shortest session STS issues.
const MIN_DURATION: i64 = 900;
/// Longest role session AWS allows at all (a role's own limit may be lower).
const MAX_ROLE_DURATION: i64 = 43_200;
/// Role session length unless the caller asks otherwise.
const DEFAULT_ROLE_DURATION: i64 = 3600;
/// Longest session of a role assumed with role credentials.
const CHAINED_MAX_DURATION: i64 = 3600;
/// Default and longest `GetSessionToken` sessions for IAM users and for root.
const USER_SESSION_DEFAULT: i64 = 43_200;
const USER_SESSION_MAX: i64 = 129_600;
const ROOT_SESSION_MAX: i64 = 3600;
/// Most managed policies one session may pass.
const MAX_POLICY_ARNS: usize = 10;

/// `AssumeRole` input.
#[derive(Debug)]
pub struct AssumeRoleInput {
    role_arn: String,
    session_name: String,
    duration: Option<i64>,
    policy: Option<String>,
    policy_arns: Vec<String>,
    tags: Vec<(String, String)>,
    source_identity: Option<String>,
}

/// A decoded STS request.
#[derive(Debug)]
pub enum StsRequest {
    /// `GetCallerIdentity`.
    GetCallerIdentity,
    /// `AssumeRole`.
    AssumeRole(Box<AssumeRoleInput>),
    /// `GetSessionToken`.
    GetSessionToken {
        /// Requested lifetime in seconds.
        duration: Option<i64>,
    },
}

/// `[\w+=,.@-]*` with the given length bounds, as STS checks session names and source
/// identities.
fn sts_name(v: &mut Violations, value: &str, field: &str, min: usize, max: usize) {
    v.length_only(value, field, min, max);
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
    {
        v.push_raw(format!(
            "Value '{value}' at '{field}' failed to satisfy constraint: Member must satisfy \
             regular expression pattern: [\\w+=,.@-]*"
        ));
    }
}

fn decode_assume_role(req: &QueryRequest) -> Result<StsRequest, ApiError> {
    let mut v = Violations::default();
    let role_arn = req.required("RoleArn", "roleArn")?.to_owned();
    let session_name = req
        .required("RoleSessionName", "roleSessionName")?
        .to_owned();
    v.length_only(&role_arn, "roleArn", 20, 2048);
    sts_name(&mut v, &session_name, "roleSessionName", 2, 64);
    let duration = req
        .get("DurationSeconds")
        .and_then(|d| v.int_range(d, "durationSeconds", MIN_DURATION, MAX_ROLE_DURATION));
    if let Some(external_id) = req.get("ExternalId") {
        v.length_only(external_id, "externalId", 2, 1224);
        if !external_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c))
        {
            v.push_raw(format!(
                "Value '{external_id}' at 'externalId' failed to satisfy constraint: Member must \
                 satisfy regular expression pattern: [\\w+=,.@:\\/-]*"
            ));
        }
    }
    let policy = req.get("Policy").map(|p| {
        v.length_only(p, "policy", 1, 2048);
        p.to_owned()
    });
    let policy_arns: Vec<String> = req
        .structs("PolicyArns")
        .iter()
        .filter_map(|m| m.get("arn").map(str::to_owned))
        .collect();
    if policy_arns.len() > MAX_POLICY_ARNS {
        v.push_raw(format!(
            "Value '[{}]' at 'policyArns' failed to satisfy constraint: Member must have length \
             less than or equal to {MAX_POLICY_ARNS}",
            policy_arns.len()
        ));
    }
    let tags = req
        .structs("Tags")
        .iter()
        .filter_map(|m| Some((m.get("Key")?.to_owned(), m.get("Value")?.to_owned())))
        .collect();
    let source_identity = req.get("SourceIdentity").map(|s| {
        sts_name(&mut v, s, "sourceIdentity", 2, 64);
        s.to_owned()
    });
    v.finish()?;
    Ok(StsRequest::AssumeRole(Box::new(AssumeRoleInput {
        role_arn,
        session_name,
        duration,
        policy,
        policy_arns,
        tags,
        source_identity,
    })))
}

impl StsRequest {
    /// Decodes `action`; `None` if STS has no such action.
    pub fn decode(action: &str, req: &QueryRequest) -> Option<Result<Self, ApiError>> {
        match action {
            "GetCallerIdentity" => Some(Ok(StsRequest::GetCallerIdentity)),
            "AssumeRole" => Some(decode_assume_role(req)),
            "GetSessionToken" => Some((|| {
                let mut v = Violations::default();
                let duration = req.get("DurationSeconds").and_then(|d| {
                    v.int_range(d, "durationSeconds", MIN_DURATION, USER_SESSION_MAX)
                });
                v.finish()?;
                Ok(StsRequest::GetSessionToken { duration })
            })()),
            _ => None,
        }
    }

    /// Runs the request. `GetCallerIdentity` and `GetSessionToken` need no permission (as on
    /// AWS); `AssumeRole` is decided by the role's trust policy and the caller's policies.
    pub async fn execute(
        self,
        state: &AppState,
        caller: &Caller,
        facts: &RequestFacts,
    ) -> Result<Option<Element>, ApiError> {
        match self {
            StsRequest::GetCallerIdentity => Ok(Some(Element::parent(
                "GetCallerIdentityResult",
                vec![
                    Element::text("Arn", caller.arn()),
                    Element::text("UserId", caller.principal_id()),
                    Element::text("Account", &caller.account.0),
                ],
            ))),
            StsRequest::AssumeRole(input) => assume_role(state, caller, *input, facts).await,
            StsRequest::GetSessionToken { duration } => get_session_token(state, caller, duration),
        }
    }
}

/// New temporary credentials for `subject`, valid for `duration` seconds.
fn issue(
    state: &AppState,
    subject: SessionSubject,
    duration: i64,
) -> Result<(SessionClaims, String), ApiError> {
    let now = OffsetDateTime::now_utc();
    let claims = SessionClaims {
        access_key_id: ids::session_access_key_id(),
        secret_access_key: ids::secret_access_key(),
        issued: now.unix_timestamp(),
        expires: (now + Duration::seconds(duration)).unix_timestamp(),
        subject,
    };
    let token = session::seal(&state.master, &claims).ok_or(ApiError::ServiceFailure)?;
    Ok((claims, token))
}

/// The `<Credentials>` structure; the secret and token never reach the audit log.
fn credentials_element(claims: &SessionClaims, token: String) -> Element {
    Element::parent(
        "Credentials",
        vec![
            Element::text("AccessKeyId", &claims.access_key_id),
            Element::secret("SecretAccessKey", &claims.secret_access_key),
            Element::secret("SessionToken", token),
            Element::time("Expiration", claims.expires_at()),
        ],
    )
}

async fn assume_role(
    state: &AppState,
    caller: &Caller,
    input: AssumeRoleInput,
    facts: &RequestFacts,
) -> Result<Option<Element>, ApiError> {
    if caller.principal == Principal::Root {
        return Err(ApiError::AccessDenied(
            "Roles may not be assumed by root accounts.".to_owned(),
        ));
    }
    // AWS's AssumeRole denial names the role and stops there, whatever refused it.
    let denied = || {
        ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {}",
            caller.arn(),
            input.role_arn
        ))
    };
    let resource = Resource::arn(input.role_arn.clone());
    let Some(role) = assumable_role(state, &input.role_arn).await? else {
        return Err(denied());
    };
    let trust = compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]);
    match authorize_assume_role(state, caller, &resource, &trust, facts).await {
        Ok(()) => {}
        Err(ApiError::AccessDenied(_)) => return Err(denied()),
        Err(e) => return Err(e),
    }

    let chained = matches!(caller.principal, Principal::RoleSession(_));
    let duration = input.duration.unwrap_or(DEFAULT_ROLE_DURATION);
    if chained && duration > CHAINED_MAX_DURATION {
        return Err(ApiError::ValidationMessage(
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed \
             by role chaining."
                .to_owned(),
        ));
    }
    if duration > role.max_session_seconds {
        return Err(ApiError::ValidationMessage(
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
                .to_owned(),
        ));
    }

    let mut policies = Vec::new();
    if let Some(policy) = input.policy {
        check_policy_document(&policy, PolicyKind::Session, None)?;
        policies.push(("Policy".to_owned(), policy));
    }
    for arn in &input.policy_arns {
        match managed_policy_by_arn(state, arn).await? {
            Some(policy) => policies.push(policy),
            None => {
                return Err(ApiError::InvalidInput(format!(
                    "Policy {arn} does not exist or is not attachable."
                )))
            }
        }
    }

    let entity = &role.role;
    let session = RoleSession {
        role_id: entity.id.clone(),
        role_name: entity.name.clone(),
        role_path: entity.path.clone(),
        session_name: input.session_name,
        policies,
        tags: input.tags,
        source_identity: input.source_identity,
        chained,
    };
    let assumed_arn = session_arn(&state.account, &session.role_name, &session.session_name);
    let assumed_id = format!("{}:{}", session.role_id, session.session_name);
    let source_identity = session.source_identity.clone();
    let (claims, token) = issue(state, SessionSubject::Role(session), duration)?;

    let mut fields = vec![
        credentials_element(&claims, token),
        Element::parent(
            "AssumedRoleUser",
            vec![
                Element::text("AssumedRoleId", assumed_id),
                Element::text("Arn", assumed_arn),
            ],
        ),
    ];
    if let Some(source_identity) = source_identity {
        fields.push(Element::text("SourceIdentity", source_identity));
    }
    tracing::debug!(
        role = %role_arn(&state.account, &entity.path, &entity.name),
        "role assumed"
    );
    Ok(Some(Element::parent("AssumeRoleResult", fields)))
}

fn get_session_token(
    state: &AppState,
    caller: &Caller,
    duration: Option<i64>,
) -> Result<Option<Element>, ApiError> {
    // Sessions (role sessions and GetSessionToken's own) cannot mint further sessions.
    let (subject, default, max) = match (&caller.principal, caller.token_issued) {
        (Principal::Root, None) => (SessionSubject::Root, ROOT_SESSION_MAX, ROOT_SESSION_MAX),
        (Principal::User(user), None) => (
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
    let duration = duration.unwrap_or(default).min(max);
    let (claims, token) = issue(state, subject, duration)?;
    Ok(Some(Element::parent(
        "GetSessionTokenResult",
        vec![credentials_element(&claims, token)],
    )))
}
