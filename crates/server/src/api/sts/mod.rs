//! The STS API: who am I, and temporary credentials. `GetCallerIdentity` never needs a
//! permission, exactly as on AWS. `AssumeRole`, `AssumeRoleWithWebIdentity`,
//! `GetSessionToken` and `GetFederationToken` issue `ASIA…` keys whose session token is sealed
//! (see [`crate::auth::session`]).

use keyward_policy::{ContextValue, PolicyKind};
use serde_json::Value;

use crate::api::iam::check_policy_document;
use crate::arn::{self, IamArn, IamResourceType};
use crate::audit::UserIdentity;
use crate::auth::identity::{Caller, Identity};
use crate::auth::issue;
use crate::auth::session::{
    FederatedSession, FederationIssuer, RoleSession, SessionClaims, SessionSubject,
};
use crate::auth::web_identity;
use crate::authz::{
    authorize, authorize_assume_role, compile, trust_allows, RequestFacts, Resource,
};
use crate::directory::managed_policy_by_arn;
use crate::directory::roles::{assumable_role, AssumableRole};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// The one STS action served without a signature: its web identity token is the credential.
pub const UNSIGNED_ACTION: &str = "AssumeRoleWithWebIdentity";

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
/// Most session tags (and transitive tag keys) one session may carry.
const MAX_SESSION_TAGS: usize = 50;
/// The space a session token has for its policies and tags, in Keyward's packing model (the
/// minified inline policy, the managed policy ARNs and the tags' keys and values).
const PACKED_POLICY_BUDGET: usize = 4096;
/// `GetFederationToken` sessions: default and longest, for users and for root.
const FEDERATION_DEFAULT: i64 = 43_200;
const FEDERATION_MAX: i64 = 129_600;
const ROOT_FEDERATION_MAX: i64 = 3600;

/// Session tags as (key, value).
type SessionTags = Vec<(String, String)>;

/// Session policies and tags as a request passes them, before they are resolved.
#[derive(Debug, Default)]
struct SessionInput {
    policy: Option<String>,
    policy_arns: Vec<String>,
    tags: Vec<(String, String)>,
    transitive_tag_keys: Vec<String>,
}

/// `AssumeRole` input.
#[derive(Debug)]
pub struct AssumeRoleInput {
    role_arn: String,
    session_name: String,
    duration: Option<i64>,
    session: SessionInput,
    source_identity: Option<String>,
}

/// `GetFederationToken` input.
#[derive(Debug)]
pub struct FederationInput {
    name: String,
    duration: Option<i64>,
    session: SessionInput,
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
    /// `GetFederationToken`.
    GetFederationToken(Box<FederationInput>),
    /// `GetAccessKeyInfo`.
    GetAccessKeyInfo {
        /// The access key id asked about.
        access_key_id: String,
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
    let session = decode_session_input(&mut v, req);
    let source_identity = req.get("SourceIdentity").map(|s| {
        sts_name(&mut v, s, "sourceIdentity", 2, 64);
        s.to_owned()
    });
    v.finish()?;
    check_role_arn(&role_arn)?;
    Ok(StsRequest::AssumeRole(Box::new(AssumeRoleInput {
        role_arn,
        session_name,
        duration,
        session,
        source_identity,
    })))
}

/// STS refuses a `RoleArn` that is not an IAM role's ARN (`arn:PARTITION:iam::ACCOUNT:role/…`)
/// as invalid input, before it looks at the role or any permission.
fn check_role_arn(text: &str) -> Result<(), ApiError> {
    let is_role_arn = IamArn::parse(text).is_some_and(|arn| {
        arn.resource_type == IamResourceType::Role
            && arn.account.len() == 12
            && arn.account.bytes().all(|b| b.is_ascii_digit())
    });
    if is_role_arn {
        Ok(())
    } else {
        Err(ApiError::ValidationMessage(
            "Request ARN is invalid".to_owned(),
        ))
    }
}

/// `Policy`, `PolicyArns`, `Tags` and `TransitiveTagKeys`, with botocore's constraints.
fn decode_session_input(v: &mut Violations, req: &QueryRequest) -> SessionInput {
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
    let tags: Vec<(String, String)> = req
        .structs("Tags")
        .iter()
        .filter_map(|m| Some((m.get("Key")?.to_owned(), m.get("Value")?.to_owned())))
        .collect();
    if tags.len() > MAX_SESSION_TAGS {
        v.push_raw(format!(
            "Value '[{}]' at 'tags' failed to satisfy constraint: Member must have length less \
             than or equal to {MAX_SESSION_TAGS}",
            tags.len()
        ));
    }
    for (i, (key, value)) in tags.iter().enumerate() {
        tag_text(v, key, &format!("tags.{}.member.key", i + 1), 1, 128);
        tag_text(v, value, &format!("tags.{}.member.value", i + 1), 0, 256);
    }
    let transitive_tag_keys: Vec<String> = req
        .list("TransitiveTagKeys")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if transitive_tag_keys.len() > MAX_SESSION_TAGS {
        v.push_raw(format!(
            "Value '[{}]' at 'transitiveTagKeys' failed to satisfy constraint: Member must have \
             length less than or equal to {MAX_SESSION_TAGS}",
            transitive_tag_keys.len()
        ));
    }
    SessionInput {
        policy,
        policy_arns,
        tags,
        transitive_tag_keys,
    }
}

/// A session tag key or value: STS's length bounds and `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
fn tag_text(v: &mut Violations, value: &str, field: &str, min: usize, max: usize) {
    v.length_only(value, field, min, max);
    if !value
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c))
    {
        v.push_raw(format!(
            "Value '{value}' at '{field}' failed to satisfy constraint: Member must satisfy \
             regular expression pattern: [\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*"
        ));
    }
}

