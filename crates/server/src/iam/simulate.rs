//! IAM's policy simulator: `SimulatePrincipalPolicy`, `SimulateCustomPolicy`,
//! `GetContextKeysForPrincipalPolicy` and `GetContextKeysForCustomPolicy`, answered by the
//! same policy engine that authorizes every real request.
//!
//! A simulation sees only what the caller gives it: the condition keys derived from the
//! simulated principal (`aws:username`, `aws:userid`, `aws:PrincipalArn`, `aws:PrincipalTag/*`,
//! …) and the `ContextEntries`. Unlike a real request it does not add `aws:SourceIp`,
//! `aws:RequestedRegion`, `aws:CurrentTime` or the like, so a policy that tests them reports
//! them in `MissingContextValues`, as AWS's simulator does.

use std::net::IpAddr;

use keyward_policy::{
    evaluate, AccountId, Arn, AuthorizationInputs, CompiledPolicy, ContextValue, Decision, Effect,
    MatchedStatement, PolicyDocument, PolicyId, PolicyKind, PolicySet, Principal, PrincipalKind,
    Request,
};
use keyward_store::{EntityKind, EntityRef, PageRequest, StoreError, Tag};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{
    check_policy_document, entity_tags, groups, load_user, page_in_memory, paging, paging_fields,
    principal_policies, roles, Paging, SourcedPolicy,
};
use crate::arn;
use crate::authz::Resource;
use crate::error::ApiError;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// The values `ContextKeyType` may take (botocore `ContextKeyTypeEnum`).
const CONTEXT_KEY_TYPES: [&str; 12] = [
    "string",
    "stringList",
    "numeric",
    "numericList",
    "boolean",
    "booleanList",
    "ip",
    "ipList",
    "binary",
    "binaryList",
    "date",
    "dateList",
];

/// A decoded simulator operation.
#[derive(Debug)]
pub enum SimulateRequest {
    /// `SimulatePrincipalPolicy`.
    Principal {
        /// The user, group or role whose policies are simulated.
        source_arn: String,
        /// Everything else the caller gave.
        input: Simulation,
    },
    /// `SimulateCustomPolicy`.
    Custom {
        /// Everything the caller gave.
        input: Simulation,
    },
    /// `GetContextKeysForPrincipalPolicy`.
    ContextKeysPrincipal {
        /// The user, group or role whose policies are read.
        source_arn: String,
        /// Extra policies to read.
        policies: Vec<String>,
    },
    /// `GetContextKeysForCustomPolicy`.
    ContextKeysCustom {
        /// The policies to read.
        policies: Vec<String>,
    },
}

/// The input shared by both simulation operations.
#[derive(Debug)]
pub struct Simulation {
    /// `PolicyInputList`: identity policies added to (or, for a custom simulation, making up)
    /// the principal's.
    policies: Vec<String>,
    /// `PermissionsBoundaryPolicyInputList`: replaces the principal's boundary.
    boundaries: Vec<String>,
    /// `ActionNames`.
    actions: Vec<String>,
    /// `ResourceArns`; `*` when none are given.
    resources: Vec<String>,
    /// `ResourcePolicy`.
    resource_policy: Option<String>,
    /// `ResourceOwner`'s account.
    resource_owner: Option<AccountId>,
    /// `CallerArn`, checked to be an IAM user ARN.
    caller_arn: Option<String>,
    /// `ContextEntries`, checked against their types.
    context: Vec<(String, ContextValue)>,
    /// `MaxItems` and `Marker` over the evaluation results.
    paging: Paging,
}

/// The principal kinds `PolicySourceArn` may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceKind {
    User,
    Group,
    Role,
}

/// A parsed `PolicySourceArn`: `arn:aws:iam::ACCOUNT:{user|group|role}/path/name`.
struct SourceArn {
    kind: SourceKind,
    account: String,
    path: String,
    name: String,
}

