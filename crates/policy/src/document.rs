//! The policy document model and its parser.
//!
//! Parsing is structural: it accepts anything that has a well-defined meaning at evaluation
//! time (any policy kind, any version, `Effect` in any case) and rejects what has none
//! (malformed JSON, duplicate keys, unknown elements, conflicting pairs such as `Action` with
//! `NotAction`). IAM's stricter write-time rules live in [`crate::validate`].

use std::fmt;

use crate::json::{duplicate_key, Json};

/// A parsed IAM policy document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDocument {
    /// The `Version` element; policy variables are only expanded under 2012-10-17.
    pub version: Option<PolicyVersion>,
    /// The optional `Id` element.
    pub id: Option<String>,
    /// The statements, in document order (a single object becomes a one-element list).
    pub statements: Vec<Statement>,
}

/// The policy language versions IAM accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyVersion {
    /// `2008-10-17`: no policy variables, `${...}` is literal text.
    V2008,
    /// `2012-10-17`: the current language, with policy variables.
    V2012,
}

impl PolicyVersion {
    /// The `Version` string as written in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyVersion::V2008 => "2008-10-17",
            PolicyVersion::V2012 => "2012-10-17",
        }
    }
}

/// Whether a statement grants or removes access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Grants access when the statement applies.
    Allow,
    /// Removes access when the statement applies, overriding every allow.
    Deny,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        })
    }
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The optional statement ID.
    pub sid: Option<String>,
    /// Allow or Deny.
    pub effect: Effect,
    /// `Principal` or `NotPrincipal`, present in resource-based and trust policies.
    pub principal: Option<PrincipalElement>,
    /// `Action` or `NotAction`; a statement without either matches no action.
    pub action: Option<ActionElement>,
    /// `Resource` or `NotResource`; absent in trust policies, where it means every resource.
    pub resource: Option<ResourceElement>,
    /// The `Condition` element, one block per operator in document order.
    pub condition: Vec<ConditionBlock>,
}

/// `Principal` or its negation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrincipalElement {
    /// The statement applies to the listed principals.
    Principal(Principals),
    /// The statement applies to everyone except the listed principals.
    NotPrincipal(Principals),
}

/// The principals named by a `Principal`/`NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principals {
    /// `"*"`: everyone, including anonymous callers.
    Everyone,
    /// A map from principal type to identifiers, in document order.
    Listed(Vec<(PrincipalType, Vec<String>)>),
}

/// The keys of a principal map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalType {
    /// `AWS`: accounts, users, roles, sessions, or `*`.
    Aws,
    /// `Service`: service principals such as `ec2.amazonaws.com`.
    Service,
    /// `Federated`: OIDC and SAML identity providers.
    Federated,
    /// `CanonicalUser`: S3 canonical user IDs.
    CanonicalUser,
}

impl PrincipalType {
    fn from_key(key: &str) -> Option<PrincipalType> {
        match key {
            "AWS" => Some(PrincipalType::Aws),
            "Service" => Some(PrincipalType::Service),
            "Federated" => Some(PrincipalType::Federated),
            "CanonicalUser" => Some(PrincipalType::CanonicalUser),
            _ => None,
        }
    }
}

/// `Action` or `NotAction`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionElement {
    /// The statement covers the listed actions.
    Action(Vec<String>),
    /// The statement covers every action except the listed ones.
    NotAction(Vec<String>),
}

impl ActionElement {
    /// The listed action patterns, whichever form the element takes.
    pub fn patterns(&self) -> &[String] {
        match self {
            ActionElement::Action(v) | ActionElement::NotAction(v) => v,
        }
    }
}

/// `Resource` or `NotResource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceElement {
    /// The statement covers the listed resources.
    Resource(Vec<String>),
    /// The statement covers every resource except the listed ones.
    NotResource(Vec<String>),
}

impl ResourceElement {
    /// The listed resource patterns, whichever form the element takes.
    pub fn patterns(&self) -> &[String] {
        match self {
            ResourceElement::Resource(v) | ResourceElement::NotResource(v) => v,
        }
    }
}

