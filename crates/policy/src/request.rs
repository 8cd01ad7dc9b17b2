//! The request being authorized: who, what action, which resource, and the condition context.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::arn::{AccountId, Arn};

/// FNV-1a: condition keys are short, so a simple hash beats SipHash on the evaluation path,
/// and keys come from the caller, not from an attacker choosing collisions per request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by short strings.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

/// The value of one condition key in the request: most keys carry one value, some
/// (`aws:TagKeys`, `ArrayOf*` keys) carry a set.
///
/// Values are text; each condition operator interprets them as its own type (number, date,
/// IP address, base64 binary, boolean, ARN) and fails closed when they do not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextValue {
    /// A single-valued key.
    Single(String),
    /// A multivalued key; may be empty, which `ForAllValues`/`ForAnyValue` treat as absent.
    Multiple(Vec<String>),
}

/// Condition keys AWS defines as multivalued (`ArrayOf*` in the Service Authorization
/// Reference): a request carries them as a set even with one value, so only `ForAllValues` /
/// `ForAnyValue` operators test them. Lower-case.
const MULTIVALUED_KEYS: &[&str] = &[
    "aws:calledvia",
    "aws:principalorgpaths",
    "aws:principalservicenameslist",
    "aws:tagkeys",
    "dynamodb:attributes",
    "dynamodb:leadingkeys",
];

/// Whether AWS defines `key` as multivalued (see [`ContextValue::of_key`]).
pub fn is_multivalued_key(key: &str) -> bool {
    MULTIVALUED_KEYS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(key))
}

impl ContextValue {
    /// A single-valued key.
    pub fn single(value: impl Into<String>) -> ContextValue {
        ContextValue::Single(value.into())
    }

    /// The values a request carries for `key`: a set for a key AWS defines as multivalued or
    /// when there are several values, else the one value (so `StringEquals` can match it).
    pub fn of_key(key: &str, mut values: Vec<String>) -> ContextValue {
        if values.len() == 1 && !is_multivalued_key(key) {
            if let Some(value) = values.pop() {
                return ContextValue::Single(value);
            }
        }
        ContextValue::Multiple(values)
    }

    /// A multivalued key.
    pub fn multiple<I, S>(values: I) -> ContextValue
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ContextValue::Multiple(values.into_iter().map(Into::into).collect())
    }

    /// The values as a slice, one element for a single-valued key.
    pub fn values(&self) -> &[String] {
        match self {
            ContextValue::Single(value) => std::slice::from_ref(value),
            ContextValue::Multiple(values) => values,
        }
    }
}

/// Condition keys and their values; key names are case-insensitive, as in IAM.
#[derive(Debug, Clone, Default)]
pub struct ConditionContext {
    entries: FastMap<Box<str>, ContextValue>,
}

impl ConditionContext {
    /// An empty context.
    pub fn new() -> ConditionContext {
        ConditionContext::default()
    }

    /// Sets a key, replacing any value under the same name in any letter case.
    pub fn insert(&mut self, key: &str, value: ContextValue) {
        self.entries.insert(key.to_lowercase().into(), value);
    }

    /// Removes a key in any letter case.
    pub fn remove(&mut self, key: &str) -> Option<ContextValue> {
        self.entries.remove(key.to_lowercase().as_str())
    }

    /// Looks a key up in any letter case.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.entries.get(key.to_lowercase().as_str())
    }

    /// Looks up a key that is already lowercase (compiled policies store keys that way).
    pub(crate) fn get_lowercase(&self, key: &str) -> Option<&ContextValue> {
        self.entries.get(key)
    }

    /// The value of a single-valued key; multivalued keys cannot be policy variables.
    pub(crate) fn single_value(&self, lowercase_key: &str) -> Option<&str> {
        match self.entries.get(lowercase_key) {
            Some(ContextValue::Single(value)) => Some(value),
            _ => None,
        }
    }

    /// Whether the key is present in any letter case.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// What kind of caller made the request; the evaluation rules differ per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    /// The account root user.
    Root,
    /// An IAM user.
    User,
    /// A role session from `AssumeRole*`.
    AssumedRole,
    /// A federated user session from `GetFederationToken`.
    FederatedUser,
    /// An AWS service acting on its own behalf.
    Service,
    /// An OIDC or SAML identity, as seen by a role trust policy.
    WebIdentity,
    /// An unauthenticated caller.
    Anonymous,
}