/// Parses `PolicySourceArn`, answering AWS's `InvalidInput` for anything that is not the ARN
/// of an IAM user, group or role.
fn parse_source_arn(arn: &str) -> Result<SourceArn, ApiError> {
    let invalid = || parse_source_arn_error(arn);
    let parsed = Arn::parse(arn).map_err(|_| invalid())?;
    if parsed.service() != "iam" || !parsed.region().is_empty() {
        return Err(invalid());
    }
    let (kind, rest) = match parsed.resource().split_once('/') {
        Some(("user", rest)) => (SourceKind::User, rest),
        Some(("group", rest)) => (SourceKind::Group, rest),
        Some(("role", rest)) => (SourceKind::Role, rest),
        _ => return Err(invalid()),
    };
    let (path, name) = match rest.rsplit_once('/') {
        Some((path, name)) => (format!("/{path}/"), name),
        None => ("/".to_owned(), rest),
    };
    if name.is_empty() {
        return Err(invalid());
    }
    Ok(SourceArn {
        kind,
        account: parsed.account().to_owned(),
        path,
        name: name.to_owned(),
    })
}

/// A required `PolicySourceArn` (botocore `arnType`, 20 to 2048 characters).
fn source_arn_param(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    let arn = req.required("PolicySourceArn", "policySourceArn")?;
    v.length_only(arn, "policySourceArn", 20, 2048);
    Ok(arn.to_owned())
}

/// A list of policy documents, each 1 to 131072 characters.
fn policy_list(v: &mut Violations, req: &QueryRequest, name: &str, field: &str) -> Vec<String> {
    let list: Vec<String> = req.list(name).into_iter().map(str::to_owned).collect();
    for (i, text) in list.iter().enumerate() {
        v.length_only(text, &format!("{field}.{}.member", i + 1), 1, 131_072);
    }
    list
}

/// Whether `value` is an IPv4 or IPv6 address, optionally with a CIDR prefix length.
fn is_ip(value: &str) -> bool {
    let (address, prefix) = match value.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (value, None),
    };
    let Ok(address) = address.parse::<IpAddr>() else {
        return false;
    };
    let max = if address.is_ipv4() { 32 } else { 128 };
    prefix.is_none_or(|p| p.parse::<u8>().is_ok_and(|p| p <= max))
}

/// Whether `value` is base64 text.
fn is_base64(value: &str) -> bool {
    let body = value.trim_end_matches('=');
    value.len().is_multiple_of(4)
        && value.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// Whether `value` reads as a value of the scalar context key type `base` (`string`,
/// `numeric`, …).
fn value_fits(base: &str, value: &str) -> bool {
    match base {
        "numeric" => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        "boolean" => value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false"),
        "ip" => is_ip(value),
        "binary" => is_base64(value),
        "date" => OffsetDateTime::parse(value, &Rfc3339).is_ok() || value.parse::<i64>().is_ok(),
        _ => true,
    }
}

/// `ContextEntries`: each key named, each type one of botocore's, each value of that type.
fn context_entries(
    v: &mut Violations,
    req: &QueryRequest,
) -> Result<Vec<(String, ContextValue)>, ApiError> {
    let members = req.structs("ContextEntries");
    let mut out = Vec::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        let at = i + 1;
        let name = member.get("ContextKeyName").ok_or_else(|| {
            ApiError::InvalidInput(format!("ContextKeyName is required in context entry {at}."))
        })?;
        v.length_only(
            name,
            &format!("contextEntries.{at}.member.contextKeyName"),
            5,
            256,
        );
        let kind = member.get("ContextKeyType").ok_or_else(|| {
            ApiError::InvalidInput(format!(
                "ContextKeyType is required for context key {name}."
            ))
        })?;
        v.one_of(
            kind,
            &format!("contextEntries.{at}.member.contextKeyType"),
            &CONTEXT_KEY_TYPES,
        );
        let values: Vec<String> = req
            .list(&format!("ContextEntries.member.{at}.ContextKeyValues"))
            .into_iter()
            .map(str::to_owned)
            .collect();
        let (base, is_list) = match kind.strip_suffix("List") {
            Some(base) => (base, true),
            None => (kind, false),
        };
        if !is_list && values.len() != 1 {
            return Err(ApiError::InvalidInput(format!(
                "Context key {name} of type {kind} must have exactly one value."
            )));
        }
        if let Some(bad) = values.iter().find(|value| !value_fits(base, value)) {
            return Err(ApiError::InvalidInput(format!(
                "Invalid value {bad} for context key {name} of type {kind}."
            )));
        }
        let value = if is_list {
            ContextValue::Multiple(values)
        } else {
            ContextValue::Single(values.into_iter().next().unwrap_or_default())
        };
        out.push((name.to_owned(), value));
    }
    Ok(out)
}

