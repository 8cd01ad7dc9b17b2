//! Findings about a policy document in the manner of IAM Access Analyzer's policy validation:
//! IAM's own write-time error, plus security warnings, general warnings and suggestions, each
//! at the line and column it concerns.
//!
//! Codes are Access Analyzer's issue codes where Access Analyzer has the check
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>);
//! an IAM rejection with no Access Analyzer counterpart carries IAM's error code
//! (`MalformedPolicyDocument`, `LimitExceeded`); the few checks Access Analyzer lacks
//! (`ALLOW_WITH_NOT_ACTION`, `ALLOW_STAR_ACTION_ON_STAR_RESOURCE`,
//! `FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY`, `OBSOLETE_VERSION`) follow its naming.
//!
//! Two findings are stricter than Access Analyzer's because the evaluator is: a
//! single-valued operator on a known multivalued key (`MISSING_QUALIFIER`, Access Analyzer's
//! name) never matches, and `ALLOW_WITH_NOT_PRINCIPAL` is an error in resource-based and
//! trust policies (Access Analyzer: a security warning) because such a statement grants
//! nothing.
//!
//! IAM reports one error per document, and so does this module for IAM's rejection (other
//! error findings are Access Analyzer's, such as `MISSING_QUALIFIER`). To say where IAM's
//! error is, it asks the validator again about each statement, then each value, on its own:
//! the first that reproduces the same error is the culprit. The validator's rules are
//! therefore never restated here and cannot drift.

use std::fmt;

use crate::condition::{Family, Operator};
use crate::document::{ParseError, PolicyDocument};
use crate::glob::{MatchMode, Pattern};
use crate::json::Json;
use crate::kind::PolicyKind;
use crate::spans::{child, Position, Spans};
use crate::validate::{validate, validate_with_quota, MalformedPolicy, ValidationError};

/// How much a finding matters, in Access Analyzer's four finding types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// IAM rejects the policy, or a part of it cannot work (`ERROR`).
    Error,
    /// The policy grants more than its author probably meant (`SECURITY_WARNING`).
    SecurityWarning,
    /// The policy probably does not work as intended (`WARNING`).
    Warning,
    /// The policy works but could be simpler (`SUGGESTION`).
    Suggestion,
}

impl Severity {
    /// The lower-case name used in reports: `error`, `security_warning`, `warning`,
    /// `suggestion`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::SecurityWarning => "security_warning",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a policy, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// Access Analyzer's issue code, or IAM's error code (see the module documentation).
    pub code: &'static str,
    /// What is wrong and what to do about it.
    pub message: String,
    /// The JSON Pointer of the element concerned (`""` for the whole document).
    pub pointer: String,
    /// Where that element is written: its member name, or the list item itself.
    pub position: Position,
}

/// Validates `text` as IAM would for `kind` and lints it; findings come in text order.
pub fn lint(text: &str, kind: PolicyKind) -> Vec<Finding> {
    let spans = Spans::scan(text).unwrap_or_default();
    let json = Json::parse(text).ok();
    let mut findings = Vec::new();
    if let Err(error) = validate_with_quota(text, kind, kind.default_size_quota()) {
        findings.push(iam_error(text, kind, &error, json.as_ref(), &spans));
    }
    if let Some(json) = &json {
        if PolicyDocument::from_json(json).is_ok() {
            let mut lints = Lints::default();
            lints.document(json, kind);
            findings.extend(
                lints
                    .found
                    .into_iter()
                    .map(|(severity, code, message, pointer)| Finding {
                        severity,
                        code,
                        position: spans.locate(&pointer),
                        message,
                        pointer,
                    }),
            );
        }
    }
    findings.sort_by_key(|f| (f.position, f.severity));
    findings
}

/// The finding for IAM's rejection, placed as precisely as the document allows.
fn iam_error(
    text: &str,
    kind: PolicyKind,
    error: &ValidationError,
    json: Option<&Json>,
    spans: &Spans,
) -> Finding {
    let mut finding = Finding {
        severity: Severity::Error,
        code: error.code(),
        message: error.to_string(),
        pointer: String::new(),
        position: spans.locate(""),
    };
    let ValidationError::Malformed(malformed) = error else {
        return finding;
    };
    if let MalformedPolicy::UnsupportedCharacter(c) = malformed {
        let offset = text
            .char_indices()
            .find(|(_, x)| u32::from(*x) == *c)
            .map_or(0, |(i, _)| i);
        finding.position = Position::at_offset(text, offset);
        return finding;
    }
    let Some(json) = json else {
        finding.code = "JSON_SYNTAX_ERROR";
        if let Err(e) = Json::parse(text) {
            finding.message = format!("{malformed} ({e})");
            finding.position = Position::at_line_column(text, e.line(), e.column());
        }
        return finding;
    };
    let (code, pointer, detail) = match PolicyDocument::from_json(json) {
        Err(parse) => {
            let (code, pointer) = parse_error_location(json, &parse, spans);
            (code, pointer, Some(parse.to_string()))
        }
        Ok(document) => {
            let statements = statements(json);
            match malformed {
                MalformedPolicy::Syntax if document.statements.is_empty() => {
                    ("MISSING_STATEMENT", "/Statement".to_owned(), None)
                }
                MalformedPolicy::Syntax => match unknown_operator(&statements) {
                    Some((pointer, operator)) => (
                        "INVALID_CONDITION_OPERATOR",
                        pointer,
                        Some(format!("unknown condition operator \"{operator}\"")),
                    ),
                    None => ("MalformedPolicyDocument", String::new(), None),
                },
                MalformedPolicy::Version => match member(json, "Version") {
                    Some(_) => ("INVALID_VERSION", "/Version".to_owned(), None),
                    None => ("MISSING_VERSION", String::new(), None),
                },
                MalformedPolicy::DuplicateSid => (
                    "UNIQUE_SIDS_REQUIRED",
                    duplicate_sid(&statements).unwrap_or_default(),
                    None,
                ),
                other => {
                    let pointer = isolate(member(json, "Version"), &statements, kind, other)
                        .unwrap_or_default();
                    (malformed_code(other, &pointer), pointer, None)
                }
            }
        }
    };
    finding.code = code;
    if let Some(detail) = detail {
        finding.message = format!("{malformed} ({detail})");
    }
    // A duplicated name is wrong where it is repeated, not where it first appears.
    finding.position = match malformed {
        MalformedPolicy::Syntax => spans.get_all(&pointer).nth(1).map(|s| s.anchor()),
        _ => None,
    }
    .unwrap_or_else(|| spans.locate(&pointer));
    finding.pointer = pointer;
    finding
}

