//! The encoded authorization message of a denial and its decoding: AWS's JSON (the shape
//! `DecodeAuthorizationMessage` returns in the STS API Reference and the IAM User Guide's
//! example: `allowed`, `explicitDeny`, `matchedStatements`, `failures`, `context` with the
//! principal, action, resource and the request's condition keys, every list as
//! `{"items": [...]}`), sealed with the account's master key (AES-256-GCM, the account in the
//! associated data) and written in URL-safe base64, so that only the Keyward of this account
//! can open it and nothing in it can be read or changed on the way.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use keyward_policy::{
    ActionElement, ContextValue, MatchedStatement, PolicyDocument, PolicyKind, ResourceElement,
};
use keyward_store::{MasterKey, SealedSecret};
use serde_json::Value;

use crate::arn::AccountId;
use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;

/// What a denial's message says, before it is sealed.
pub(crate) struct Decoded {
    /// Always false: only denials are encoded.
    pub(crate) allowed: bool,
    /// Whether a statement denied explicitly.
    pub(crate) explicit_deny: bool,
    /// The statements that denied (`{statementId, effect, principals, …}`), as JSON text.
    pub(crate) matched_statements: Vec<String>,
    /// The caller: `{id, name, arn}` for a user, `{id, arn}` otherwise, as JSON text.
    pub(crate) principal: String,
    /// The action asked for (`ec2:RunInstances`).
    pub(crate) action: String,
    /// The resource's ARN.
    pub(crate) resource: String,
    /// The request's condition keys and their values.
    pub(crate) conditions: Vec<(String, ContextValue)>,
}

/// A JSON object with its members in the order given (AWS's order); values are JSON text.
fn object(members: &[(&str, String)]) -> String {
    let mut out = String::from("{");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(*name).to_string());
        out.push(':');
        out.push_str(value);
    }
    out.push('}');
    out
}

/// `{"items": [...]}`, AWS's spelling of every list in the message; items are JSON text.
fn items(values: &[String]) -> String {
    object(&[("items", format!("[{}]", values.join(",")))])
}

/// `{"items": [{"value": v}, ...]}`.
fn values<'a>(values: impl IntoIterator<Item = &'a String>) -> String {
    let listed: Vec<String> = values
        .into_iter()
        .map(|v| object(&[("value", Value::from(v.as_str()).to_string())]))
        .collect();
    items(&listed)
}

/// `{"key": k, "values": {"items": [...]}}`.
fn condition(key: &str, listed: &[String]) -> String {
    object(&[
        ("key", Value::from(key).to_string()),
        ("values", values(listed)),
    ])
}

impl Decoded {
    /// The JSON text `DecodeAuthorizationMessage` returns, members in AWS's order.
    pub(crate) fn to_json(&self) -> String {
        let conditions: Vec<String> = self
            .conditions
            .iter()
            .map(|(key, value)| condition(key, value.values()))
            .collect();
        let context = object(&[
            ("principal", self.principal.clone()),
            ("action", Value::from(self.action.as_str()).to_string()),
            ("resource", Value::from(self.resource.as_str()).to_string()),
            ("conditions", items(&conditions)),
        ]);
        object(&[
            ("allowed", Value::from(self.allowed).to_string()),
            ("explicitDeny", Value::from(self.explicit_deny).to_string()),
            ("matchedStatements", items(&self.matched_statements)),
            ("failures", items(&[])),
            ("context", context),
        ])
    }
}

/// The caller as the message's `context.principal` names it.
pub(crate) fn principal(caller: &Caller) -> String {
    let text = |s: &str| Value::from(s).to_string();
    match &caller.identity {
        Identity::User(user) => object(&[
            ("id", text(&user.user_id.0)),
            ("name", text(&user.name)),
            ("arn", text(&caller.arn())),
        ]),
        Identity::Root
        | Identity::RoleSession(_)
        | Identity::FederatedUser(_)
        | Identity::Delegated(_) => object(&[
            ("id", text(&caller.principal_id())),
            ("arn", text(&caller.arn())),
        ]),
    }
}