/// The input both simulation operations share; `policies_required` for the custom form.
fn simulation(
    v: &mut Violations,
    req: &QueryRequest,
    policies_required: bool,
) -> Result<Simulation, ApiError> {
    let policies = policy_list(v, req, "PolicyInputList", "policyInputList");
    if policies_required && policies.is_empty() {
        return Err(ApiError::validation_null("policyInputList"));
    }
    let actions: Vec<String> = req
        .list("ActionNames")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if actions.is_empty() {
        return Err(ApiError::validation_null("actionNames"));
    }
    for (i, action) in actions.iter().enumerate() {
        v.length_only(action, &format!("actionNames.{}.member", i + 1), 3, 128);
    }
    let mut resources: Vec<String> = req
        .list("ResourceArns")
        .into_iter()
        .map(str::to_owned)
        .collect();
    for (i, resource) in resources.iter().enumerate() {
        v.length_only(resource, &format!("resourceArns.{}.member", i + 1), 1, 2048);
    }
    if let Some(bad) = resources
        .iter()
        .find(|r| r.as_str() != "*" && Arn::parse(r).is_err())
    {
        return Err(ApiError::InvalidInput(format!(
            "ResourceNames are not in a valid ARN format: {bad}."
        )));
    }
    if resources.is_empty() {
        resources.push("*".to_owned());
    }
    let resource_policy = req.get("ResourcePolicy").map(|text| {
        v.length_only(text, "resourcePolicy", 1, 131_072);
        text.to_owned()
    });
    let resource_owner = match req.get("ResourceOwner") {
        Some(owner) => {
            v.length_only(owner, "resourceOwner", 1, 2048);
            // An account ID, or an ARN naming one (`arn:aws:iam::ACCOUNT:root`).
            let account = AccountId::parse(owner)
                .ok()
                .or_else(|| {
                    Arn::parse(owner)
                        .ok()
                        .and_then(|arn| AccountId::parse(arn.account()).ok())
                })
                .ok_or_else(|| {
                    ApiError::InvalidInput(format!("'{owner}' is not a valid as a Resource Owner."))
                })?;
            Some(account)
        }
        None => None,
    };
    let caller_arn = match req.get("CallerArn") {
        Some(arn) => {
            v.length_only(arn, "callerArn", 1, 2048);
            Principal::user(arn).map_err(|_| {
                ApiError::InvalidInput(format!("CallerArn must be the ARN of an IAM user: {arn}"))
            })?;
            Some(arn.to_owned())
        }
        None => None,
    };
    // Accepted for compatibility: it only selects among EC2 scenarios, which need no
    // resource grouping here since every resource is simulated on its own.
    if let Some(option) = req.get("ResourceHandlingOption") {
        v.length_only(option, "resourceHandlingOption", 1, 64);
    }
    Ok(Simulation {
        policies,
        boundaries: policy_list(
            v,
            req,
            "PermissionsBoundaryPolicyInputList",
            "permissionsBoundaryPolicyInputList",
        ),
        actions,
        resources,
        resource_policy,
        resource_owner,
        caller_arn,
        context: context_entries(v, req)?,
        paging: paging(v, req),
    })
}