/// Access Analyzer's code for an IAM rejection located at `pointer`, where it has one.
fn malformed_code(error: &MalformedPolicy, pointer: &str) -> &'static str {
    match error {
        MalformedPolicy::LegacyParsing if pointer.ends_with("/Effect") => "INVALID_EFFECT",
        MalformedPolicy::InvalidSid => "UNSUPPORTED_SID",
        MalformedPolicy::MissingActions => "MISSING_ACTION",
        MalformedPolicy::MissingResources => "MISSING_RESOURCE",
        MalformedPolicy::ResourceNotArn(_) => "INVALID_ARN_PREFIX",
        MalformedPolicy::InvalidPartition { .. } => "INVALID_PARTITION",
        MalformedPolicy::IamResourceRegion(_) | MalformedPolicy::S3ResourceRegion(_) => {
            "ARN_REGION_NOT_ALLOWED"
        }
        MalformedPolicy::IamResourcePath => "INVALID_ARN_RESOURCE",
        MalformedPolicy::PrincipalNotAllowed => "UNSUPPORTED_PRINCIPAL",
        MalformedPolicy::MissingPrincipal => "MISSING_PRINCIPAL",
        MalformedPolicy::VariableInElement => "VARIABLE_UNSUPPORTED_IN_ELEMENT",
        MalformedPolicy::VariableForOperator => "INVALID_VARIABLE_FOR_OPERATOR",
        _ => "MalformedPolicyDocument",
    }
}

/// Access Analyzer's code and the JSON Pointer for a structural error of the parser.
fn parse_error_location(json: &Json, error: &ParseError, spans: &Spans) -> (&'static str, String) {
    match error {
        ParseError::InvalidJson(_) => ("JSON_SYNTAX_ERROR", String::new()),
        ParseError::WrongType { path, .. } => ("DATA_TYPE_MISMATCH", path_pointer(json, path)),
        ParseError::DuplicateKey { path, key } => {
            ("JSON_SYNTAX_ERROR", child(&path_pointer(json, path), key))
        }
        ParseError::UnknownElement { path, element } => (
            "INVALID_POLICY_ELEMENT",
            child(&path_pointer(json, path), element),
        ),
        ParseError::MissingElement { path, element } => (
            if *element == "Statement" {
                "MISSING_STATEMENT"
            } else {
                "MISSING_EFFECT"
            },
            path_pointer(json, path),
        ),
        ParseError::ConflictingElements {
            path,
            first,
            second,
        } => {
            let at = path_pointer(json, path);
            let (a, b) = (child(&at, first), child(&at, second));
            let later = match (spans.get(&a), spans.get(&b)) {
                (Some(x), Some(y)) if x.start > y.start => a,
                _ => b,
            };
            ("UNSUPPORTED_ELEMENT_COMBINATION", later)
        }
        ParseError::InvalidEffect { path, .. } => ("INVALID_EFFECT", path_pointer(json, path)),
        ParseError::UnsupportedVersion(_) => ("INVALID_VERSION", "/Version".to_owned()),
        ParseError::InvalidPrincipal { path, value } => {
            let at = path_pointer(json, path);
            let key = child(&at, value);
            if spans.get(&key).is_some() {
                ("INVALID_PRINCIPAL_KEY", key)
            } else {
                ("INVALID_PRINCIPAL_FORMAT", at)
            }
        }
    }
}