/// One condition operator with its keys (`"StringEquals": {"aws:username": "bob"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionBlock {
    /// The operator as written, including any `ForAllValues:`/`ForAnyValue:` and `IfExists`.
    pub operator: String,
    /// The keys tested under this operator, in document order.
    pub entries: Vec<ConditionEntry>,
}

/// One condition key with the policy values it is compared against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionEntry {
    /// The key name as written (compared case-insensitively).
    pub key: String,
    /// The values; JSON numbers and booleans become their text.
    pub values: Vec<String>,
}

/// Why text is not a policy document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The text is not JSON.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// A value has the wrong JSON type.
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        /// Where in the document.
        path: String,
        /// What IAM expects there.
        expected: &'static str,
        /// What was written.
        found: &'static str,
    },
    /// An object has the same key twice.
    #[error("{path}: duplicate key \"{key}\"")]
    DuplicateKey {
        /// Where in the document.
        path: String,
        /// The repeated key.
        key: String,
    },
    /// An element IAM does not define.
    #[error("{path}: unknown element \"{element}\"")]
    UnknownElement {
        /// Where in the document.
        path: String,
        /// The unexpected key.
        element: String,
    },
    /// A required element is missing.
    #[error("{path}: missing element \"{element}\"")]
    MissingElement {
        /// Where in the document.
        path: String,
        /// The missing key.
        element: &'static str,
    },
    /// Both halves of a mutually exclusive pair are present.
    #[error("{path}: \"{first}\" and \"{second}\" cannot both be present")]
    ConflictingElements {
        /// Where in the document.
        path: String,
        /// The positive element.
        first: &'static str,
        /// Its negation.
        second: &'static str,
    },
    /// `Effect` is neither Allow nor Deny.
    #[error("{path}: Effect must be Allow or Deny, found \"{value}\"")]
    InvalidEffect {
        /// Where in the document.
        path: String,
        /// What was written.
        value: String,
    },
    /// `Version` is not one IAM knows.
    #[error("unsupported Version \"{0}\"")]
    UnsupportedVersion(String),
    /// A `Principal` string other than `"*"`, or an unknown principal type.
    #[error("{path}: invalid principal \"{value}\"")]
    InvalidPrincipal {
        /// Where in the document.
        path: String,
        /// What was written.
        value: String,
    },
}

impl PolicyDocument {
    /// Parses policy JSON.
    pub fn parse(text: &str) -> Result<PolicyDocument, ParseError> {
        let json = Json::parse(text).map_err(|e| ParseError::InvalidJson(e.to_string()))?;
        PolicyDocument::from_json(&json)
    }

    /// The condition keys the document's `Condition` elements test, as first written, each
    /// once (keys compare case-insensitively), in document order — what IAM's
    /// `GetContextKeysFor*Policy` reports.
    pub fn condition_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        let entries = self
            .statements
            .iter()
            .flat_map(|s| &s.condition)
            .flat_map(|block| &block.entries);
        for entry in entries {
            if !keys.iter().any(|k| k.eq_ignore_ascii_case(&entry.key)) {
                keys.push(&entry.key);
            }
        }
        keys
    }

    pub(crate) fn from_json(json: &Json) -> Result<PolicyDocument, ParseError> {
        let entries = object(json, "document")?;
        let mut version = None;
        let mut id = None;
        let mut statements = None;
        for (key, value) in entries {
            match key.as_str() {
                "Version" => {
                    let text = string(value, "Version")?;
                    version = Some(match text {
                        "2012-10-17" => PolicyVersion::V2012,
                        "2008-10-17" => PolicyVersion::V2008,
                        other => return Err(ParseError::UnsupportedVersion(other.to_owned())),
                    });
                }
                "Id" => id = Some(string(value, "Id")?.to_owned()),
                "Statement" => statements = Some(parse_statements(value)?),
                other => {
                    return Err(ParseError::UnknownElement {
                        path: "document".into(),
                        element: other.to_owned(),
                    })
                }
            }
        }
        let statements = statements.ok_or(ParseError::MissingElement {
            path: "document".into(),
            element: "Statement",
        })?;
        Ok(PolicyDocument {
            version,
            id,
            statements,
        })
    }
}

