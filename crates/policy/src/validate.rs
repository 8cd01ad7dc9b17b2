//! Write-time validation as IAM performs it for `CreatePolicy`, `PutRolePolicy`,
//! `UpdateAssumeRolePolicy`, session policies, and Organizations policies.
//!
//! The checks and their order follow IAM's observable behaviour as reproduced by moto's
//! `policy_validation.py` (syntax → version → legacy parsing → Sid uniqueness → actions →
//! resources → resource format → action vendor), with kind-specific rules (`Principal`
//! prohibited or required, `Resource` prohibited in trust policies) and policy-variable
//! placement from IAM Access Analyzer's checks. Error texts are IAM's where known.

use crate::condition::Operator;
use crate::document::{
    ActionElement, PolicyDocument, PolicyVersion, PrincipalElement, Principals, ResourceElement,
    Statement,
};
use crate::json::Json;
use crate::kind::PolicyKind;
use crate::values::Instant;
use crate::variables::Template;

/// The reasons IAM gives for rejecting a document, with its `MalformedPolicyDocument` text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MalformedPolicy {
    /// Not JSON, unknown or duplicate elements, wrong types, conflicting pairs, an unknown
    /// condition operator, or no statements.
    #[error("Syntax errors in policy.")]
    Syntax,
    /// Identity policies and permissions boundaries need `"Version": "2012-10-17"`.
    #[error("Policy document must be version 2012-10-17 or greater.")]
    Version,
    /// `Effect` not exactly `Allow`/`Deny`, an unparseable date, or a malformed resource.
    #[error("The policy failed legacy parsing")]
    LegacyParsing,
    /// Two statements share a non-empty `Sid`.
    #[error("Statement IDs (SID) in a single policy must be unique.")]
    DuplicateSid,
    /// IAM policies accept only alphanumeric statement IDs.
    #[error(
        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"
    )]
    InvalidSid,
    /// A statement without `Action`/`NotAction` (or with an empty list).
    #[error("Policy statement must contain actions.")]
    MissingActions,
    /// A statement without `Resource`/`NotResource` (or with an empty list).
    #[error("Policy statement must contain resources.")]
    MissingResources,
    /// A resource that is neither an ARN nor `*`.
    #[error("Resource {0} must be in ARN format or \"*\".")]
    ResourceNotArn(String),
    /// An ARN whose partition is not an AWS partition.
    #[error("Partition \"{partition}\" is not valid for resource \"{resource}\".")]
    InvalidPartition {
        /// The partition as written.
        partition: String,
        /// The resource, normalised the way IAM prints it.
        resource: String,
    },
    /// An ARN with no service, or a wildcard in the service.
    #[error("Resource vendor must be fully qualified and cannot contain regexes.")]
    ResourceVendor,
    /// An IAM ARN with a region.
    #[error("IAM resource {0} cannot contain region information.")]
    IamResourceRegion(String),
    /// An S3 ARN with a region.
    #[error("Resource {0} can not contain region information.")]
    S3ResourceRegion(String),
    /// An IAM ARN whose resource is not a known IAM resource type.
    #[error(
        "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/."
    )]
    IamResourcePath,
    /// An action without `vendor:`.
    #[error("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    MissingVendor,
    /// An action with more than one colon.
    #[error("Actions/Condition can contain only one colon.")]
    TooManyColons,
    /// A vendor prefix with characters outside `[a-zA-Z0-9-.]`.
    #[error("Vendor {0} is not valid")]
    InvalidVendor(String),
    /// `Principal`/`NotPrincipal` in a policy attached to an identity.
    #[error("Policy document should not specify a principal.")]
    PrincipalNotAllowed,
    /// A trust or resource-based policy statement without `Principal`/`NotPrincipal`.
    #[error("Missing required field Principal")]
    MissingPrincipal,
    /// `Resource`/`NotResource` in a role trust policy.
    #[error("Has prohibited field Resource")]
    ResourceNotAllowed,
    /// A policy variable outside `Resource` and `Condition` (Access Analyzer's check).
    #[error("Policy variables are supported in the Resource and Condition elements.")]
    VariableInElement,
    /// A policy variable in a condition whose operator is not a String or ARN operator
    /// (Access Analyzer's check).
    #[error("Policy variables can only be used with String and ARN operators.")]
    VariableForOperator,
    /// A character IAM does not accept in policy text.
    #[error(
        "Policy document contains the unsupported character U+{0:04X}; policies may contain only tab, line feed, carriage return and characters U+0020 through U+00FF."
    )]
    UnsupportedCharacter(u32),
}