impl SimulateRequest {
    /// Decodes a simulator action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "SimulatePrincipalPolicy" => SimulateRequest::Principal {
                source_arn: source_arn_param(v, req)?,
                input: simulation(v, req, false)?,
            },
            "SimulateCustomPolicy" => SimulateRequest::Custom {
                input: simulation(v, req, true)?,
            },
            "GetContextKeysForPrincipalPolicy" => SimulateRequest::ContextKeysPrincipal {
                source_arn: source_arn_param(v, req)?,
                policies: policy_list(v, req, "PolicyInputList", "policyInputList"),
            },
            "GetContextKeysForCustomPolicy" => {
                let policies = policy_list(v, req, "PolicyInputList", "policyInputList");
                if policies.is_empty() {
                    return Err(ApiError::validation_null("policyInputList"));
                }
                SimulateRequest::ContextKeysCustom { policies }
            }
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            SimulateRequest::Principal { .. } => "SimulatePrincipalPolicy",
            SimulateRequest::Custom { .. } => "SimulateCustomPolicy",
            SimulateRequest::ContextKeysPrincipal { .. } => "GetContextKeysForPrincipalPolicy",
            SimulateRequest::ContextKeysCustom { .. } => "GetContextKeysForCustomPolicy",
        }
    }

    /// The resource authorized: the `PolicySourceArn`, or `*` for custom policies.
    pub(super) fn resource(&self) -> Resource {
        match self {
            SimulateRequest::Principal { source_arn, .. }
            | SimulateRequest::ContextKeysPrincipal { source_arn, .. } => {
                Resource::arn(source_arn.clone())
            }
            SimulateRequest::Custom { .. } | SimulateRequest::ContextKeysCustom { .. } => {
                Resource::arn("*".to_owned())
            }
        }
    }

    /// Runs the operation; the element is its `…Result` body.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            SimulateRequest::Principal { source_arn, input } => {
                let source = load_source(state, &source_arn).await?;
                simulate(state, Some(source), input, "SimulatePrincipalPolicyResult")
            }
            SimulateRequest::Custom { input } => {
                simulate(state, None, input, "SimulateCustomPolicyResult")
            }
            SimulateRequest::ContextKeysPrincipal {
                source_arn,
                policies,
            } => {
                let source = load_source(state, &source_arn).await?;
                let mut texts: Vec<String> = source.identity.into_iter().map(|p| p.text).collect();
                texts.extend(source.boundary.map(|p| p.text));
                for text in &policies {
                    check_policy_document(text, PolicyKind::Identity, None)?;
                }
                texts.extend(policies);
                Ok(Some(context_keys_result(
                    "GetContextKeysForPrincipalPolicyResult",
                    &texts,
                )))
            }
            SimulateRequest::ContextKeysCustom { policies } => {
                for text in &policies {
                    check_policy_document(text, PolicyKind::Identity, None)?;
                }
                Ok(Some(context_keys_result(
                    "GetContextKeysForCustomPolicyResult",
                    &policies,
                )))
            }
        }
    }
}

/// The result named `wrapper` listing in `ContextKeyNames` every condition key the documents
/// test, each once, in order.
fn context_keys_result(wrapper: &'static str, texts: &[String]) -> Element {
    let documents: Vec<PolicyDocument> = texts
        .iter()
        .filter_map(|text| PolicyDocument::parse(text).ok())
        .collect();
    let mut keys: Vec<&str> = Vec::new();
    for key in documents.iter().flat_map(PolicyDocument::condition_keys) {
        if !keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            keys.push(key);
        }
    }
    Element::parent(
        wrapper,
        vec![Element::list(
            "ContextKeyNames",
            keys.into_iter()
                .map(|k| Element::text("member", k))
                .collect(),
        )],
    )
}

/// A simulated principal as stored: who it is and the policies that govern it.
struct Source {
    /// The principal the engine sees.
    principal: Principal,
    /// Condition keys derived from the stored entity (`aws:userid`, `aws:PrincipalTag/*`).
    keys: Vec<(String, ContextValue)>,
    /// Whether the principal stands for something that is not a caller (a group), whose
    /// identity keys (`aws:username`, `aws:PrincipalArn`, `aws:PrincipalType`) are unknown.
    unnamed: bool,
    /// Its identity policies (a user's include its groups').
    identity: Vec<SourcedPolicy>,
    /// Its permissions boundary.
    boundary: Option<SourcedPolicy>,
}