/// The caller, with the identities that resource-based policies may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// The root user of an account.
    Root {
        /// The account.
        account: AccountId,
    },
    /// An IAM user.
    User {
        /// `arn:aws:iam::ACCOUNT:user/path/name`.
        arn: String,
        /// The user's account.
        account: AccountId,
    },
    /// A role session.
    AssumedRole {
        /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
        session_arn: String,
        /// `arn:aws:iam::ACCOUNT:role/path/ROLE`, which resource policies may name instead.
        role_arn: String,
        /// The role's account.
        account: AccountId,
    },
    /// A federated user session.
    FederatedUser {
        /// `arn:aws:sts::ACCOUNT:federated-user/NAME`.
        session_arn: String,
        /// The IAM user who called `GetFederationToken`, if known.
        user_arn: Option<String>,
        /// The account.
        account: AccountId,
    },
    /// A service principal such as `ec2.amazonaws.com`.
    Service {
        /// The service principal name.
        name: String,
    },
    /// An OIDC or SAML identity (`Federated` in a trust policy).
    WebIdentity {
        /// The provider: `cognito-identity.amazonaws.com`, an OIDC provider ARN, a SAML
        /// provider ARN, …
        provider: String,
    },
    /// An unauthenticated caller.
    Anonymous,
}

/// Why a principal could not be built from an ARN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrincipalError {
    /// The text is not an ARN.
    #[error(transparent)]
    Arn(#[from] crate::arn::ArnError),
    /// The ARN's account is not twelve digits.
    #[error(transparent)]
    Account(#[from] crate::arn::AccountIdError),
    /// The ARN does not name a principal of the requested kind.
    #[error("{arn} is not the ARN of {expected}")]
    WrongKind {
        /// The ARN.
        arn: String,
        /// What was expected.
        expected: &'static str,
    },
}

impl Principal {
    /// The root user of `account`.
    pub fn root(account: AccountId) -> Principal {
        Principal::Root { account }
    }

    /// An IAM user from its ARN.
    pub fn user(arn: &str) -> Result<Principal, PrincipalError> {
        let parsed = expect_arn(arn, "iam", "user/", "an IAM user")?;
        Ok(Principal::User {
            arn: arn.to_owned(),
            account: AccountId::parse(parsed.account())?,
        })
    }

    /// A role session from the session ARN and the role ARN (which carries the role's path).
    pub fn assumed_role(session_arn: &str, role_arn: &str) -> Result<Principal, PrincipalError> {
        let session = expect_arn(session_arn, "sts", "assumed-role/", "a role session")?;
        let role = expect_arn(role_arn, "iam", "role/", "an IAM role")?;
        if session.account() != role.account() {
            return Err(PrincipalError::WrongKind {
                arn: role_arn.to_owned(),
                expected: "a role in the session's account",
            });
        }
        Ok(Principal::AssumedRole {
            session_arn: session_arn.to_owned(),
            role_arn: role_arn.to_owned(),
            account: AccountId::parse(session.account())?,
        })
    }

    /// A federated user session, optionally with the IAM user who created it.
    pub fn federated_user(
        session_arn: &str,
        user_arn: Option<&str>,
    ) -> Result<Principal, PrincipalError> {
        let session = expect_arn(
            session_arn,
            "sts",
            "federated-user/",
            "a federated user session",
        )?;
        if let Some(user) = user_arn {
            expect_arn(user, "iam", "user/", "an IAM user")?;
        }
        Ok(Principal::FederatedUser {
            session_arn: session_arn.to_owned(),
            user_arn: user_arn.map(str::to_owned),
            account: AccountId::parse(session.account())?,
        })
    }

    /// Builds a principal from the ARN a caller is known by: `…:root`, `…:user/…`,
    /// `…:assumed-role/R/S` (the role is assumed to have path `/`), `…:federated-user/U`.
    pub fn from_arn(arn: &str) -> Result<Principal, PrincipalError> {
        let parsed = Arn::parse(arn)?;
        match (parsed.service(), parsed.resource()) {
            ("iam", "root") => Ok(Principal::root(AccountId::parse(parsed.account())?)),
            ("iam", r) if r.starts_with("user/") => Principal::user(arn),
            ("sts", r) if r.starts_with("assumed-role/") => {
                let role = r
                    .trim_start_matches("assumed-role/")
                    .split('/')
                    .next()
                    .unwrap_or_default();
                let role_arn = format!(
                    "arn:{}:iam::{}:role/{}",
                    parsed.partition(),
                    parsed.account(),
                    role
                );
                Principal::assumed_role(arn, &role_arn)
            }
            ("sts", r) if r.starts_with("federated-user/") => Principal::federated_user(arn, None),
            _ => Err(PrincipalError::WrongKind {
                arn: arn.to_owned(),
                expected: "a root user, IAM user, role session or federated user",
            }),
        }
    }

    /// A service principal.
    pub fn service(name: impl Into<String>) -> Principal {
        Principal::Service { name: name.into() }
    }

    /// An OIDC or SAML identity.
    pub fn web_identity(provider: impl Into<String>) -> Principal {
        Principal::WebIdentity {
            provider: provider.into(),
        }
    }

    /// What kind of principal this is.
    pub fn kind(&self) -> PrincipalKind {
        match self {
            Principal::Root { .. } => PrincipalKind::Root,
            Principal::User { .. } => PrincipalKind::User,
            Principal::AssumedRole { .. } => PrincipalKind::AssumedRole,
            Principal::FederatedUser { .. } => PrincipalKind::FederatedUser,
            Principal::Service { .. } => PrincipalKind::Service,
            Principal::WebIdentity { .. } => PrincipalKind::WebIdentity,
            Principal::Anonymous => PrincipalKind::Anonymous,
        }
    }

    /// The account the principal belongs to, if it belongs to one.
    pub fn account(&self) -> Option<&AccountId> {
        match self {
            Principal::Root { account }
            | Principal::User { account, .. }
            | Principal::AssumedRole { account, .. }
            | Principal::FederatedUser { account, .. } => Some(account),
            _ => None,
        }
    }

    /// The value of `aws:PrincipalArn`: for a role session that is the role's ARN.
    pub fn principal_arn(&self) -> Option<String> {
        match self {
            Principal::Root { account } => Some(format!("arn:aws:iam::{account}:root")),
            Principal::User { arn, .. } => Some(arn.clone()),
            Principal::AssumedRole { role_arn, .. } => Some(role_arn.clone()),
            Principal::FederatedUser { session_arn, .. } => Some(session_arn.clone()),
            _ => None,
        }
    }

    /// The caller as AWS names it in AccessDenied messages.
    pub fn display_name(&self) -> String {
        match self {
            Principal::Root { account } => format!("arn:aws:iam::{account}:root"),
            Principal::User { arn, .. } => arn.clone(),
            Principal::AssumedRole { session_arn, .. }
            | Principal::FederatedUser { session_arn, .. } => session_arn.clone(),
            Principal::Service { name } => name.clone(),
            Principal::WebIdentity { provider } => provider.clone(),
            Principal::Anonymous => "anonymous".to_owned(),
        }
    }

    /// The global condition keys AWS derives from the caller's identity.
    fn derived_keys(&self) -> Vec<(&'static str, ContextValue)> {
        let mut keys = Vec::new();
        if let Some(arn) = self.principal_arn() {
            keys.push(("aws:PrincipalArn", ContextValue::Single(arn)));
        }
        if let Some(account) = self.account() {
            keys.push((
                "aws:PrincipalAccount",
                ContextValue::single(account.as_str()),
            ));
        }
        let principal_type = match self.kind() {
            PrincipalKind::Root => Some("Account"),
            PrincipalKind::User => Some("User"),
            PrincipalKind::AssumedRole => Some("AssumedRole"),
            PrincipalKind::FederatedUser => Some("FederatedUser"),
            PrincipalKind::Anonymous => Some("Anonymous"),
            PrincipalKind::Service | PrincipalKind::WebIdentity => None,
        };
        if let Some(t) = principal_type {
            keys.push(("aws:PrincipalType", ContextValue::single(t)));
        }
        if let Principal::User { arn, .. } = self {
            let name = arn.rsplit('/').next().unwrap_or_default();
            keys.push(("aws:username", ContextValue::single(name)));
        }
        let is_service = matches!(self, Principal::Service { .. });
        keys.push((
            "aws:PrincipalIsAWSService",
            ContextValue::single(is_service.to_string()),
        ));
        if let Principal::Service { name } = self {
            keys.push((
                "aws:PrincipalServiceName",
                ContextValue::single(name.as_str()),
            ));
        }
        keys
    }
}

fn expect_arn(
    arn: &str,
    service: &str,
    prefix: &str,
    expected: &'static str,
) -> Result<Arn, PrincipalError> {
    let parsed = Arn::parse(arn)?;
    if parsed.service() == service && parsed.resource().starts_with(prefix) {
        Ok(parsed)
    } else {
        Err(PrincipalError::WrongKind {
            arn: arn.to_owned(),
            expected,
        })
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_name())
    }
}