/// One denying statement, from the text of the policy it belongs to (`texts`: kind, name,
/// JSON of every policy that took part); `principal_id` is the user's or role's id.
pub(crate) fn statement(
    matched: &MatchedStatement<'_>,
    texts: &[(PolicyKind, String, String)],
    principal_id: &str,
) -> String {
    let kind = match matched.policy_kind {
        PolicyKind::Session => PolicyKind::Session,
        PolicyKind::PermissionsBoundary => PolicyKind::PermissionsBoundary,
        _ => PolicyKind::Identity,
    };
    let document = texts
        .iter()
        .find(|(k, name, _)| *k == kind && name == matched.policy_id.as_str())
        .and_then(|(_, _, text)| PolicyDocument::parse(text).ok());
    let statement = document
        .as_ref()
        .and_then(|d| d.statements.get(matched.index));
    let actions: Vec<String> = statement
        .and_then(|s| s.action.as_ref())
        .map(|a| match a {
            ActionElement::Action(v) | ActionElement::NotAction(v) => v.clone(),
        })
        .unwrap_or_default();
    let resources: Vec<String> = statement
        .and_then(|s| s.resource.as_ref())
        .map(|r| match r {
            ResourceElement::Resource(v) | ResourceElement::NotResource(v) => v.clone(),
        })
        .unwrap_or_else(|| vec!["*".to_owned()]);
    let conditions: Vec<String> = statement
        .map(|s| {
            s.condition
                .iter()
                .flat_map(|block| {
                    block
                        .entries
                        .iter()
                        .map(|entry| condition(&entry.key, &entry.values))
                })
                .collect()
        })
        .unwrap_or_default();
    let effect = match matched.effect {
        keyward_policy::Effect::Allow => "ALLOW",
        keyward_policy::Effect::Deny => "DENY",
    };
    object(&[
        (
            "statementId",
            Value::from(matched.sid.unwrap_or_default()).to_string(),
        ),
        ("effect", Value::from(effect).to_string()),
        ("principals", values([&principal_id.to_owned()])),
        ("principalGroups", items(&[])),
        ("actions", values(&actions)),
        ("resources", values(&resources)),
        ("conditions", items(&conditions)),
    ])
}

/// What the sealed message is bound to, so that another account's message does not open.
fn seal_context(account: &AccountId) -> String {
    format!("authorization-message:{}", account.0)
}

/// Seals the message's JSON for `account`.
pub(crate) fn seal(
    master: &MasterKey,
    account: &AccountId,
    json: &str,
) -> Result<Option<String>, ApiError> {
    let sealed = master.seal(json, &seal_context(account)).map_err(|e| {
        tracing::error!(error = %e, "authorization message could not be sealed");
        ApiError::ServiceFailure
    })?;
    Ok(Some(URL_SAFE_NO_PAD.encode(sealed.as_bytes())))
}

/// Opens an encoded message of `account`; `None` for anything that is not one.
pub fn open(master: &MasterKey, account: &AccountId, encoded: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')).ok()?;
    master
        .open(&SealedSecret::from_bytes(bytes), &seal_context(account))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_opens_only_with_its_key_and_account() {
        let (master, _) = MasterKey::generate();
        let account = AccountId("123456789012".into());
        let encoded = seal(&master, &account, r#"{"allowed":false}"#)
            .unwrap()
            .unwrap();
        assert!(encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(
            open(&master, &account, &encoded).as_deref(),
            Some(r#"{"allowed":false}"#)
        );
        let (other, _) = MasterKey::generate();
        assert_eq!(open(&other, &account, &encoded), None);
        assert_eq!(
            open(&master, &AccountId("210987654321".into()), &encoded),
            None
        );
        let mut tampered = encoded.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            open(&master, &account, &String::from_utf8(tampered).unwrap()),
            None
        );
        assert_eq!(open(&master, &account, "not base64!"), None);
    }

    #[test]
    fn the_json_has_aws_members_in_aws_order() {
        let decoded = Decoded {
            allowed: false,
            explicit_deny: false,
            matched_statements: Vec::new(),
            principal:
                r#"{"id":"AIDAEXAMPLE","name":"bob","arn":"arn:aws:iam::123456789012:user/bob"}"#
                    .into(),
            action: "ec2:RunInstances".into(),
            resource: "arn:aws:ec2:us-east-1:123456789012:instance/*".into(),
            conditions: vec![(
                "aws:RequestedRegion".into(),
                ContextValue::single("us-east-1"),
            )],
        };
        assert_eq!(
            decoded.to_json(),
            r#"{"allowed":false,"explicitDeny":false,"matchedStatements":{"items":[]},"failures":{"items":[]},"context":{"principal":{"id":"AIDAEXAMPLE","name":"bob","arn":"arn:aws:iam::123456789012:user/bob"},"action":"ec2:RunInstances","resource":"arn:aws:ec2:us-east-1:123456789012:instance/*","conditions":{"items":[{"key":"aws:RequestedRegion","values":{"items":[{"value":"us-east-1"}]}}]}}}"#
        );
    }
}