/// Turns the parser's dotted path (`Statement[0].Condition.StringEquals.aws:x`) into a JSON
/// Pointer by walking the document, so that member names containing dots resolve correctly.
fn path_pointer(json: &Json, path: &str) -> String {
    let mut pointer = String::new();
    if path == "document" {
        return pointer;
    }
    let mut node = json;
    let mut rest = path;
    loop {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if rest.is_empty() {
            return pointer;
        }
        match node {
            Json::Array(items) if rest.starts_with('[') => {
                let Some(close) = rest.find(']') else {
                    return pointer;
                };
                let Some(index) = rest.get(1..close).and_then(|i| i.parse::<usize>().ok()) else {
                    return pointer;
                };
                let Some(item) = items.get(index) else {
                    return pointer;
                };
                pointer = child(&pointer, &index.to_string());
                node = item;
                rest = rest.get(close + 1..).unwrap_or_default();
            }
            Json::Object(members) => {
                let found = members
                    .iter()
                    .filter(|(key, _)| {
                        rest.strip_prefix(key.as_str())
                            .is_some_and(|r| r.is_empty() || r.starts_with(['.', '[']))
                    })
                    .max_by_key(|(key, _)| key.len());
                let Some((key, value)) = found else {
                    return pointer;
                };
                pointer = child(&pointer, key);
                node = value;
                rest = rest.get(key.len()..).unwrap_or_default();
            }
            _ => return pointer,
        }
    }
}

/// A statement of the document with its JSON Pointer.
struct StatementView<'j> {
    pointer: String,
    members: &'j [(String, Json)],
}

impl<'j> StatementView<'j> {
    fn get(&self, name: &str) -> Option<&'j Json> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    fn at(&self, name: &str) -> String {
        child(&self.pointer, name)
    }
}