/// Looks up the user, group or role `PolicySourceArn` names; `NoSuchEntity` if there is none
/// at exactly that ARN.
async fn load_source(state: &AppState, arn: &str) -> Result<Source, ApiError> {
    let parsed = parse_source_arn(arn)?;
    let account = AccountId::parse(&state.account.0).map_err(|e| {
        tracing::error!(error = %e, "served account id does not parse");
        ApiError::ServiceFailure
    })?;
    let (entity, mut source) = match parsed.kind {
        SourceKind::User => {
            let user = load_user(state, &parsed.name).await?;
            let stored_arn = arn::user(&state.account, &user.path, &user.name);
            if stored_arn != arn || parsed.account != state.account.0 {
                return Err(super::no_such_user(&parsed.name));
            }
            let tags = user_tags(state, &user.name).await?;
            let mut keys = vec![(
                "aws:userid".to_owned(),
                ContextValue::single(&user.user_id.0),
            )];
            keys.extend(principal_tag_keys(&tags));
            let principal = Principal::user(arn).map_err(|_| parse_source_arn_error(arn))?;
            (
                EntityRef::new(EntityKind::User, user.user_id.0.clone()),
                Source {
                    principal,
                    keys,
                    unnamed: false,
                    identity: Vec::new(),
                    boundary: None,
                },
            )
        }
        SourceKind::Group => {
            let group = groups::load_group(state, &parsed.name).await?;
            if group.path != parsed.path || parsed.account != state.account.0 {
                return Err(groups::no_such_group(&parsed.name));
            }
            let principal = Principal::User {
                arn: arn.to_owned(),
                account,
            };
            (
                group.reference(),
                Source {
                    principal,
                    keys: Vec::new(),
                    unnamed: true,
                    identity: Vec::new(),
                    boundary: None,
                },
            )
        }
        SourceKind::Role => {
            let role = roles::load_role(state, &parsed.name).await?;
            if role.path != parsed.path || parsed.account != state.account.0 {
                return Err(roles::no_such_role(&parsed.name));
            }
            let session = format!(
                "arn:aws:sts::{}:assumed-role/{}/simulation",
                state.account.0, role.name
            );
            let principal =
                Principal::assumed_role(&session, arn).map_err(|_| parse_source_arn_error(arn))?;
            let tags = entity_tags(state, EntityKind::Role, &role.name).await?;
            (
                role.reference(),
                Source {
                    principal,
                    keys: principal_tag_keys(&tags),
                    unnamed: false,
                    identity: Vec::new(),
                    boundary: None,
                },
            )
        }
    };
    let (identity, boundary) = principal_policies(state, &entity).await?;
    source.identity = identity;
    source.boundary = boundary;
    Ok(source)
}

/// `InvalidInput` for a `PolicySourceArn` the engine cannot take as a principal.
fn parse_source_arn_error(arn: &str) -> ApiError {
    ApiError::InvalidInput(format!("Invalid Entity Arn: {arn}"))
}