fn object<'j>(json: &'j Json, path: &str) -> Result<&'j [(String, Json)], ParseError> {
    match json {
        Json::Object(entries) => {
            if let Some(key) = duplicate_key(entries) {
                return Err(ParseError::DuplicateKey {
                    path: path.to_owned(),
                    key: key.to_owned(),
                });
            }
            Ok(entries)
        }
        other => Err(ParseError::WrongType {
            path: path.to_owned(),
            expected: "an object",
            found: other.type_name(),
        }),
    }
}

fn string<'j>(json: &'j Json, path: &str) -> Result<&'j str, ParseError> {
    match json {
        Json::String(s) => Ok(s),
        other => Err(ParseError::WrongType {
            path: path.to_owned(),
            expected: "a string",
            found: other.type_name(),
        }),
    }
}

/// A string or a list of strings, the shape of Action, Resource and principal values.
fn string_list(json: &Json, path: &str) -> Result<Vec<String>, ParseError> {
    match json {
        Json::String(s) => Ok(vec![s.clone()]),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| string(item, &format!("{path}[{i}]")).map(str::to_owned))
            .collect(),
        other => Err(ParseError::WrongType {
            path: path.to_owned(),
            expected: "a string or a list of strings",
            found: other.type_name(),
        }),
    }
}

fn parse_statements(json: &Json) -> Result<Vec<Statement>, ParseError> {
    match json {
        Json::Object(_) => Ok(vec![parse_statement(json, "Statement")?]),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| parse_statement(item, &format!("Statement[{i}]")))
            .collect(),
        other => Err(ParseError::WrongType {
            path: "Statement".into(),
            expected: "an object or a list of objects",
            found: other.type_name(),
        }),
    }
}

fn parse_statement(json: &Json, path: &str) -> Result<Statement, ParseError> {
    let entries = object(json, path)?;
    let mut sid = None;
    let mut effect = None;
    let mut principal = None;
    let mut action = None;
    let mut resource = None;
    let mut condition = Vec::new();
    let conflict = |first, second| ParseError::ConflictingElements {
        path: path.to_owned(),
        first,
        second,
    };
    for (key, value) in entries {
        let here = format!("{path}.{key}");
        match key.as_str() {
            "Sid" => sid = Some(string(value, &here)?.to_owned()),
            "Effect" => {
                let text = string(value, &here)?;
                effect = Some(if text.eq_ignore_ascii_case("allow") {
                    Effect::Allow
                } else if text.eq_ignore_ascii_case("deny") {
                    Effect::Deny
                } else {
                    return Err(ParseError::InvalidEffect {
                        path: here,
                        value: text.to_owned(),
                    });
                });
            }
            "Principal" | "NotPrincipal" => {
                if principal.is_some() {
                    return Err(conflict("Principal", "NotPrincipal"));
                }
                let principals = parse_principals(value, &here)?;
                principal = Some(if key == "Principal" {
                    PrincipalElement::Principal(principals)
                } else {
                    PrincipalElement::NotPrincipal(principals)
                });
            }
            "Action" | "NotAction" => {
                if action.is_some() {
                    return Err(conflict("Action", "NotAction"));
                }
                let list = string_list(value, &here)?;
                action = Some(if key == "Action" {
                    ActionElement::Action(list)
                } else {
                    ActionElement::NotAction(list)
                });
            }
            "Resource" | "NotResource" => {
                if resource.is_some() {
                    return Err(conflict("Resource", "NotResource"));
                }
                let list = string_list(value, &here)?;
                resource = Some(if key == "Resource" {
                    ResourceElement::Resource(list)
                } else {
                    ResourceElement::NotResource(list)
                });
            }
            "Condition" => condition = parse_condition(value, &here)?,
            other => {
                return Err(ParseError::UnknownElement {
                    path: path.to_owned(),
                    element: other.to_owned(),
                })
            }
        }
    }
    let effect = effect.ok_or(ParseError::MissingElement {
        path: path.to_owned(),
        element: "Effect",
    })?;
    Ok(Statement {
        sid,
        effect,
        principal,
        action,
        resource,
        condition,
    })
}