/// Why IAM would refuse to store a policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// The `MalformedPolicyDocument` error.
    #[error("{0}")]
    Malformed(#[from] MalformedPolicy),
    /// The `LimitExceeded` error: too many characters, not counting whitespace.
    #[error("Cannot exceed quota for {quota_name}: {quota}")]
    SizeExceeded {
        /// The policy kind whose quota applies.
        kind: PolicyKind,
        /// The size of the document, excluding whitespace.
        size: usize,
        /// The quota.
        quota: usize,
        /// IAM's name for the quota.
        quota_name: &'static str,
    },
}

impl ValidationError {
    /// The AWS error code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            ValidationError::Malformed(_) => "MalformedPolicyDocument",
            ValidationError::SizeExceeded { .. } => "LimitExceeded",
        }
    }
}

impl PolicyKind {
    /// The default size quota in characters, not counting whitespace: managed policies and
    /// boundaries 6,144; role trust policies and session policies 2,048; SCPs and RCPs 5,120;
    /// resource-based policies 20,480 (S3's bucket-policy limit; other services vary).
    pub fn default_size_quota(self) -> usize {
        match self {
            PolicyKind::Identity | PolicyKind::PermissionsBoundary => 6_144,
            PolicyKind::Trust | PolicyKind::Session => 2_048,
            PolicyKind::ServiceControl | PolicyKind::ResourceControl => 5_120,
            PolicyKind::Resource => 20_480,
        }
    }

    fn quota_name(self) -> &'static str {
        match self {
            PolicyKind::Trust => "ACLSizePerRole",
            _ => "PolicySize",
        }
    }

    fn forbids_principal(self) -> bool {
        matches!(
            self,
            PolicyKind::Identity
                | PolicyKind::PermissionsBoundary
                | PolicyKind::Session
                | PolicyKind::ServiceControl
        )
    }

    fn is_iam_policy(self) -> bool {
        matches!(
            self,
            PolicyKind::Identity | PolicyKind::PermissionsBoundary | PolicyKind::Trust
        )
    }
}