/// A user's tags (at most 50, so one page).
async fn user_tags(state: &AppState, name: &str) -> Result<Vec<Tag>, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: 50,
    };
    match state.store.list_user_tags(name, page).await {
        Ok(page) => Ok(page.items),
        Err(StoreError::NotFound) => Ok(Vec::new()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// `aws:PrincipalTag/KEY` for each tag.
fn principal_tag_keys(tags: &[Tag]) -> Vec<(String, ContextValue)> {
    tags.iter()
        .map(|t| {
            (
                format!("aws:PrincipalTag/{}", t.key),
                ContextValue::single(&t.value),
            )
        })
        .collect()
}

/// A line and column as IAM reports statement positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
}

/// A policy as the simulator names it in `MatchedStatements`, with where its statements are.
struct PolicyEntry {
    /// `SourcePolicyId`.
    id: String,
    /// `SourcePolicyType`.
    source: &'static str,
    /// Each statement's start and end, by statement index.
    spans: Vec<(Position, Position)>,
}

/// The policy sets of one simulation, compiled under their index in `entries`, so that a
/// matched statement leads back to its policy's name, type and text positions.
#[derive(Default)]
struct Compiled {
    entries: Vec<PolicyEntry>,
}

impl Compiled {
    /// Compiles `text` into `set`; a stored text that no longer parses is skipped and logged,
    /// as authorization does.
    fn add(&mut self, set: &mut PolicySet, id: String, source: &'static str, text: &str) {
        let key = PolicyId::new(self.entries.len().to_string());
        match CompiledPolicy::parse(key, text) {
            Ok(policy) => {
                set.push(policy);
                self.entries.push(PolicyEntry {
                    id,
                    source,
                    spans: statement_spans(text).unwrap_or_default(),
                });
            }
            Err(e) => tracing::error!(policy = %id, error = %e, "policy does not parse"),
        }
    }

    /// The `<member>` of `MatchedStatements` for one matched statement.
    fn statement_element(&self, matched: &MatchedStatement<'_>) -> Option<Element> {
        let entry = matched
            .policy_id
            .as_str()
            .parse::<usize>()
            .ok()
            .and_then(|i| self.entries.get(i))?;
        let mut fields = vec![
            Element::text("SourcePolicyId", &entry.id),
            Element::text("SourcePolicyType", entry.source),
        ];
        if let Some((start, end)) = entry.spans.get(matched.index) {
            fields.push(position_element("StartPosition", *start));
            fields.push(position_element("EndPosition", *end));
        }
        Some(Element::parent("member", fields))
    }
}

fn position_element(name: &'static str, p: Position) -> Element {
    Element::parent(
        name,
        vec![
            Element::text("Line", p.line.to_string()),
            Element::text("Column", p.column.to_string()),
        ],
    )
}

/// Runs a simulation for `source` (or, for `SimulateCustomPolicy`, for no stored principal),
/// answering in the result element named `wrapper`.
fn simulate(
    state: &AppState,
    source: Option<Source>,
    input: Simulation,
    wrapper: &'static str,
) -> Result<Option<Element>, ApiError> {
    for text in &input.policies {
        check_policy_document(text, PolicyKind::Identity, None)?;
    }
    for text in &input.boundaries {
        check_policy_document(text, PolicyKind::PermissionsBoundary, None)?;
    }
    if let Some(text) = &input.resource_policy {
        check_policy_document(text, PolicyKind::Resource, None)?;
    }
    let source_is_user =
        matches!(&source, Some(s) if s.principal.kind() == PrincipalKind::User && !s.unnamed);
    if input.resource_policy.is_some() && input.caller_arn.is_none() && !source_is_user {
        return Err(ApiError::InvalidInput(
            "CallerArn must be specified when a ResourcePolicy is given and PolicySourceArn is \
             not an IAM user."
                .to_owned(),
        ));
    }

    let mut compiled = Compiled::default();
    let mut identity = PolicySet::new();
    let mut boundary = PolicySet::new();
    let mut resource_policy = PolicySet::new();
    let (principal, mut keys, unnamed) = match source {
        Some(source) => {
            for p in source.identity {
                compiled.add(&mut identity, p.name, p.source, &p.text);
            }
            if input.boundaries.is_empty() {
                if let Some(p) = source.boundary {
                    compiled.add(&mut boundary, p.name, p.source, &p.text);
                }
            }
            (source.principal, source.keys, source.unnamed)
        }
        None => {
            let account = AccountId::parse(&state.account.0).map_err(|e| {
                tracing::error!(error = %e, "served account id does not parse");
                ApiError::ServiceFailure
            })?;
            let placeholder = Principal::User {
                arn: format!("arn:aws:iam::{}:user/", state.account.0),
                account,
            };
            (placeholder, Vec::new(), true)
        }
    };
    for (i, text) in input.policies.iter().enumerate() {
        let id = format!("PolicyInputList.{}", i + 1);
        compiled.add(&mut identity, id, "none", text);
    }
    for (i, text) in input.boundaries.iter().enumerate() {
        let id = format!("PermissionsBoundaryPolicyInputList.{}", i + 1);
        compiled.add(&mut boundary, id, "none", text);
    }
    if let Some(text) = &input.resource_policy {
        compiled.add(
            &mut resource_policy,
            "ResourcePolicy".to_owned(),
            "resource",
            text,
        );
    }

    // The caller: CallerArn when given (its keys are derived from the ARN alone), else the
    // simulated principal.
    let (principal, unnamed) = match &input.caller_arn {
        Some(arn) if Some(arn.as_str()) != principal.principal_arn().as_deref() || unnamed => {
            keys.clear();
            let caller = Principal::user(arn).map_err(|_| {
                ApiError::InvalidInput(format!("CallerArn must be the ARN of an IAM user: {arn}"))
            })?;
            (caller, false)
        }
        _ => (principal, unnamed),
    };
    keys.extend(input.context.iter().cloned());

    let inputs_boundary = (!boundary.is_empty()).then_some(&boundary);
    let mut results = Vec::new();
    for action in &input.actions {
        for resource in &input.resources {
            let mut request = Request::new(principal.clone(), action, resource);
            let context = request.context_mut();
            if unnamed {
                for key in ["aws:username", "aws:PrincipalArn", "aws:PrincipalType"] {
                    context.remove(key);
                }
            }
            for (key, value) in &keys {
                context.insert(key, value.clone());
            }
            let mut inputs = AuthorizationInputs::new(&request, &identity);
            inputs.permissions_boundary = inputs_boundary;
            inputs.resource_policy = input.resource_policy.as_ref().map(|_| &resource_policy);
            inputs.resource_account = input.resource_owner.as_ref();
            let evaluation = evaluate(&inputs);
            let outcome = Outcome::of(&compiled, &evaluation, inputs_boundary.is_some());
            results.push((
                format!("{:010}", results.len()),
                result_element(action, resource, outcome),
            ));
        }
    }
    let page = page_in_memory(results, &input.paging);
    let mut fields = vec![Element::list("EvaluationResults", page.items)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent(wrapper, fields)))
}