/// One authorization question: may this principal perform this action on this resource, in
/// this context?
///
/// Built once per request; the lowercase action is computed here so that evaluating against
/// many policy sets costs no further allocation.
#[derive(Debug, Clone)]
pub struct Request {
    principal: Principal,
    action: String,
    action_lowercase: String,
    resource: String,
    context: ConditionContext,
}

impl Request {
    /// A request with the global keys AWS derives from the principal already in the context
    /// (`aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username`,
    /// `aws:PrincipalIsAWSService`, `aws:PrincipalServiceName`); anything set later overrides
    /// them. `resource` is an ARN, or `*` for actions without resource-level permissions.
    pub fn new(principal: Principal, action: &str, resource: &str) -> Request {
        let mut context = ConditionContext::new();
        for (key, value) in principal.derived_keys() {
            context.insert(key, value);
        }
        Request {
            principal,
            action: action.to_owned(),
            action_lowercase: action.to_lowercase(),
            resource: resource.to_owned(),
            context,
        }
    }

    /// Sets a condition key.
    pub fn with_context_value(mut self, key: &str, value: ContextValue) -> Request {
        self.context.insert(key, value);
        self
    }

    /// Sets `aws:PrincipalTag/<key>`.
    pub fn with_principal_tag(self, key: &str, value: &str) -> Request {
        self.with_context_value(
            &format!("aws:PrincipalTag/{key}"),
            ContextValue::single(value),
        )
    }