/// The size IAM counts: every character except whitespace.
pub fn policy_size(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Validates policy text as IAM would for `kind`, with the kind's default size quota, and
/// returns the parsed document.
pub fn validate(text: &str, kind: PolicyKind) -> Result<PolicyDocument, ValidationError> {
    validate_with_quota(text, kind, kind.default_size_quota())
}

/// Validates with an explicit size quota (raised trust-policy quotas, inline-policy
/// aggregates, service-specific resource-policy limits).
pub fn validate_with_quota(
    text: &str,
    kind: PolicyKind,
    quota: usize,
) -> Result<PolicyDocument, ValidationError> {
    if let Some(c) = text
        .chars()
        .find(|c| !matches!(*c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FF}'))
    {
        return Err(MalformedPolicy::UnsupportedCharacter(u32::from(c)).into());
    }
    let size = policy_size(text);
    if size > quota {
        return Err(ValidationError::SizeExceeded {
            kind,
            size,
            quota,
            quota_name: kind.quota_name(),
        });
    }
    let json = Json::parse(text).map_err(|_| MalformedPolicy::Syntax)?;
    let document = PolicyDocument::from_json(&json).map_err(|_| MalformedPolicy::Syntax)?;
    check_syntax(&document, kind)?;
    if matches!(kind, PolicyKind::Identity | PolicyKind::PermissionsBoundary)
        && document.version != Some(PolicyVersion::V2012)
    {
        return Err(MalformedPolicy::Version.into());
    }
    check_legacy_effects(&json)?;
    check_legacy_dates(&document)?;
    let resource_error = check_resource_formats(&document)?;
    check_unique_sids(&document)?;
    if document
        .statements
        .iter()
        .any(|s| lists_nothing(s.action.as_ref().map(ActionElement::patterns)))
    {
        return Err(MalformedPolicy::MissingActions.into());
    }
    if kind != PolicyKind::Trust
        && document
            .statements
            .iter()
            .any(|s| lists_nothing(s.resource.as_ref().map(ResourceElement::patterns)))
    {
        return Err(MalformedPolicy::MissingResources.into());
    }
    if let Some(error) = resource_error {
        return Err(error.into());
    }
    for statement in &document.statements {
        for action in statement.action.iter().flat_map(ActionElement::patterns) {
            check_action_vendor(action)?;
        }
    }
    if kind.is_iam_policy() {
        let valid = |sid: &str| sid.bytes().all(|b| b.is_ascii_alphanumeric());
        if document
            .statements
            .iter()
            .any(|s| s.sid.as_deref().is_some_and(|sid| !valid(sid)))
        {
            return Err(MalformedPolicy::InvalidSid.into());
        }
    }
    if document.version == Some(PolicyVersion::V2012) {
        check_variables(&document)?;
    }
    Ok(document)
}

/// An element that is absent or an empty list, which IAM treats alike.
fn lists_nothing(patterns: Option<&[String]>) -> bool {
    match patterns {
        Some(patterns) => patterns.is_empty(),
        None => true,
    }
}

fn check_syntax(document: &PolicyDocument, kind: PolicyKind) -> Result<(), MalformedPolicy> {
    if document.statements.is_empty() {
        return Err(MalformedPolicy::Syntax);
    }
    for statement in &document.statements {
        if statement
            .condition
            .iter()
            .any(|block| Operator::parse(&block.operator).is_none() && !block.entries.is_empty())
        {
            return Err(MalformedPolicy::Syntax);
        }
        match (kind.forbids_principal(), &statement.principal) {
            (true, Some(_)) => return Err(MalformedPolicy::PrincipalNotAllowed),
            (false, None) => return Err(MalformedPolicy::MissingPrincipal),
            _ => {}
        }
        if kind == PolicyKind::Trust && statement.resource.is_some() {
            return Err(MalformedPolicy::ResourceNotAllowed);
        }
    }
    Ok(())
}

/// IAM's legacy parser wants `Effect` in exactly this case, though the syntax check does not.
fn check_legacy_effects(json: &Json) -> Result<(), MalformedPolicy> {
    let Json::Object(top) = json else {
        return Ok(());
    };
    let statements: Vec<&Json> = top
        .iter()
        .filter(|(k, _)| k == "Statement")
        .flat_map(|(_, v)| match v {
            Json::Array(items) => items.iter().collect(),
            other => vec![other],
        })
        .collect();
    for statement in statements {
        if let Json::Object(entries) = statement {
            for (key, value) in entries {
                if key == "Effect"
                    && !matches!(value, Json::String(e) if e == "Allow" || e == "Deny")
                {
                    return Err(MalformedPolicy::LegacyParsing);
                }
            }
        }
    }
    Ok(())
}

fn check_legacy_dates(document: &PolicyDocument) -> Result<(), MalformedPolicy> {
    for block in document.statements.iter().flat_map(|s| &s.condition) {
        if Operator::parse(&block.operator).is_some_and(|o| o.family.is_date()) {
            let values = block.entries.iter().flat_map(|e| &e.values);
            if values.into_iter().any(|v| Instant::parse(v).is_none()) {
                return Err(MalformedPolicy::LegacyParsing);
            }
        }
    }
    Ok(())
}

const PARTITIONS: [&str; 8] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

const IAM_RESOURCE_TYPES: [&str; 13] = [
    "user/",
    "federated-user/",
    "role/",
    "group/",
    "instance-profile/",
    "mfa/",
    "server-certificate/",
    "policy/",
    "sms-mfa/",
    "saml-provider/",
    "oidc-provider/",
    "report/",
    "access-report/",
];

/// Checks every resource's format. The first format error is reported only after the
/// action/resource presence checks, as IAM does; a statement whose resources are well formed
/// but fail the legacy parser fails immediately.
fn check_resource_formats(
    document: &PolicyDocument,
) -> Result<Option<MalformedPolicy>, MalformedPolicy> {
    let mut first_error = None;
    for statement in &document.statements {
        let Some(resources) = &statement.resource else {
            continue;
        };
        for resource in resources.patterns() {
            if first_error.is_none() {
                first_error = resource_format_error(resource);
            }
        }
        if first_error.is_none() && resources.patterns().iter().any(|r| !legacy_resource_ok(r)) {
            return Err(MalformedPolicy::LegacyParsing);
        }
    }
    Ok(first_error)
}

fn legacy_resource_ok(resource: &str) -> bool {
    if resource == "*" {
        return true;
    }
    let colons = resource.matches(':').count();
    (colons >= 5 || !resource.contains("::"))
        && resource.split(':').nth(2).is_some_and(|s| !s.is_empty())
}

fn resource_format_error(resource: &str) -> Option<MalformedPolicy> {
    if resource == "*" {
        return None;
    }
    let Some((prefix, rest)) = resource.split_once(':') else {
        return Some(MalformedPolicy::ResourceNotArn(resource.to_owned()));
    };
    if prefix != "arn" {
        return Some(MalformedPolicy::ResourceNotArn(resource.to_owned()));
    }
    let (partition, rest) = rest.split_once(':').unwrap_or((rest, ""));
    if !PARTITIONS.contains(&partition) && !partition.contains(['*', '?']) {
        let parts: Vec<&str> = rest.split(':').collect();
        let part = |i: usize| -> String {
            match parts.get(i) {
                Some(p) if !(i == 0 && p.is_empty() && parts.len() == 1) => (*p).to_owned(),
                _ => "*".to_owned(),
            }
        };
        let tail = if parts.len() > 3 {
            parts.get(3..).map(|p| p.join(":")).unwrap_or_default()
        } else {
            "*".to_owned()
        };
        return Some(MalformedPolicy::InvalidPartition {
            partition: partition.to_owned(),
            resource: format!("arn:{partition}:{}:{}:{}:{tail}", part(0), part(1), part(2)),
        });
    }
    let Some((service, rest)) = rest.split_once(':') else {
        return Some(MalformedPolicy::ResourceVendor);
    };
    if service.is_empty() || service.contains(['*', '?']) {
        return Some(MalformedPolicy::ResourceVendor);
    }
    if !rest.starts_with(':') {
        match service {
            "iam" => return Some(MalformedPolicy::IamResourceRegion(resource.to_owned())),
            "s3" => return Some(MalformedPolicy::S3ResourceRegion(resource.to_owned())),
            _ => {}
        }
    }
    if service == "iam" {
        let resource_part = rest.splitn(3, ':').nth(2).unwrap_or_default();
        if resource_part != "*"
            && !IAM_RESOURCE_TYPES
                .iter()
                .any(|t| resource_part.starts_with(t))
        {
            return Some(MalformedPolicy::IamResourcePath);
        }
    }
    None
}

fn check_unique_sids(document: &PolicyDocument) -> Result<(), MalformedPolicy> {
    let sids: Vec<&str> = document
        .statements
        .iter()
        .filter_map(|s| s.sid.as_deref())
        .filter(|s| !s.is_empty())
        .collect();
    for (i, sid) in sids.iter().enumerate() {
        if sids.iter().skip(i + 1).any(|other| other == sid) {
            return Err(MalformedPolicy::DuplicateSid);
        }
    }
    Ok(())
}

fn check_action_vendor(action: &str) -> Result<(), MalformedPolicy> {
    let parts: Vec<&str> = action.split(':').collect();
    match parts.as_slice() {
        [only] if *only != "*" => Err(MalformedPolicy::MissingVendor),
        [_, _, _, ..] => Err(MalformedPolicy::TooManyColons),
        [vendor, ..]
            if *vendor != "*"
                && !vendor
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') =>
        {
            Err(MalformedPolicy::InvalidVendor((*vendor).to_owned()))
        }
        _ => Ok(()),
    }
}

fn has_variable(text: &str) -> bool {
    Template::parse(text, true).has_variables()
}

fn check_variables(document: &PolicyDocument) -> Result<(), MalformedPolicy> {
    for statement in &document.statements {
        if statement_has_variable_outside_resource_and_condition(statement) {
            return Err(MalformedPolicy::VariableInElement);
        }
        for block in &statement.condition {
            let accepts = match Operator::parse(&block.operator) {
                Some(operator) => operator.family.accepts_variables(),
                None => true,
            };
            if !accepts
                && block
                    .entries
                    .iter()
                    .flat_map(|e| &e.values)
                    .any(|v| has_variable(v))
            {
                return Err(MalformedPolicy::VariableForOperator);
            }
        }
    }
    Ok(())
}

fn statement_has_variable_outside_resource_and_condition(statement: &Statement) -> bool {
    let in_actions = statement
        .action
        .iter()
        .flat_map(ActionElement::patterns)
        .any(|a| has_variable(a));
    let in_principals = match &statement.principal {
        Some(PrincipalElement::Principal(Principals::Listed(listed)))
        | Some(PrincipalElement::NotPrincipal(Principals::Listed(listed))) => listed
            .iter()
            .flat_map(|(_, values)| values)
            .any(|v| has_variable(v)),
        _ => false,
    };
    in_actions || in_principals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str, kind: PolicyKind) -> String {
        match validate(text, kind) {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn messages_in_order() {
        let id = PolicyKind::Identity;
        assert_eq!(error("{", id), "Syntax errors in policy.");
        assert_eq!(
            error(
                r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
                id
            ),
            "Policy document must be version 2012-10-17 or greater."
        );
        assert_eq!(
            error(
                r#"{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:*","Resource":"*"}}"#,
                id
            ),
            "The policy failed legacy parsing"
        );
        assert_eq!(
            error(
                r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3","Resource":"*"}}"#,
                id
            ),
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        );
        assert_eq!(
            error(
                r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:x","Resource":"bucket"}}"#,
                id
            ),
            "Resource bucket must be in ARN format or \"*\"."
        );
        assert_eq!(
            error(
                r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:x","Resource":"*"}}"#,
                id
            ),
            "ok"
        );
    }
}