fn decode_federation(req: &QueryRequest) -> Result<StsRequest, ApiError> {
    let mut v = Violations::default();
    let name = req.required("Name", "name")?.to_owned();
    sts_name(&mut v, &name, "name", 2, 32);
    let duration = req
        .get("DurationSeconds")
        .and_then(|d| v.int_range(d, "durationSeconds", MIN_DURATION, FEDERATION_MAX));
    let session = decode_session_input(&mut v, req);
    v.finish()?;
    Ok(StsRequest::GetFederationToken(Box::new(FederationInput {
        name,
        duration,
        session,
    })))
}

fn decode_access_key_info(req: &QueryRequest) -> Result<StsRequest, ApiError> {
    let mut v = Violations::default();
    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
    v.length_only(&access_key_id, "accessKeyId", 16, 128);
    if !access_key_id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        v.push_raw(format!(
            "Value '{access_key_id}' at 'accessKeyId' failed to satisfy constraint: Member must \
             satisfy regular expression pattern: [\\w]*"
        ));
    }
    v.finish()?;
    Ok(StsRequest::GetAccessKeyInfo { access_key_id })
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
            "GetFederationToken" => Some(decode_federation(req)),
            "GetAccessKeyInfo" => Some(decode_access_key_info(req)),
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
            StsRequest::GetFederationToken(input) => {
                get_federation_token(state, caller, *input, facts).await
            }
            StsRequest::GetAccessKeyInfo { access_key_id } => {
                // Federated users may call no STS operation but GetCallerIdentity.
                if matches!(caller.identity, Identity::FederatedUser(_)) {
                    return Err(ApiError::AccessDenied(
                        "Cannot call GetAccessKeyInfo with federated user credentials".to_owned(),
                    ));
                }
                let account = Resource::arn("*".to_owned());
                authorize(state, caller, "sts:GetAccessKeyInfo", &account, facts).await?;
                let account = ids::account_of_key_id(&access_key_id).ok_or_else(|| {
                    ApiError::InvalidParameterValue(format!(
                        "The access key ID {access_key_id} is not valid."
                    ))
                })?;
                Ok(Some(Element::parent(
                    "GetAccessKeyInfoResult",
                    vec![Element::text("Account", format!("{account:012}"))],
                )))
            }
        }
    }
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