/// What one evaluation says, ready for the wire.
struct Outcome {
    decision: Decision,
    matched: Vec<Element>,
    missing: Vec<String>,
    /// `AllowedByPermissionsBoundary`, when a boundary was in force.
    boundary_allows: Option<bool>,
}

impl Outcome {
    fn of(
        compiled: &Compiled,
        evaluation: &keyward_policy::Evaluation<'_>,
        has_boundary: bool,
    ) -> Outcome {
        let decision = evaluation.decision();
        let statements = evaluation.matched_statements();
        // An explicit deny names only the denying statements; an allow names the allowing
        // statements of identity and resource policies (the boundary's verdict has its own
        // field); an implicit deny names none.
        let shown = |m: &&MatchedStatement<'_>| match decision {
            Decision::ExplicitDeny => m.effect == Effect::Deny,
            Decision::Allowed => {
                m.effect == Effect::Allow && m.policy_kind != PolicyKind::PermissionsBoundary
            }
            Decision::ImplicitDeny => false,
        };
        let matched = statements
            .iter()
            .filter(shown)
            .filter_map(|m| compiled.statement_element(m))
            .collect();
        let boundary_allows = has_boundary.then(|| {
            let in_boundary = |effect| {
                statements
                    .iter()
                    .any(|m| m.policy_kind == PolicyKind::PermissionsBoundary && m.effect == effect)
            };
            in_boundary(Effect::Allow) && !in_boundary(Effect::Deny)
        });
        Outcome {
            decision,
            matched,
            missing: evaluation
                .missing_context_keys()
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            boundary_allows,
        }
    }
}

fn missing_element(missing: &[String]) -> Element {
    Element::list(
        "MissingContextValues",
        missing
            .iter()
            .map(|k| Element::text("member", k.as_str()))
            .collect(),
    )
}

fn boundary_detail(allows: bool) -> Element {
    Element::parent(
        "PermissionsBoundaryDecisionDetail",
        vec![Element::boolean("AllowedByPermissionsBoundary", allows)],
    )
}

/// One `EvaluationResult`. For `*` the missing keys are at the top level and there are no
/// `EvalDecisionDetails`; for a resource ARN the result carries one `ResourceSpecificResults`
/// entry, which holds the missing keys, and empty `EvalDecisionDetails` (Keyward serves one
/// account, so there is never a cross-account breakdown), as the API reference describes.
fn result_element(action: &str, resource: &str, outcome: Outcome) -> Element {
    let decision = outcome.decision.to_string();
    let matched = Element::list("MatchedStatements", outcome.matched);
    let mut fields = vec![
        Element::text("EvalActionName", action),
        Element::text("EvalResourceName", resource),
        Element::text("EvalDecision", decision.as_str()),
    ];
    if resource == "*" {
        fields.push(matched);
        fields.push(missing_element(&outcome.missing));
        fields.extend(outcome.boundary_allows.map(boundary_detail));
    } else {
        let mut specific = vec![
            Element::text("EvalResourceName", resource),
            Element::text("EvalResourceDecision", decision.as_str()),
            matched.clone(),
            missing_element(&outcome.missing),
            Element::map("EvalDecisionDetails", Vec::new()),
        ];
        specific.extend(outcome.boundary_allows.map(boundary_detail));
        fields.push(matched);
        fields.push(missing_element(&[]));
        fields.extend(outcome.boundary_allows.map(boundary_detail));
        fields.push(Element::map("EvalDecisionDetails", Vec::new()));
        fields.push(Element::list(
            "ResourceSpecificResults",
            vec![Element::parent("member", specific)],
        ));
    }
    Element::parent("member", fields)
}