fn parse_principals(json: &Json, path: &str) -> Result<Principals, ParseError> {
    match json {
        Json::String(s) if s == "*" => Ok(Principals::Everyone),
        Json::String(s) => Err(ParseError::InvalidPrincipal {
            path: path.to_owned(),
            value: s.clone(),
        }),
        Json::Object(_) => {
            let entries = object(json, path)?;
            let mut listed = Vec::with_capacity(entries.len());
            for (key, value) in entries {
                let kind =
                    PrincipalType::from_key(key).ok_or_else(|| ParseError::InvalidPrincipal {
                        path: path.to_owned(),
                        value: key.clone(),
                    })?;
                listed.push((kind, string_list(value, &format!("{path}.{key}"))?));
            }
            Ok(Principals::Listed(listed))
        }
        other => Err(ParseError::WrongType {
            path: path.to_owned(),
            expected: "\"*\" or an object",
            found: other.type_name(),
        }),
    }
}

fn parse_condition(json: &Json, path: &str) -> Result<Vec<ConditionBlock>, ParseError> {
    let operators = object(json, path)?;
    let mut blocks = Vec::with_capacity(operators.len());
    for (operator, keys) in operators {
        let here = format!("{path}.{operator}");
        let keys = object(keys, &here)?;
        let mut entries = Vec::with_capacity(keys.len());
        for (key, values) in keys {
            let at = format!("{here}.{key}");
            let scalar = |v: &Json| {
                v.scalar_text().ok_or(ParseError::WrongType {
                    path: at.clone(),
                    expected: "a string, number or boolean",
                    found: v.type_name(),
                })
            };
            let values = match values {
                Json::Array(items) => items.iter().map(scalar).collect::<Result<Vec<_>, _>>()?,
                single => vec![scalar(single)?],
            };
            entries.push(ConditionEntry {
                key: key.clone(),
                values,
            });
        }
        blocks.push(ConditionBlock {
            operator: operator.clone(),
            entries,
        });
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn condition_keys_in_order_without_duplicates() {
        let doc = PolicyDocument::parse(
            r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{
                    "StringEquals":{"aws:RequestedRegion":"us-east-1","s3:prefix":"home/"},
                    "Bool":{"aws:SecureTransport":"true"}}},
                {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{
                    "StringNotEquals":{"AWS:requestedregion":"eu-west-1"}}},
                {"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"#,
        );
        let Ok(doc) = doc else { unreachable!() };
        assert_eq!(
            doc.condition_keys(),
            ["aws:RequestedRegion", "s3:prefix", "aws:SecureTransport"]
        );
    }

    #[test]
    fn parses_single_statement_object() {
        let doc = PolicyDocument::parse(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",
            "Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}}"#,
        );
        let Ok(doc) = doc else {
            unreachable!("{doc:?}")
        };
        assert_eq!(doc.version, Some(PolicyVersion::V2012));
        assert_eq!(doc.statements.len(), 1);
        let cond = &doc.statements[0].condition;
        assert_eq!(cond[0].entries[0].values, ["10"]);
        assert_eq!(cond[1].entries[0].values, ["true"]);
    }

    #[test]
    fn rejects_structural_errors() {
        assert!(matches!(
            PolicyDocument::parse(
                r#"{"Statement":[{"Effect":"Allow","Action":"a:b","NotAction":"a:c"}]}"#
            ),
            Err(ParseError::ConflictingElements { .. })
        ));
        assert!(matches!(
            PolicyDocument::parse(r#"{"Statement":[{"Effect":"Allow","Effect":"Deny"}]}"#),
            Err(ParseError::DuplicateKey { .. })
        ));
        assert!(matches!(
            PolicyDocument::parse(r#"{"Statement":[{"Effect":"Maybe"}]}"#),
            Err(ParseError::InvalidEffect { .. })
        ));
        assert!(matches!(
            PolicyDocument::parse(r#"{"Version":"2010-01-01","Statement":[]}"#),
            Err(ParseError::UnsupportedVersion(_))
        ));
        assert!(matches!(
            PolicyDocument::parse("[]"),
            Err(ParseError::WrongType { .. })
        ));
    }
}