fn member<'j>(json: &'j Json, name: &str) -> Option<&'j Json> {
    match json {
        Json::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

fn statements(json: &Json) -> Vec<StatementView<'_>> {
    match member(json, "Statement") {
        Some(Json::Object(members)) => vec![StatementView {
            pointer: "/Statement".to_owned(),
            members,
        }],
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                Json::Object(members) => Some(StatementView {
                    pointer: format!("/Statement/{i}"),
                    members,
                }),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The strings of a string-or-list element, each with its pointer.
fn items<'j>(pointer: &str, json: &'j Json) -> Vec<(String, &'j str)> {
    match json {
        Json::String(s) => vec![(pointer.to_owned(), s.as_str())],
        Json::Array(values) => values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Json::String(s) => Some((child(pointer, &i.to_string()), s.as_str())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn unknown_operator(statements: &[StatementView<'_>]) -> Option<(String, String)> {
    statements.iter().find_map(|statement| {
        let Some(Json::Object(blocks)) = statement.get("Condition") else {
            return None;
        };
        blocks.iter().find_map(|(operator, keys)| {
            let non_empty = matches!(keys, Json::Object(k) if !k.is_empty());
            (Operator::parse(operator).is_none() && non_empty).then(|| {
                (
                    child(&statement.at("Condition"), operator),
                    operator.clone(),
                )
            })
        })
    })
}

fn duplicate_sid(statements: &[StatementView<'_>]) -> Option<String> {
    let sid = |s: &StatementView<'_>| match s.get("Sid") {
        Some(Json::String(sid)) if !sid.is_empty() => Some(sid.clone()),
        _ => None,
    };
    statements.iter().enumerate().find_map(|(i, statement)| {
        let mine = sid(statement)?;
        statements
            .iter()
            .take(i)
            .any(|earlier| sid(earlier).as_deref() == Some(mine.as_str()))
            .then(|| statement.at("Sid"))
    })
}

/// Finds the statement, then the value within it, that on its own makes IAM give `error`.
fn isolate(
    version: Option<&Json>,
    statements: &[StatementView<'_>],
    kind: PolicyKind,
    error: &MalformedPolicy,
) -> Option<String> {
    let reproduces = |statement: Vec<(String, Json)>| {
        let mut document = Vec::new();
        if let Some(version) = version {
            document.push(("Version".to_owned(), version.clone()));
        }
        document.push((
            "Statement".to_owned(),
            Json::Array(vec![Json::Object(statement)]),
        ));
        let text = to_text(&Json::Object(document));
        matches!(validate(&text, kind), Err(ValidationError::Malformed(e)) if &e == error)
    };
    let statement = statements.iter().find(|s| reproduces(s.members.to_vec()))?;
    let base = base_statement(kind);
    let (values, elements) = candidates(statement);
    // Errors about an element's presence belong to the element, not to a value inside it.
    let element_first = matches!(
        error,
        MalformedPolicy::PrincipalNotAllowed
            | MalformedPolicy::ResourceNotAllowed
            | MalformedPolicy::MissingActions
            | MalformedPolicy::MissingResources
    );
    let ordered = if element_first {
        elements.into_iter().chain(values)
    } else {
        values.into_iter().chain(elements)
    };
    let found = ordered
        .into_iter()
        .find(|(_, name, value)| reproduces(with_member(&base, name, value.clone())));
    Some(found.map_or_else(|| statement.pointer.clone(), |(pointer, _, _)| pointer))
}

/// A statement IAM accepts for `kind`, into which one suspect value at a time is placed.
fn base_statement(kind: PolicyKind) -> Vec<(String, Json)> {
    let text = |s: &str| Json::String(s.to_owned());
    let mut members = vec![("Effect".to_owned(), text("Allow"))];
    if !forbids_principal(kind) {
        members.push((
            "Principal".to_owned(),
            Json::Object(vec![(
                "AWS".to_owned(),
                text("arn:aws:iam::123456789012:root"),
            )]),
        ));
    }
    if kind == PolicyKind::Trust {
        members.push(("Action".to_owned(), text("sts:AssumeRole")));
    } else {
        members.push(("Action".to_owned(), text("s3:GetObject")));
        members.push(("Resource".to_owned(), text("*")));
    }
    members
}

fn forbids_principal(kind: PolicyKind) -> bool {
    matches!(
        kind,
        PolicyKind::Identity
            | PolicyKind::PermissionsBoundary
            | PolicyKind::Session
            | PolicyKind::ServiceControl
    )
}

/// `base` with `name` set to `value`, replacing the element and its negation.
fn with_member(base: &[(String, Json)], name: &str, value: Json) -> Vec<(String, Json)> {
    let family = |n: &str| n.trim_start_matches("Not").to_owned();
    let mut members: Vec<(String, Json)> = base
        .iter()
        .filter(|(k, _)| family(k) != family(name))
        .cloned()
        .collect();
    members.push((name.to_owned(), value));
    members
}

/// A suspect: its pointer, and the element (name and value) that holds only it.
type Candidate = (String, String, Json);

/// The suspects of a statement: each list item, principal and condition value; and each
/// whole element.
fn candidates(statement: &StatementView<'_>) -> (Vec<Candidate>, Vec<Candidate>) {
    let mut out = Vec::new();
    for (name, value) in statement.members {
        let at = statement.at(name);
        match (name.as_str(), value) {
            ("Action" | "NotAction" | "Resource" | "NotResource", Json::Array(list)) => {
                for (i, item) in list.iter().enumerate() {
                    out.push((child(&at, &i.to_string()), name.clone(), item.clone()));
                }
            }
            ("Principal" | "NotPrincipal", Json::Object(types)) => {
                for (kind, ids) in types {
                    let here = child(&at, kind);
                    let one = |id: &Json| Json::Object(vec![(kind.clone(), id.clone())]);
                    match ids {
                        Json::Array(list) => {
                            for (i, id) in list.iter().enumerate() {
                                out.push((child(&here, &i.to_string()), name.clone(), one(id)));
                            }
                        }
                        id => out.push((here, name.clone(), one(id))),
                    }
                }
            }
            ("Condition", Json::Object(blocks)) => {
                for (operator, keys) in blocks {
                    let Json::Object(keys) = keys else { continue };
                    for (key, values) in keys {
                        let here = child(&child(&at, operator), key);
                        let one = |v: &Json| {
                            Json::Object(vec![(
                                operator.clone(),
                                Json::Object(vec![(key.clone(), v.clone())]),
                            )])
                        };
                        match values {
                            Json::Array(list) => {
                                for (i, v) in list.iter().enumerate() {
                                    out.push((child(&here, &i.to_string()), name.clone(), one(v)));
                                }
                            }
                            v => out.push((here, name.clone(), one(v))),
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let elements = statement
        .members
        .iter()
        .map(|(name, value)| (statement.at(name), name.clone(), value.clone()))
        .collect();
    (out, elements)
}

/// Writes the tree back as compact JSON, for asking the validator about a part of it.
fn to_text(json: &Json) -> String {
    let mut out = String::new();
    write_json(json, &mut out);
    out
}

fn write_json(json: &Json, out: &mut String) {
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_json(value, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether a condition key carries one value per request or a set; `None` when unknown.
fn multivalued(key: &str) -> Option<bool> {
    const MULTI: [&str; 7] = [
        "aws:tagkeys",
        "aws:principalservicenameslist",
        "aws:calledvia",
        "aws:principalorgpaths",
        "aws:resourceorgpaths",
        "aws:sourceorgpaths",
        "sts:transitivetagkeys",
    ];
    const SINGLE: [&str; 38] = [
        "aws:sourceip",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:vpcsourceip",
        "aws:username",
        "aws:userid",
        "aws:principalarn",
        "aws:principalaccount",
        "aws:principaltype",
        "aws:principalorgid",
        "aws:principalisawsservice",
        "aws:principalservicename",
        "aws:requestedregion",
        "aws:securetransport",
        "aws:currenttime",
        "aws:epochtime",
        "aws:multifactorauthpresent",
        "aws:multifactorauthage",
        "aws:sourcearn",
        "aws:sourceaccount",
        "aws:sourceorgid",
        "aws:resourceaccount",
        "aws:resourceorgid",
        "aws:referer",
        "aws:useragent",
        "aws:sourceidentity",
        "aws:viaawsservice",
        "aws:tokenissuetime",
        "aws:calledviafirst",
        "aws:calledvialast",
        "aws:federatedprovider",
        "aws:ec2instancesourcevpc",
        "aws:ec2instancesourceprivateipv4",
        "iam:passedtoservice",
        "iam:permissionsboundary",
        "iam:policyarn",
        "sts:externalid",
        "sts:rolesessionname",
    ];
    let key = key.to_ascii_lowercase();
    if MULTI.contains(&key.as_str()) {
        Some(true)
    } else if SINGLE.contains(&key.as_str())
        || ["aws:principaltag/", "aws:resourcetag/", "aws:requesttag/"]
            .iter()
            .any(|p| key.starts_with(p))
    {
        Some(false)
    } else {
        None
    }
}

fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?'])
}

/// Whether every action (or resource) `specific` names is also named by `general`.
fn covers(general: &str, specific: &str, resource: bool) -> bool {
    let (general, specific) = if resource {
        (general.to_owned(), specific.to_owned())
    } else {
        (general.to_ascii_lowercase(), specific.to_ascii_lowercase())
    };
    if general == specific {
        return true;
    }
    if general.contains("${") || specific.contains("${") {
        return false;
    }
    if !has_wildcard(&specific) {
        let mode = if resource {
            MatchMode::Resource
        } else {
            MatchMode::Text
        };
        return Pattern::wildcard(&general).matches(&specific, mode);
    }
    match general.strip_suffix('*') {
        Some(prefix) => !has_wildcard(prefix) && specific.starts_with(prefix),
        None => false,
    }
}

/// Whether a resource names every role (or everything), which `iam:PassRole` should not.
fn star_resource(resource: &str) -> bool {
    resource == "*"
        || (resource.starts_with("arn:")
            && matches!(resource.splitn(6, ':').nth(5), Some("*" | "role/*" | "*/*")))
}

type Found = (Severity, &'static str, String, String);

#[derive(Default)]
struct Lints {
    found: Vec<Found>,
}

impl Lints {
    fn add(&mut self, severity: Severity, code: &'static str, pointer: String, message: String) {
        self.found.push((severity, code, message, pointer));
    }

    fn document(&mut self, json: &Json, kind: PolicyKind) {
        let version_required =
            matches!(kind, PolicyKind::Identity | PolicyKind::PermissionsBoundary);
        match member(json, "Version") {
            None if !version_required => self.add(
                Severity::Warning,
                "MISSING_VERSION",
                String::new(),
                "We recommend that you specify the Version element (\"2012-10-17\"): without it \
                 policy variables such as ${aws:username} are literal text."
                    .to_owned(),
            ),
            Some(Json::String(v)) if v == "2008-10-17" && !version_required => self.add(
                Severity::Warning,
                "OBSOLETE_VERSION",
                "/Version".to_owned(),
                "Version 2008-10-17 does not support policy variables; ${...} is literal text. \
                 Use \"2012-10-17\"."
                    .to_owned(),
            ),
            _ => {}
        }
        let statements = statements(json);
        for statement in &statements {
            self.statement(statement, kind);
        }
        self.redundant_statements(&statements);
    }

    fn statement(&mut self, statement: &StatementView<'_>, kind: PolicyKind) {
        let allow = matches!(statement.get("Effect"), Some(Json::String(e)) if e.eq_ignore_ascii_case("allow"));
        self.empty_elements(statement);
        if allow && statement.get("NotAction").is_some() {
            self.add(
                Severity::SecurityWarning,
                "ALLOW_WITH_NOT_ACTION",
                statement.at("NotAction"),
                "Using Allow with NotAction can be overly permissive: it allows every action \
                 not listed, in every service, including actions added later. We recommend that \
                 you list the allowed actions with Action instead."
                    .to_owned(),
            );
        }
        // Keyward's evaluator grants nothing through Allow with NotPrincipal (AWS does not
        // support it), so in resource-based and trust policies it is an error: the statement
        // cannot work. In other kinds IAM rejects the principal element anyway.
        if allow && statement.get("NotPrincipal").is_some() {
            let severity = if matches!(kind, PolicyKind::Resource | PolicyKind::Trust) {
                Severity::Error
            } else {
                Severity::SecurityWarning
            };
            self.add(
                severity,
                "ALLOW_WITH_NOT_PRINCIPAL",
                statement.at("NotPrincipal"),
                "AWS does not support NotPrincipal with \"Effect\": \"Allow\", and this statement \
                 grants nothing: it would otherwise allow everyone not listed, including anonymous \
                 users. Use Principal to list whom you allow."
                    .to_owned(),
            );
        }
        if allow {
            self.broad_access(statement);
        }
        for name in ["Action", "NotAction"] {
            if let Some(value) = statement.get(name) {
                let list = items(&statement.at(name), value);
                self.service_wildcards(&list);
                self.redundant(&list, false);
            }
        }
        for name in ["Resource", "NotResource"] {
            if let Some(value) = statement.get(name) {
                self.redundant(&items(&statement.at(name), value), true);
            }
        }
        if let Some(Json::Object(blocks)) = statement.get("Condition") {
            self.conditions(&statement.at("Condition"), blocks);
        }
    }

    fn empty_elements(&mut self, statement: &StatementView<'_>) {
        if matches!(statement.get("Sid"), Some(Json::String(s)) if s.is_empty()) {
            self.add(
                Severity::Suggestion,
                "EMPTY_SID_VALUE",
                statement.at("Sid"),
                "Add a value to the empty string in the Sid element, or remove the element."
                    .to_owned(),
            );
        }
        let arrays = [
            ("Action", "EMPTY_ARRAY_ACTION"),
            ("NotAction", "EMPTY_ARRAY_NOT_ACTION"),
            ("Resource", "EMPTY_ARRAY_RESOURCE"),
            ("NotResource", "EMPTY_ARRAY_NOT_RESOURCE"),
        ];
        for (name, code) in arrays {
            if matches!(statement.get(name), Some(Json::Array(a)) if a.is_empty()) {
                self.add(
                    Severity::Suggestion,
                    code,
                    statement.at(name),
                    format!("The {name} element is an empty array and names nothing; list what it should name or remove it."),
                );
            }
        }
        for name in ["Principal", "NotPrincipal"] {
            match statement.get(name) {
                Some(Json::Object(types)) if types.is_empty() => self.add(
                    Severity::Suggestion,
                    "EMPTY_OBJECT_PRINCIPAL",
                    statement.at(name),
                    format!("The {name} element is an empty object and names no principal."),
                ),
                Some(Json::Object(types)) => {
                    for (kind, ids) in types {
                        if matches!(ids, Json::Array(a) if a.is_empty()) {
                            self.add(
                                Severity::Suggestion,
                                "EMPTY_ARRAY_PRINCIPAL",
                                child(&statement.at(name), kind),
                                format!("The {kind} principal list is empty; list principals or remove it."),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Security warnings about an `Allow` that reaches every action or every role.
    fn broad_access(&mut self, statement: &StatementView<'_>) {
        let actions = statement
            .get("Action")
            .map(|a| items(&statement.at("Action"), a))
            .unwrap_or_default();
        let resources = statement
            .get("Resource")
            .map(|r| items(&statement.at("Resource"), r))
            .unwrap_or_default();
        let everything = |a: &str| a == "*" || a == "*:*";
        let star = resources.iter().find(|(_, r)| *r == "*");
        if let (Some((pointer, _)), Some(_)) = (actions.iter().find(|(_, a)| everything(a)), star) {
            self.add(
                Severity::SecurityWarning,
                "ALLOW_STAR_ACTION_ON_STAR_RESOURCE",
                pointer.clone(),
                "This statement allows every action on every resource (full administrator \
                 access). We recommend that you grant only the actions and resources needed."
                    .to_owned(),
            );
        }
        let passed_to_service = match statement.get("Condition") {
            Some(Json::Object(blocks)) => blocks.iter().any(|(_, keys)| {
                matches!(keys, Json::Object(k) if k.iter().any(|(key, _)| key.eq_ignore_ascii_case("iam:PassedToService")))
            }),
            _ => false,
        };
        let pass_role = actions
            .iter()
            .find(|(_, a)| !everything(a) && covers(a, "iam:PassRole", false));
        if let Some((_, action)) = pass_role {
            match (star_resource_item(&resources), statement.get("NotResource")) {
                (Some(pointer), _) if !passed_to_service => {
                    let (code, what) = if has_wildcard(action) {
                        (
                            "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
                            "Using wildcards (*) in the action and the resource",
                        )
                    } else {
                        (
                            "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                            "Using the iam:PassRole action with wildcards (*) in the resource",
                        )
                    };
                    self.add(
                        Severity::SecurityWarning,
                        code,
                        pointer,
                        format!(
                            "{what} can be overly permissive because it allows iam:PassRole \
                             permissions on multiple resources. We recommend that you specify \
                             resource ARNs or add the iam:PassedToService condition key to your \
                             statement."
                        ),
                    );
                }
                (_, Some(_)) => self.add(
                    Severity::SecurityWarning,
                    "PASS_ROLE_WITH_NOT_RESOURCE",
                    statement.at("NotResource"),
                    "Using the iam:PassRole action with NotResource can be overly permissive \
                     because it allows iam:PassRole permissions on multiple resources. We \
                     recommend that you specify resource ARNs instead."
                        .to_owned(),
                ),
                _ => {}
            }
        }
    }

    fn service_wildcards(&mut self, actions: &[(String, &str)]) {
        for (pointer, action) in actions {
            let service = action.split(':').next().unwrap_or_default();
            if *action != "*" && action.contains(':') && has_wildcard(service) {
                self.add(
                    Severity::Warning,
                    "WILDCARD_IN_SERVICE_NAME",
                    pointer.clone(),
                    format!(
                        "Avoid using wildcards (*, ?) in the service name of {action}: it may \
                         grant access to other AWS services with similar names, now or later."
                    ),
                );
            }
        }
    }

    /// Items of one list that another item of the same list already covers.
    fn redundant(&mut self, list: &[(String, &str)], resource: bool) {
        for (i, (pointer, specific)) in list.iter().enumerate() {
            let by = list.iter().enumerate().find(|(j, (_, general))| {
                *j != i
                    && covers(general, specific, resource)
                    && (*j < i || !covers(specific, general, resource))
            });
            if let Some((_, (_, general))) = by {
                let (code, noun) = if resource {
                    ("REDUNDANT_RESOURCE", "resource")
                } else {
                    ("REDUNDANT_ACTION", "action")
                };
                self.add(
                    Severity::Suggestion,
                    code,
                    pointer.clone(),
                    format!(
                        "The {noun} {specific} is redundant because {general} in the same \
                         statement already covers it. Remove the redundant {noun}."
                    ),
                );
            }
        }
    }

    fn conditions(&mut self, at: &str, blocks: &[(String, Json)]) {
        if blocks.is_empty() {
            self.add(
                Severity::Suggestion,
                "EMPTY_OBJECT_CONDITION",
                at.to_owned(),
                "The Condition element is an empty object; remove it.".to_owned(),
            );
        }
        for (operator, keys) in blocks {
            let here = child(at, operator);
            let Json::Object(keys) = keys else { continue };
            if keys.is_empty() {
                self.add(
                    Severity::Suggestion,
                    "EMPTY_OBJECT_CONDITION",
                    here.clone(),
                    format!("The {operator} condition tests no key; remove it."),
                );
            }
            let parsed = Operator::parse(operator);
            if parsed.is_some_and(|o| o.family == Family::Null) && operator.ends_with("IfExists") {
                self.add(
                    Severity::Error,
                    "NULL_WITH_IF_EXISTS",
                    here.clone(),
                    "The Null condition operator cannot be used with the IfExists suffix. \
                     Update the operator to include a supported suffix."
                        .to_owned(),
                );
            }
            let for_all = operator.starts_with("ForAllValues:");
            let for_any = operator.starts_with("ForAnyValue:");
            for (key, values) in keys {
                let pointer = child(&here, key);
                if matches!(values, Json::Array(v) if v.is_empty()) {
                    self.add(
                        Severity::Suggestion,
                        "EMPTY_ARRAY_CONDITION",
                        pointer.clone(),
                        format!("There are no values for the condition key {key}. Add values or remove the key."),
                    );
                }
                match multivalued(key) {
                    Some(false) if for_all => self.add(
                        Severity::SecurityWarning,
                        "FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY",
                        pointer,
                        format!(
                            "Using the ForAllValues qualifier with the single-valued condition \
                             key {key} can be overly permissive: it is also true when the key is \
                             absent. We recommend that you remove ForAllValues:."
                        ),
                    ),
                    Some(false) if for_any => self.add(
                        Severity::Warning,
                        "FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY",
                        pointer,
                        format!(
                            "{key} is a single-valued condition key; ForAnyValue: is meant for \
                             multivalued keys. Remove the ForAnyValue: qualifier."
                        ),
                    ),
                    Some(true)
                        if !for_all
                            && !for_any
                            && !parsed.is_some_and(|o| o.family == Family::Null) =>
                    {
                        self.add(
                            Severity::Error,
                            "MISSING_QUALIFIER",
                            pointer,
                            format!(
                                "The request context key {key} has multiple values. Use the \
                                 ForAllValues or ForAnyValue condition key qualifiers in your \
                                 policy: a single-valued operator never matches a list of \
                                 values, even of one."
                            ),
                        )
                    }
                    _ => {}
                }
            }
        }
    }

    fn redundant_statements(&mut self, statements: &[StatementView<'_>]) {
        fn canonical<'j>(s: &StatementView<'j>) -> Vec<&'j (String, Json)> {
            let mut members: Vec<&(String, Json)> =
                s.members.iter().filter(|(k, _)| k != "Sid").collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            members
        }
        for (i, statement) in statements.iter().enumerate() {
            let mine = canonical(statement);
            if let Some(earlier) = statements.iter().take(i).find(|e| canonical(e) == mine) {
                self.add(
                    Severity::Suggestion,
                    "REDUNDANT_STATEMENT",
                    statement.pointer.clone(),
                    format!(
                        "This statement is redundant because the statement at {} grants \
                         identical permissions. Remove the redundant statement.",
                        earlier.pointer
                    ),
                );
            }
        }
    }
}

fn star_resource_item(resources: &[(String, &str)]) -> Option<String> {
    resources
        .iter()
        .find(|(_, r)| star_resource(r))
        .map(|(p, _)| p.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, kind: PolicyKind) -> Vec<(&'static str, usize, usize)> {
        lint(text, kind)
            .into_iter()
            .map(|f| (f.code, f.position.line, f.position.column))
            .collect()
    }

    fn identity(statement: &str) -> String {
        format!("{{\"Version\":\"2012-10-17\",\"Statement\":[{statement}]}}")
    }

    #[test]
    fn clean_policy_has_no_findings() {
        let text = identity(
            r#"{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"}"#,
        );
        assert_eq!(found(&text, PolicyKind::Identity), []);
    }

    #[test]
    fn iam_error_is_placed_on_the_culprit_value() {
        let text = identity(
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
               {"Effect":"Allow","Action":["s3:GetObject","s3"],"Resource":"*"}"#,
        );
        let findings = lint(&text, PolicyKind::Identity);
        let Some(first) = findings.first() else {
            unreachable!("an error")
        };
        assert_eq!(first.severity, Severity::Error);
        assert_eq!(first.code, "MalformedPolicyDocument");
        assert_eq!(first.pointer, "/Statement/1/Action/1");
        assert_eq!(
            first.message,
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        );
    }

    #[test]
    fn structural_errors_name_the_element() {
        let text = "{\"Version\":\"2012-10-17\",\n\"Statement\":{\"Effect\":\"Allow\",\"Actions\":\"s3:*\",\"Resource\":\"*\"}}";
        assert_eq!(
            found(text, PolicyKind::Identity),
            [("INVALID_POLICY_ELEMENT", 2, 31)]
        );
        assert_eq!(
            found("{\"Version\": 1,", PolicyKind::Identity),
            [("JSON_SYNTAX_ERROR", 1, 14)]
        );
    }

    #[test]
    fn principal_in_identity_policy_and_missing_version() {
        let text =
            r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
        assert_eq!(
            found(text, PolicyKind::Identity),
            [("UNSUPPORTED_PRINCIPAL", 1, 33)]
        );
        let text = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
        assert_eq!(
            found(text, PolicyKind::Resource),
            [("MISSING_VERSION", 1, 1)]
        );
    }

    #[test]
    fn pass_role_and_full_access() {
        let text = identity(r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}"#);
        assert_eq!(
            found(&text, PolicyKind::Identity),
            [("PASS_ROLE_WITH_STAR_IN_RESOURCE", 1, 80)]
        );
        let text = identity(
            r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}"#,
        );
        assert_eq!(found(&text, PolicyKind::Identity), []);
        let text = identity(r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#);
        assert_eq!(
            found(&text, PolicyKind::Identity),
            [("ALLOW_STAR_ACTION_ON_STAR_RESOURCE", 1, 56)]
        );
    }

    #[test]
    fn allow_with_not_principal_is_an_error_where_principals_are_allowed() {
        let statement = r#"{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
        let text = identity(statement);
        let findings = lint(&text, PolicyKind::Resource);
        let Some(finding) = findings
            .iter()
            .find(|f| f.code == "ALLOW_WITH_NOT_PRINCIPAL")
        else {
            unreachable!("{findings:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.pointer, "/Statement/0/NotPrincipal");
        let in_identity = lint(&text, PolicyKind::Identity);
        assert!(in_identity.iter().any(
            |f| f.code == "ALLOW_WITH_NOT_PRINCIPAL" && f.severity == Severity::SecurityWarning
        ));
        let deny = identity(&statement.replace("Allow", "Deny"));
        assert!(lint(&deny, PolicyKind::Resource)
            .iter()
            .all(|f| f.code != "ALLOW_WITH_NOT_PRINCIPAL"));
    }

    #[test]
    fn single_valued_operators_on_multivalued_keys() {
        let text = identity(
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
                "StringNotEquals":{"aws:PrincipalServiceNamesList":"ec2.amazonaws.com"},
                "ArnLike":{"aws:CalledVia":"arn:aws:iam::*:role/x"},
                "ForAnyValue:StringEquals":{"aws:TagKeys":"a"},
                "Null":{"aws:TagKeys":"false"}}}"#,
        );
        let codes: Vec<&str> = found(&text, PolicyKind::Identity)
            .into_iter()
            .map(|(code, _, _)| code)
            .collect();
        assert_eq!(codes, ["MISSING_QUALIFIER", "MISSING_QUALIFIER"]);
    }

    #[test]
    fn set_qualifiers() {
        let text = identity(
            r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
                "ForAllValues:StringEquals":{"aws:RequestedRegion":"us-east-1"},
                "ForAnyValue:StringEquals":{"aws:PrincipalTag/team":"a"},
                "StringEquals":{"aws:TagKeys":"a"},
                "ForAllValues:StringLike":{"s3:custom":"a"}}}"#,
        );
        let codes: Vec<&str> = found(&text, PolicyKind::Identity)
            .into_iter()
            .map(|(code, _, _)| code)
            .collect();
        assert_eq!(
            codes,
            [
                "FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY",
                "FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY",
                "MISSING_QUALIFIER"
            ]
        );
    }

    #[test]
    fn redundancy() {
        let text = identity(
            r#"{"Effect":"Allow","Action":["s3:GetObject","s3:Get*","S3:get*"],"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/x"]},
               {"Sid":"Again","Effect":"Allow","Action":["s3:GetObject","s3:Get*","S3:get*"],"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/x"]}"#,
        );
        let findings: Vec<(&str, String)> = lint(&text, PolicyKind::Identity)
            .into_iter()
            .map(|f| (f.code, f.pointer))
            .collect();
        let first: Vec<(&str, String)> = findings.iter().take(3).cloned().collect();
        assert_eq!(
            first,
            [
                ("REDUNDANT_ACTION", "/Statement/0/Action/0".to_owned()),
                ("REDUNDANT_ACTION", "/Statement/0/Action/2".to_owned()),
                ("REDUNDANT_RESOURCE", "/Statement/0/Resource/1".to_owned()),
            ]
        );
        assert!(findings.contains(&("REDUNDANT_STATEMENT", "/Statement/1".to_owned())));
        assert_eq!(findings.len(), 7);
    }

    #[test]
    fn covering() {
        assert!(covers("s3:*", "s3:GetObject", false));
        assert!(covers("s3:Get*", "s3:GetObject*", false));
        assert!(!covers("s3:Get?", "s3:Get*", false));
        assert!(!covers("s3:GetObject", "s3:Get*", false));
        assert!(covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/x", true));
        assert!(!covers("arn:aws:s3:::B/*", "arn:aws:s3:::b/x", true));
        assert!(!covers(
            "arn:aws:s3:::b/*",
            "arn:aws:s3:::b/${aws:username}",
            true
        ));
    }

    #[test]
    fn dotted_paths_resolve_through_the_tree() {
        let Ok(json) =
            Json::parse(r#"{"Statement":[{"Condition":{"StringEquals":{"a.b:c":"x"}}}]}"#)
        else {
            unreachable!("valid JSON")
        };
        assert_eq!(
            path_pointer(&json, "Statement[0].Condition.StringEquals.a.b:c"),
            "/Statement/0/Condition/StringEquals/a.b:c"
        );
        assert_eq!(path_pointer(&json, "document"), "");
    }
}