/// Reads JSON text character by character, tracking the line and column of the next
/// character (both from 1).
struct Scanner<'t> {
    chars: std::iter::Peekable<std::str::Chars<'t>>,
    line: usize,
    column: usize,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn expect(&mut self, want: char) -> Option<()> {
        self.skip_ws();
        (self.bump()? == want).then_some(())
    }

    /// A string, after skipping whitespace; returns its raw text (escapes left as written,
    /// which is enough to recognise element names).
    fn string(&mut self) -> Option<String> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(out),
                '\\' => {
                    out.push('\\');
                    out.push(self.bump()?);
                }
                c => out.push(c),
            }
        }
    }

    /// Skips one value of any type.
    fn value(&mut self) -> Option<()> {
        self.skip_ws();
        match *self.chars.peek()? {
            '{' => self.object(|s, _| s.value()),
            '[' => self.array(|s| s.value()),
            '"' => self.string().map(|_| ()),
            _ => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || "+-.".contains(*c))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    /// An object, calling `member` to read each member's value.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        self.expect('{')?;
        self.skip_ws();
        if self.chars.peek() == Some(&'}') {
            self.bump();
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(':')?;
            member(self, &key)?;
            self.skip_ws();
            match self.bump()? {
                ',' => continue,
                '}' => return Some(()),
                _ => return None,
            }
        }
    }

    /// An array, calling `element` to read each element.
    fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect('[')?;
        self.skip_ws();
        if self.chars.peek() == Some(&']') {
            self.bump();
            return Some(());
        }
        loop {
            element(self)?;
            self.skip_ws();
            match self.bump()? {
                ',' => continue,
                ']' => return Some(()),
                _ => return None,
            }
        }
    }

    /// One statement object: the positions just after its `{` and just after its `}`.
    fn statement(&mut self, spans: &mut Vec<(Position, Position)>) -> Option<()> {
        self.skip_ws();
        let mut start = None;
        if self.chars.peek() == Some(&'{') {
            // Note where the brace ends, then read the object from it.
            let mut probe = Scanner {
                chars: self.chars.clone(),
                line: self.line,
                column: self.column,
            };
            probe.bump();
            start = Some(probe.position());
        }
        self.value()?;
        if let Some(start) = start {
            spans.push((start, self.position()));
        }
        Some(())
    }
}

/// Where each statement of a policy text sits, by statement index, in the convention AWS's
/// simulator uses for `StartPosition`/`EndPosition`: lines from 1, and columns from 1 pointing
/// just past the statement's opening and closing braces (AWS's documented example reports a
/// statement whose `{` is the 37th character of line 1 as starting at column 38). Columns count
/// characters. `None` if the text is not JSON.
fn statement_spans(text: &str) -> Option<Vec<(Position, Position)>> {
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
    };
    let mut spans = Vec::new();
    scanner.object(|s, key| {
        if key != "Statement" {
            return s.value();
        }
        s.skip_ws();
        if s.chars.peek() == Some(&'[') {
            s.array(|s| s.statement(&mut spans))
        } else {
            s.statement(&mut spans)
        }
    })?;
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn statement_spans_match_aws_documented_example() {
        // From AWS's simulate-custom-policy example: Start 1:38, End 1:167.
        let text = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#;
        assert_eq!(statement_spans(text), Some(vec![(at(1, 38), at(1, 167))]));
    }

    #[test]
    fn statement_spans_of_a_pretty_printed_array() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Sid\": \"a}\\\"\", \"Effect\": \"Allow\"},\n    {\n      \"Effect\": \"Deny\"\n    }\n  ]\n}";
        assert_eq!(
            statement_spans(text),
            Some(vec![(at(4, 6), at(4, 39)), (at(5, 6), at(7, 6))])
        );
        assert_eq!(statement_spans("not json"), None);
    }

    #[test]
    fn source_arns() {
        let Ok(a) = parse_source_arn("arn:aws:iam::123456789012:role/service/app/Reader") else {
            unreachable!()
        };
        assert_eq!(
            (a.kind, a.path.as_str(), a.name.as_str()),
            (SourceKind::Role, "/service/app/", "Reader")
        );
        for bad in [
            "bob",
            "arn:aws:s3:::bucket",
            "arn:aws:iam::123456789012:policy/P",
            "arn:aws:iam::123456789012:user/",
        ] {
            assert!(parse_source_arn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn context_values_by_type() {
        assert!(value_fits("numeric", "12.5") && !value_fits("numeric", "twelve"));
        assert!(value_fits("boolean", "TRUE") && !value_fits("boolean", "yes"));
        assert!(value_fits("ip", "10.0.0.0/8") && value_fits("ip", "2001:db8::1"));
        assert!(!value_fits("ip", "10.0.0.0/33") && !value_fits("ip", "host"));
        assert!(value_fits("binary", "aGVsbG8=") && !value_fits("binary", "a*b"));
        assert!(value_fits("date", "2018-04-25T11:00:00Z") && value_fits("date", "1524654000"));
        assert!(!value_fits("date", "yesterday"));
    }
}
