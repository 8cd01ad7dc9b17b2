//! The STS API: who am I, and temporary credentials, one operation per file. What the
//! operations that issue `ASIA…` keys share lives here: session lengths, session policies and
//! tags, and the credentials structure (the session token is sealed, see
//! [`crate::auth::session`]).

pub(crate) mod assume_role;
pub(crate) mod assume_role_with_saml;
pub(crate) mod assume_role_with_web_identity;
pub(crate) mod decode_authorization_message;
pub(crate) mod get_access_key_info;
pub(crate) mod get_caller_identity;
pub(crate) mod get_delegated_access_token;
pub(crate) mod get_federation_token;
pub(crate) mod get_session_token;
pub(crate) mod get_web_identity_token;

use keyward_aws_model::generated::sts::input::{PolicyDescriptorType, Tag};
use keyward_policy::PolicyKind;
use serde_json::Value;

use crate::api::iam::shared::check_policy_document;
use crate::arn::{self, IamArn, IamResourceType};
use crate::auth::issue_with_mfa;
use crate::auth::session::{RoleSession, SessionClaims, SessionSubject};
use crate::directory::managed_policy_by_arn;
use crate::directory::roles::AssumableRole;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;
/// Role session length unless the caller asks otherwise.
pub(crate) const DEFAULT_ROLE_DURATION: i64 = 3600;
/// Longest session of a role assumed with role credentials.
pub(crate) const CHAINED_MAX_DURATION: i64 = 3600;
/// Default and longest `GetSessionToken` sessions for IAM users and for root.
pub(crate) const USER_SESSION_DEFAULT: i64 = 43_200;
pub(crate) const USER_SESSION_MAX: i64 = 129_600;
pub(crate) const ROOT_SESSION_MAX: i64 = 3600;
/// The space a session token has for its policies and tags, in Keyward's packing model (the
/// minified inline policy, the managed policy ARNs and the tags' keys and values).
pub(crate) const PACKED_POLICY_BUDGET: usize = 4096;
/// `GetFederationToken` sessions: default and longest, for users and for root.
pub(crate) const FEDERATION_DEFAULT: i64 = 43_200;
pub(crate) const FEDERATION_MAX: i64 = 129_600;
pub(crate) const ROOT_FEDERATION_MAX: i64 = 3600;

/// Session tags as (key, value).
pub(crate) type SessionTags = Vec<(String, String)>;

/// Session policies and tags as a request passes them, before they are resolved.
#[derive(Debug, Default)]
pub(crate) struct SessionInput {
    policy: Option<String>,
    policy_arns: Vec<String>,
    tags: SessionTags,
    transitive_tag_keys: Vec<String>,
}

impl SessionInput {
    /// The session members of a request's typed input.
    pub(crate) fn new(
        policy: Option<String>,
        policy_arns: Option<Vec<PolicyDescriptorType>>,
        tags: Option<Vec<Tag>>,
        transitive_tag_keys: Option<Vec<String>>,
    ) -> Self {
        SessionInput {
            policy,
            policy_arns: policy_arns
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.arn)
                .collect(),
            tags: tags
                .unwrap_or_default()
                .into_iter()
                .map(|t| (t.key, t.value))
                .collect(),
            transitive_tag_keys: transitive_tag_keys.unwrap_or_default(),
        }
    }

    /// Whether the request passes session tags (which `sts:TagSession` must allow).
    pub(crate) fn has_tags(&self) -> bool {
        !self.tags.is_empty()
    }
}

/// STS refuses a `RoleArn` that is not an IAM role's ARN (`arn:PARTITION:iam::ACCOUNT:role/…`)
/// as invalid input, before it looks at the role or any permission.
pub(crate) fn check_role_arn(text: &str) -> Result<(), ApiError> {
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

/// The `<Credentials>` structure; the secret and token never reach the audit log.
pub(crate) fn credentials_element(claims: &SessionClaims, token: String) -> Element {
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
pub(crate) async fn session_policies(
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
pub(crate) fn session_tags(
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
pub(crate) fn role_session_duration(
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
pub(crate) fn role_session_result(
    state: &AppState,
    session: RoleSession,
    duration: i64,
    packed: Option<u64>,
) -> Result<Vec<Element>, ApiError> {
    role_session_result_with_mfa(state, session, duration, packed, None)
}

/// [`role_session_result`] for a session whose principal proved an MFA code at
/// `mfa_authenticated`.
pub(crate) fn role_session_result_with_mfa(
    state: &AppState,
    session: RoleSession,
    duration: i64,
    packed: Option<u64>,
    mfa_authenticated: Option<time::OffsetDateTime>,
) -> Result<Vec<Element>, ApiError> {
    let assumed_arn = arn::assumed_role(&state.account, &session.role_name, &session.session_name);
    let assumed_id = format!("{}:{}", session.role_id, session.session_name);
    let (claims, token) = issue_with_mfa(
        state,
        SessionSubject::Role(session),
        duration,
        mfa_authenticated,
    )?;
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
