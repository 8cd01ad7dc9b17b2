//! Temporary credentials. A session token is a sealed, authenticated blob (AES-256-GCM under
//! the master key) holding everything needed to authenticate and authorize the session — its
//! secret, expiry, subject, session policies and tags — so any replica sharing the master key
//! verifies a session without reading the store.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64;
use base64::Engine as _;
use keyward_store::MasterKey;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Prefix that versions the token format; anything else is refused (fail closed).
const TOKEN_PREFIX: &str = "KW1";
/// Binds sealed tokens to their purpose, so no other sealed value can pass as one.
const TOKEN_CONTEXT: &str = "keyward-session-token-v1";

/// Whose session it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionSubject {
    /// `GetSessionToken` by the account root user.
    Root,
    /// `GetSessionToken` by an IAM user.
    User {
        /// The user's stable id.
        user_id: String,
        /// The user's name when the session was issued.
        name: String,
        /// The user's path when the session was issued.
        path: String,
    },
    /// `AssumeRole`, `AssumeRoleWithWebIdentity` or a credential endpoint: a role session.
    Role(RoleSession),
    /// `GetFederationToken`: a federated user session.
    Federated(FederatedSession),
    /// `GetDelegatedAccessToken`: a partner's session acting as the approver of a delegation
    /// request, limited by the request's policy.
    Delegated(DelegatedSession),
}

/// Who approved a delegation request: the principal whose permissions a delegated session
/// has, within the request's policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DelegatedApprover {
    /// The account root user.
    Root,
    /// An IAM user.
    User {
        /// The user's stable id.
        user_id: String,
        /// The user's name when the request was accepted.
        name: String,
        /// The user's path when the request was accepted.
        path: String,
    },
    /// A session of a role (without session policies of its own).
    Role(RoleSession),
}

/// A delegated access session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegatedSession {
    /// The delegation request it was redeemed from.
    pub request_id: String,
    /// Whose permissions it has.
    pub approver: DelegatedApprover,
    /// The request's rendered policy (JSON), applied as a session policy.
    pub policy: String,
}

/// Who called `GetFederationToken`; the session can do no more than they could.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FederationIssuer {
    /// The account root user.
    Root,
    /// An IAM user.
    User {
        /// The user's stable id.
        user_id: String,
        /// The user's name when the session was issued.
        name: String,
        /// The user's path when the session was issued.
        path: String,
    },
}

/// A federated user session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FederatedSession {
    /// The federated user's name (`Name`).
    pub name: String,
    /// Who called `GetFederationToken`.
    pub issuer: FederationIssuer,
    /// Session policies (inline `Policy` and resolved `PolicyArns`) as (id, JSON text); with
    /// none, the session may do nothing.
    pub policies: Vec<(String, String)>,
    /// Session tags (`aws:PrincipalTag/*`).
    pub tags: Vec<(String, String)>,
}

/// An assumed-role session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSession {
    /// The role's stable id (`AROA…`).
    pub role_id: String,
    /// The role's name.
    pub role_name: String,
    /// The role's path.
    pub role_path: String,
    /// `RoleSessionName`.
    pub session_name: String,
    /// Session policies (inline `Policy` and resolved `PolicyArns`) as (id, JSON text).
    pub policies: Vec<(String, String)>,
    /// Session tags (`aws:PrincipalTag/*`), including those inherited as transitive.
    pub tags: Vec<(String, String)>,
    /// Keys of `tags` that pass on to sessions this session assumes (`TransitiveTagKeys`).
    #[serde(default)]
    pub transitive_tag_keys: Vec<String>,
    /// `SourceIdentity`, if set.
    pub source_identity: Option<String>,
    /// Whether the session was assumed with role credentials (chaining caps it at one hour).
    pub chained: bool,
}

/// Everything a session token carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionClaims {
    /// The `ASIA…` access key id the token belongs to.
    pub access_key_id: String,
    /// The session's secret access key.
    pub secret_access_key: String,
    /// Issue time, Unix seconds (`aws:TokenIssueTime`).
    pub issued: i64,
    /// Expiry, Unix seconds.
    pub expires: i64,
    /// Whose session it is.
    pub subject: SessionSubject,
    /// When its principal last proved an MFA code, Unix seconds (`aws:MultiFactorAuthAge`);
    /// `None` for a session obtained without MFA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_authenticated: Option<i64>,
}

impl SessionClaims {
    /// Issue time.
    pub fn issued_at(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.issued).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// When MFA was proved, if it was.
    pub fn mfa_authenticated_at(&self) -> Option<OffsetDateTime> {
        self.mfa_authenticated
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
    }

    /// Expiry time.
    pub fn expires_at(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.expires).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

/// Seals claims into a session token.
pub fn seal(master: &MasterKey, claims: &SessionClaims) -> Option<String> {
    let json = serde_json::to_string(claims).ok()?;
    let sealed = master.seal(&json, TOKEN_CONTEXT).ok()?;
    Some(format!(
        "{TOKEN_PREFIX}{}",
        BASE64.encode(sealed.as_bytes())
    ))
}

/// Opens a session token; `None` for anything not sealed by this master key, tampered with,
/// truncated or of an unknown format.
pub fn open(master: &MasterKey, token: &str) -> Option<SessionClaims> {
    let body = token.strip_prefix(TOKEN_PREFIX)?;
    let bytes = BASE64.decode(body).ok()?;
    let json = master
        .open(
            &keyward_store::SealedSecret::from_bytes(bytes),
            TOKEN_CONTEXT,
        )
        .ok()?;
    serde_json::from_str(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> SessionClaims {
        SessionClaims {
            access_key_id: "ASIAEXAMPLE".into(),
            secret_access_key: "s".into(),
            issued: 1_700_000_000,
            expires: 1_700_003_600,
            subject: SessionSubject::Role(RoleSession {
                role_id: "AROAEXAMPLE".into(),
                role_name: "r".into(),
                role_path: "/".into(),
                session_name: "s".into(),
                policies: vec![],
                tags: vec![("team".into(), "blue".into())],
                transitive_tag_keys: vec!["team".into()],
                source_identity: None,
                chained: false,
            }),
            mfa_authenticated: Some(1_700_000_000),
        }
    }

    #[test]
    fn tokens_roundtrip_and_refuse_tampering() {
        let (master, _) = MasterKey::generate();
        let token = seal(&master, &claims()).unwrap();
        assert_eq!(open(&master, &token), Some(claims()));
        let mut tampered = token.clone().into_bytes();
        let i = tampered.len() / 2;
        tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
        assert_eq!(open(&master, &String::from_utf8(tampered).unwrap()), None);
        assert_eq!(open(&master, &token[..token.len() - 4]), None);
        assert_eq!(open(&master, &token[3..]), None);
        let (other, _) = MasterKey::generate();
        assert_eq!(open(&other, &token), None);
    }
}