/// Resolves session policies and checks that policies and tags fit in a session token.
/// Returns the policies and the packed size in percent.
async fn session_policies(
    state: &AppState,
    input: &SessionInput,
    tags: &[(String, String)],
) -> Result<(Vec<(String, String)>, Option<u64>), ApiError> {
    let mut policies = Vec::new();
    if let Some(policy) = &input.policy {
        check_policy_document(policy, PolicyKind::Session, None)?;
        policies.push(("Policy".to_owned(), policy.clone()));
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
    if input.policy.is_none() && input.policy_arns.is_empty() && tags.is_empty() {
        return Ok((policies, None));
    }
    let minified = input
        .policy
        .as_deref()
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
        .map_or(0, |p| p.to_string().len());
    let packed = minified
        + input.policy_arns.iter().map(String::len).sum::<usize>()
        + tags.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    let percent = (packed * 100).div_ceil(PACKED_POLICY_BUDGET) as u64;
    if percent > 100 {
        return Err(ApiError::PackedPolicyTooLarge(format!(
            "Packed policy consumes {percent}% of allotted space, please use smaller policy."
        )));
    }
    Ok((policies, Some(percent)))
}

/// The session's tags: the caller's transitive tags (which the request may not override) and
/// the request's own. Returns the tags and the keys that pass on to later sessions.
fn session_tags(
    inherited: Option<&RoleSession>,
    input: &SessionInput,
) -> Result<(SessionTags, Vec<String>), ApiError> {
    let mut seen: Vec<String> = Vec::new();
    for (key, _) in &input.tags {
        let lower = key.to_lowercase();
        if seen.contains(&lower) {
            return Err(ApiError::InvalidParameterValue(
                "Duplicate tag keys found. Please note that Tag keys are case insensitive."
                    .to_owned(),
            ));
        }
        seen.push(lower);
    }
    for key in &input.transitive_tag_keys {
        if !seen.contains(&key.to_lowercase()) {
            return Err(ApiError::InvalidParameterValue(
                "The specified transitive tag key must be included in the requested tags."
                    .to_owned(),
            ));
        }
    }
    let mut tags = Vec::new();
    let mut transitive = Vec::new();
    if let Some(parent) = inherited {
        for key in &parent.transitive_tag_keys {
            if seen.contains(&key.to_lowercase()) {
                return Err(ApiError::InvalidParameterValue(format!(
                    "The requested tags contain a transitive tag key ({key}) of the calling \
                     session, which cannot be overridden."
                )));
            }
            if let Some(tag) = parent.tags.iter().find(|(k, _)| k == key) {
                tags.push(tag.clone());
                transitive.push(key.clone());
            }
        }
    }
    tags.extend(input.tags.iter().cloned());
    transitive.extend(input.transitive_tag_keys.iter().cloned());
    Ok((tags, transitive))
}

/// `DurationSeconds` against the role's limit (and the chaining limit).
fn role_session_duration(
    role: &AssumableRole,
    requested: Option<i64>,
    chained: bool,
) -> Result<i64, ApiError> {
    let duration = requested.unwrap_or(DEFAULT_ROLE_DURATION);
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
    Ok(duration)
}

/// The result elements every role session answer has: credentials, the assumed-role user and
/// the packed policy size.
fn role_session_result(
    state: &AppState,
    session: RoleSession,
    duration: i64,
    packed: Option<u64>,
) -> Result<Vec<Element>, ApiError> {
    let assumed_arn = arn::assumed_role(&state.account, &session.role_name, &session.session_name);
    let assumed_id = format!("{}:{}", session.role_id, session.session_name);
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
    if let Some(packed) = packed {
        fields.push(Element::text("PackedPolicySize", packed.to_string()));
    }
    Ok(fields)
}

async fn assume_role(
    state: &AppState,
    caller: &Caller,
    input: AssumeRoleInput,
    facts: &RequestFacts,
) -> Result<Option<Element>, ApiError> {
    match &caller.identity {
        Identity::Root => {
            return Err(ApiError::AccessDenied(
                "Roles may not be assumed by root accounts.".to_owned(),
            ))
        }
        Identity::FederatedUser(_) => {
            return Err(ApiError::AccessDenied(
                "Cannot call AssumeRole with federated user credentials".to_owned(),
            ))
        }
        Identity::User(_) | Identity::RoleSession(_) => {}
    }
    // AWS's AssumeRole denial names the action refused and the role, whatever refused it.
    let denied = |action: &str| {
        ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: {action} on resource: {}",
            caller.arn(),
            input.role_arn
        ))
    };
    let resource = Resource::arn(input.role_arn.clone());
    let Some(role) = assumable_role(state, &input.role_arn).await? else {
        return Err(denied("sts:AssumeRole"));
    };
    let trust = compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]);
    let parent = match &caller.identity {
        Identity::RoleSession(parent) => Some(parent.as_ref()),
        _ => None,
    };
    let (tags, transitive_tag_keys) = session_tags(parent, &input.session)?;
    let mut actions = vec!["sts:AssumeRole"];
    if !input.session.tags.is_empty() {
        actions.push("sts:TagSession");
    }
    for action in actions {
        match authorize_assume_role(state, caller, action, &resource, &trust, facts).await {
            Ok(()) => {}
            Err(ApiError::AccessDenied(_)) => return Err(denied(action)),
            Err(e) => return Err(e),
        }
    }
    let duration = role_session_duration(&role, input.duration, parent.is_some())?;
    let (policies, packed) = session_policies(state, &input.session, &tags).await?;

    let entity = &role.role;
    let source_identity = input
        .source_identity
        .or_else(|| parent.and_then(|p| p.source_identity.clone()));
    let session = RoleSession {
        role_id: entity.id.clone(),
        role_name: entity.name.clone(),
        role_path: entity.path.clone(),
        session_name: input.session_name,
        policies,
        tags,
        transitive_tag_keys,
        source_identity: source_identity.clone(),
        chained: parent.is_some(),
    };
    let mut fields = role_session_result(state, session, duration, packed)?;
    if let Some(source_identity) = source_identity {
        fields.push(Element::text("SourceIdentity", source_identity));
    }
    tracing::debug!(
        role = %arn::role(&state.account, &entity.path, &entity.name),
        "role assumed"
    );
    Ok(Some(Element::parent("AssumeRoleResult", fields)))
}