    /// The condition context, for adding or removing keys.
    pub fn context_mut(&mut self) -> &mut ConditionContext {
        &mut self.context
    }

    /// The condition context.
    pub fn context(&self) -> &ConditionContext {
        &self.context
    }

    /// The caller.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The action as given (`s3:GetObject`).
    pub fn action(&self) -> &str {
        &self.action
    }

    /// The action lowercased, for case-insensitive matching.
    pub(crate) fn action_lowercase(&self) -> &str {
        &self.action_lowercase
    }

    /// The service prefix of the lowercased action (`s3`), or the whole action if it has none.
    pub(crate) fn service_lowercase(&self) -> &str {
        self.action_lowercase
            .split_once(':')
            .map_or(self.action_lowercase.as_str(), |(service, _)| service)
    }

    /// The resource ARN, or `*`.
    pub fn resource(&self) -> &str {
        &self.resource
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_keys_are_case_insensitive() {
        let mut ctx = ConditionContext::new();
        ctx.insert("aws:SourceIp", ContextValue::single("1.2.3.4"));
        assert!(ctx.contains("AWS:sourceip"));
        assert_eq!(ctx.single_value("aws:sourceip"), Some("1.2.3.4"));
    }

    #[test]
    fn principals_from_arns() {
        let Ok(p) = Principal::from_arn("arn:aws:sts::123456789012:assumed-role/Admin/alice")
        else {
            unreachable!()
        };
        assert_eq!(p.kind(), PrincipalKind::AssumedRole);
        assert_eq!(
            p.principal_arn().as_deref(),
            Some("arn:aws:iam::123456789012:role/Admin")
        );
        assert!(Principal::from_arn("arn:aws:s3:::bucket").is_err());
        let request = Request::new(
            Principal::user("arn:aws:iam::123456789012:user/division/bob")
                .unwrap_or(Principal::Anonymous),
            "S3:GetObject",
            "*",
        );
        assert_eq!(
            request.context().get("aws:username"),
            Some(&ContextValue::single("bob"))
        );
        assert_eq!(request.service_lowercase(), "s3");
    }
}