/// `AssumeRoleWithWebIdentity`, which AWS serves unsigned: the token is checked against the
/// registered OIDC provider of its issuer, then the role's trust policy decides with the
/// token's claims as condition keys. Returns the outcome and CloudTrail's `userIdentity`.
pub async fn assume_role_with_web_identity(
    state: &AppState,
    query: &QueryRequest,
    facts: &RequestFacts,
) -> (Result<Option<Element>, ApiError>, Option<UserIdentity>) {
    let mut identity = None;
    let outcome = web_identity_session(state, query, facts, &mut identity).await;
    (outcome, identity)
}

async fn web_identity_session(
    state: &AppState,
    req: &QueryRequest,
    facts: &RequestFacts,
    identity: &mut Option<UserIdentity>,
) -> Result<Option<Element>, ApiError> {
    let mut v = Violations::default();
    let role_arn_param = req.required("RoleArn", "roleArn")?.to_owned();
    let session_name = req
        .required("RoleSessionName", "roleSessionName")?
        .to_owned();
    let token = req
        .required("WebIdentityToken", "webIdentityToken")?
        .to_owned();
    v.length_only(&role_arn_param, "roleArn", 20, 2048);
    sts_name(&mut v, &session_name, "roleSessionName", 2, 64);
    v.length_only(&token, "webIdentityToken", 4, 20_000);
    let duration = req
        .get("DurationSeconds")
        .and_then(|d| v.int_range(d, "durationSeconds", MIN_DURATION, MAX_ROLE_DURATION));
    let session_input = decode_session_input(&mut v, req);
    v.finish()?;
    check_role_arn(&role_arn_param)?;

    let issuer = web_identity::unverified_issuer(&token)?;
    let no_provider = || {
        ApiError::InvalidIdentityToken(format!(
            "No OpenIDConnect provider found in your account for {issuer}"
        ))
    };
    let provider_name = web_identity::provider_name(&issuer).ok_or_else(no_provider)?;
    let provider = crate::directory::oidc::oidc_provider(state, provider_name)
        .await?
        .filter(|p| p.issuer == issuer.trim_end_matches('/'))
        .ok_or_else(no_provider)?;
    let verified = state
        .jwks
        .verify(
            &token,
            &provider.issuer,
            &provider.client_ids,
            state.clock.now(),
        )
        .await?;
    let provider_arn = format!(
        "arn:aws:iam::{}:oidc-provider/{}",
        state.account.0, provider.name
    );
    *identity = Some(UserIdentity {
        kind: "WebIdentityUser",
        principal_id: Some(format!(
            "{provider_arn}:{}:{}",
            verified.audience, verified.subject
        )),
        user_name: Some(verified.subject.clone()),
        identity_provider: Some(provider_arn.clone()),
        ..UserIdentity::default()
    });

    let denied = || {
        ApiError::AccessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity".to_owned())
    };
    let role = assumable_role(state, &role_arn_param)
        .await?
        .ok_or_else(denied)?;
    let trust = compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]);
    let mut facts = facts.clone();
    let key = |claim: &str| format!("{}:{claim}", provider.name);
    facts.operation_keys.extend([
        (key("aud"), ContextValue::single(&verified.audience)),
        (key("sub"), ContextValue::single(&verified.subject)),
        (
            "aws:FederatedProvider".to_owned(),
            ContextValue::single(&provider_arn),
        ),
    ]);
    if !verified.amr.is_empty() {
        facts
            .operation_keys
            .push((key("amr"), ContextValue::multiple(verified.amr.clone())));
    }
    if !verified.original_audiences.is_empty() {
        facts.operation_keys.push((
            key("oaud"),
            ContextValue::multiple(verified.original_audiences.clone()),
        ));
    }
    if let Some(source_identity) = &verified.source_identity {
        facts.operation_keys.push((
            "sts:SourceIdentity".to_owned(),
            ContextValue::single(source_identity),
        ));
    }
    let resource = Resource::arn(role_arn_param.clone());
    let principal = keyward_policy::Principal::web_identity(provider_arn.clone());
    let principal_id = format!("{provider_arn}:{}:{}", verified.audience, verified.subject);
    if !trust_allows(
        principal,
        &principal_id,
        "sts:AssumeRoleWithWebIdentity",
        &resource,
        &trust,
        &facts,
    ) {
        return Err(denied());
    }
    let duration = role_session_duration(&role, duration, false)?;
    let (policies, packed) = session_policies(state, &session_input, &[]).await?;
    let entity = &role.role;
    let session = RoleSession {
        role_id: entity.id.clone(),
        role_name: entity.name.clone(),
        role_path: entity.path.clone(),
        session_name,
        policies,
        tags: Vec::new(),
        transitive_tag_keys: Vec::new(),
        source_identity: verified.source_identity.clone(),
        chained: false,
    };
    let mut fields = role_session_result(state, session, duration, packed)?;
    fields.insert(
        1,
        Element::text("SubjectFromWebIdentityToken", &verified.subject),
    );
    fields.push(Element::text("Provider", &provider.name));
    fields.push(Element::text("Audience", &verified.audience));
    if let Some(source_identity) = verified.source_identity {
        fields.push(Element::text("SourceIdentity", source_identity));
    }
    Ok(Some(Element::parent(
        "AssumeRoleWithWebIdentityResult",
        fields,
    )))
}

async fn get_federation_token(
    state: &AppState,
    caller: &Caller,
    input: FederationInput,
    facts: &RequestFacts,
) -> Result<Option<Element>, ApiError> {
    let (issuer, max) = match (&caller.identity, caller.token_issued) {
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
    let arn = arn::federated_user(&state.account, &input.name);
    let resource = Resource::arn(arn.clone());
    authorize(state, caller, "sts:GetFederationToken", &resource, facts).await?;
    let (tags, _) = session_tags(None, &input.session)?;
    if !tags.is_empty() {
        authorize(state, caller, "sts:TagSession", &resource, facts).await?;
    }
    let (policies, packed) = session_policies(state, &input.session, &tags).await?;
    let duration = input.duration.unwrap_or(FEDERATION_DEFAULT).min(max);
    let federated_id = format!("{}:{}", state.account.0, input.name);
    let session = FederatedSession {
        name: input.name,
        issuer,
        policies,
        tags,
    };
    let (claims, token) = issue(state, SessionSubject::Federated(session), duration)?;
    let mut fields = vec![
        credentials_element(&claims, token),
        Element::parent(
            "FederatedUser",
            vec![
                Element::text("FederatedUserId", federated_id),
                Element::text("Arn", arn),
            ],
        ),
    ];
    // GetFederationToken always reports the packed size, even for a session without policies.
    fields.push(Element::text(
        "PackedPolicySize",
        packed.unwrap_or(0).to_string(),
    ));
    Ok(Some(Element::parent("GetFederationTokenResult", fields)))
}

fn get_session_token(
    state: &AppState,
    caller: &Caller,
    duration: Option<i64>,
) -> Result<Option<Element>, ApiError> {
    // Sessions (role sessions and GetSessionToken's own) cannot mint further sessions.
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
    let duration = duration.unwrap_or(default).min(max);
    let (claims, token) = issue(state, subject, duration)?;
    Ok(Some(Element::parent(
        "GetSessionTokenResult",
        vec![credentials_element(&claims, token)],
    )))
}

#[cfg(test)]
mod tests {
    use crate::api::operations::Service;
    use crate::testing::{self, call};

    fn trust(principal: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
        )
    }

    #[tokio::test]
    /// A trust policy that names the account (not the user) leaves the decision to the
    /// caller's identity policies.
    async fn assume_role_needs_the_trust_policy_and_an_identity_policy() {
        let state = testing::state();
        let root = testing::root(&state);
        let erin = testing::user(&state, "erin").await;
        let erin_arn = erin.arn();
        let account_root = format!("arn:aws:iam::{}:root", testing::ACCOUNT);
        let create = [
            ("Action", "CreateRole"),
            ("RoleName", "deploy"),
            ("AssumeRolePolicyDocument", &trust(&account_root)),
        ];
        call(&state, &root, Service::Iam, &create).await.unwrap();
        let role_arn = format!("arn:aws:iam::{}:role/deploy", testing::ACCOUNT);
        let assume = [
            ("Action", "AssumeRole"),
            ("RoleArn", role_arn.as_str()),
            ("RoleSessionName", "ci"),
        ];
        let err = call(&state, &erin, Service::Sts, &assume)
            .await
            .unwrap_err();
        assert_eq!(
            err.message(),
            format!("User: {erin_arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}")
        );
        let grant = [
            ("Action", "PutUserPolicy"),
            ("UserName", "erin"),
            ("PolicyName", "assume"),
            (
                "PolicyDocument",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
            ),
        ];
        call(&state, &root, Service::Iam, &grant).await.unwrap();
        let answer = call(&state, &erin, Service::Sts, &assume)
            .await
            .unwrap()
            .unwrap()
            .to_audit_json();
        assert_eq!(
            answer["assumedRoleUser"]["arn"],
            format!("arn:aws:sts::{}:assumed-role/deploy/ci", testing::ACCOUNT)
        );
        assert!(answer["credentials"]["accessKeyId"]
            .as_str()
            .is_some_and(|k| k.starts_with("ASIA")));
    }

    #[tokio::test]
    async fn a_malformed_role_arn_is_refused_before_any_permission_check() {
        let state = testing::state();
        let frank = testing::user(&state, "frank").await;
        for arn in [
            "arn:aws:iam::123456789012:role:colon",
            "arn:aws:iam::123456789012:user/not-a-role",
            "arn:aws:iam:eu-west-1:123456789012:role/regional",
        ] {
            let assume = [
                ("Action", "AssumeRole"),
                ("RoleArn", arn),
                ("RoleSessionName", "ci"),
            ];
            let err = call(&state, &frank, Service::Sts, &assume)
                .await
                .unwrap_err();
            assert_eq!(
                (err.code(), err.message().as_str()),
                ("ValidationError", "Request ARN is invalid"),
                "{arn}"
            );
        }
    }
}
