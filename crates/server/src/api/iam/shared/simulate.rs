//! What IAM's policy simulator operations share (`SimulatePrincipalPolicy`,
//! `SimulateCustomPolicy`, `GetContextKeysForPrincipalPolicy` and
//! `GetContextKeysForCustomPolicy`): they are answered by the same policy engine that
//! authorizes every real request, through the simulator of `keyward_policy` that `keyward
//! policy simulate` uses too. This module only reads the stored principal and the request,
//! and writes IAM's response shapes.
//!
//! A simulation sees only what the caller gives it: the condition keys derived from the
//! simulated principal (`aws:username`, `aws:userid`, `aws:PrincipalArn`, `aws:PrincipalTag/*`,
//! …) and the `ContextEntries`. Unlike a real request it does not add `aws:SourceIp`,
//! `aws:RequestedRegion`, `aws:CurrentTime` or the like, so a policy that tests them reports
//! them in `MissingContextValues`, as AWS's simulator does.

use keyward_aws_model::generated::iam::input::ContextEntry;
use keyward_policy::{
    AccountId, ActionResult, Arn, ContextKeyType, ContextTypeError, ContextValue, PolicyDocument,
    PolicyKind, Principal, PrincipalKind, Request, ResourceResult, SimulatedStatement,
    Simulation as PolicySimulation,
};
use keyward_store::{EntityKind, EntityRef, PageRequest, StoreError, Tag};

use super::{check_policy_document, entity_tags, paging_fields};
use super::{groups, load_user, no_such_user, roles, Paging};
use crate::arn;
use crate::directory::{principal_policies, SourcedPolicy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// What both simulation operations are given, as AWS's model types it.
pub(crate) struct Requested {
    /// `PolicyInputList`.
    pub(crate) policies: Vec<String>,
    /// `PermissionsBoundaryPolicyInputList`.
    pub(crate) boundaries: Option<Vec<String>>,
    /// `ActionNames`.
    pub(crate) actions: Vec<String>,
    /// `ResourceArns`.
    pub(crate) resources: Option<Vec<String>>,
    /// `ResourcePolicy`.
    pub(crate) resource_policy: Option<String>,
    /// `ResourceOwner`.
    pub(crate) resource_owner: Option<String>,
    /// `CallerArn`.
    pub(crate) caller_arn: Option<String>,
    /// `ContextEntries`.
    pub(crate) context: Option<Vec<ContextEntry>>,
    /// `Marker`.
    pub(crate) marker: Option<String>,
    /// `MaxItems`.
    pub(crate) max_items: Option<i64>,
}

/// The input shared by both simulation operations, checked.
#[derive(Debug)]
pub(crate) struct SimulationInput {
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

impl SimulationInput {
    /// The checks AWS makes that its model cannot express: at least one action, resource
    /// ARNs that parse, a resource owner that names an account, a caller that is an IAM user,
    /// and context entries that are named, typed and of their type.
    pub(crate) fn new(requested: Requested) -> Result<Self, ApiError> {
        // `ActionNames=` (an empty list) is present to the model, but IAM wants one action.
        if requested.actions.is_empty() {
            return Err(ApiError::validation_null("actionNames"));
        }
        let mut resources = requested.resources.unwrap_or_default();
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
        let resource_owner = match &requested.resource_owner {
            // An account ID, or an ARN naming one (`arn:aws:iam::ACCOUNT:root`).
            Some(owner) => Some(
                AccountId::parse(owner)
                    .ok()
                    .or_else(|| {
                        Arn::parse(owner)
                            .ok()
                            .and_then(|arn| AccountId::parse(arn.account()).ok())
                    })
                    .ok_or_else(|| {
                        ApiError::InvalidInput(format!(
                            "'{owner}' is not a valid as a Resource Owner."
                        ))
                    })?,
            ),
            None => None,
        };
        if let Some(arn) = &requested.caller_arn {
            Principal::user(arn).map_err(|_| {
                ApiError::InvalidInput(format!("CallerArn must be the ARN of an IAM user: {arn}"))
            })?;
        }
        Ok(SimulationInput {
            policies: requested.policies,
            boundaries: requested.boundaries.unwrap_or_default(),
            actions: requested.actions,
            resources,
            resource_policy: requested.resource_policy,
            resource_owner,
            caller_arn: requested.caller_arn,
            context: context_entries(requested.context.unwrap_or_default())?,
            paging: Paging::new(requested.marker, requested.max_items),
        })
    }
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

/// `ContextEntries`: each key named, each type given, each value of that type (read by the
/// engine's own parsers, so a value the simulator accepts is one its condition operators can
/// read).
fn context_entries(entries: Vec<ContextEntry>) -> Result<Vec<(String, ContextValue)>, ApiError> {
    let mut out = Vec::with_capacity(entries.len());
    for (i, entry) in entries.into_iter().enumerate() {
        let at = i + 1;
        let name = entry.context_key_name.ok_or_else(|| {
            ApiError::InvalidInput(format!("ContextKeyName is required in context entry {at}."))
        })?;
        let kind = entry.context_key_type.ok_or_else(|| {
            ApiError::InvalidInput(format!(
                "ContextKeyType is required for context key {name}."
            ))
        })?;
        let values = entry.context_key_values.unwrap_or_default();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let value = kind
            .parse::<ContextKeyType>()
            .and_then(|typed| typed.value(&values))
            .map_err(|e| match e {
                ContextTypeError::InvalidValue { value, .. } => ApiError::InvalidInput(format!(
                    "Invalid value {value} for context key {name} of type {kind}."
                )),
                ContextTypeError::NotOneValue(_) => ApiError::InvalidInput(format!(
                    "Context key {name} of type {kind} must have exactly one value."
                )),
                ContextTypeError::UnknownType(_) => {
                    ApiError::InvalidInput(format!("Invalid ContextKeyType {kind}."))
                }
            })?;
        out.push((name, value));
    }
    Ok(out)
}

/// The result named `wrapper` listing in `ContextKeyNames` every condition key the documents
/// test, each once, in order.
pub(crate) fn context_keys_result(wrapper: &'static str, texts: &[String]) -> Element {
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
pub(crate) struct Source {
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

impl Source {
    /// The texts of its stored policies: identity policies, then its boundary.
    pub(crate) fn policy_texts(self) -> Vec<String> {
        let mut texts: Vec<String> = self.identity.into_iter().map(|p| p.text).collect();
        texts.extend(self.boundary.map(|p| p.text));
        texts
    }
}

/// Looks up the user, group or role `PolicySourceArn` names; `NoSuchEntity` if there is none
/// at exactly that ARN.
pub(crate) async fn load_source(state: &AppState, arn: &str) -> Result<Source, ApiError> {
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
                return Err(no_such_user(&parsed.name));
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

/// How the simulator names a policy in `MatchedStatements`.
struct SourceLabel {
    /// `SourcePolicyId`.
    id: String,
    /// `SourcePolicyType`, in botocore's `PolicySourceType` vocabulary.
    source: &'static str,
}

/// Adds a policy to the simulation; a stored text that no longer parses is skipped and
/// logged, as authorization does (inputs were checked before).
fn add_policy(
    simulation: &mut PolicySimulation<SourceLabel>,
    kind: PolicyKind,
    id: String,
    source: &'static str,
    text: &str,
) {
    let label = SourceLabel { id, source };
    if let Err(e) = simulation.add(kind, label, text) {
        tracing::error!(kind = %kind, error = %e, "policy does not parse");
    }
}

/// Runs a simulation for `source` (or, for `SimulateCustomPolicy`, for no stored principal),
/// answering in the result element named `wrapper`.
pub(crate) async fn simulate(
    state: &AppState,
    source: Option<Source>,
    input: SimulationInput,
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

    let mut simulation = PolicySimulation::new();
    let (principal, mut keys, unnamed) = match source {
        Some(source) => {
            for p in source.identity {
                add_policy(
                    &mut simulation,
                    PolicyKind::Identity,
                    p.name,
                    p.source,
                    &p.text,
                );
            }
            if input.boundaries.is_empty() {
                if let Some(p) = source.boundary {
                    add_policy(
                        &mut simulation,
                        PolicyKind::PermissionsBoundary,
                        p.name,
                        p.source,
                        &p.text,
                    );
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
        add_policy(&mut simulation, PolicyKind::Identity, id, "none", text);
    }
    for (i, text) in input.boundaries.iter().enumerate() {
        let id = format!("PermissionsBoundaryPolicyInputList.{}", i + 1);
        add_policy(
            &mut simulation,
            PolicyKind::PermissionsBoundary,
            id,
            "none",
            text,
        );
    }
    if let Some(text) = &input.resource_policy {
        // The resource's policy; for sts:AssumeRole* it is the role's trust policy.
        for kind in [PolicyKind::Resource, PolicyKind::Trust] {
            add_policy(
                &mut simulation,
                kind,
                "ResourcePolicy".to_owned(),
                "resource",
                text,
            );
        }
    }
    simulation.set_resource_account(input.resource_owner);

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

    // One page: the actions from the marker on, as many as MaxItems allows and the evaluation
    // budget fits (each action is evaluated against every resource).
    let actions = input.actions;
    let start = match &input.paging.marker {
        Some(marker) => (0..actions.len())
            .take_while(|i| format!("{i:010}") < *marker)
            .count(),
        None => 0,
    };
    let fits = (state.limits.simulation_evaluations / input.resources.len().max(1)).max(1);
    let end = actions
        .len()
        .min(start.saturating_add(input.paging.max_items.min(fits)));
    let page: Vec<String> = actions.get(start..end).unwrap_or_default().to_vec();
    let next_marker = (end < actions.len()).then(|| format!("{end:010}"));
    let resources = input.resources;

    // Simulations are computed a few at once on the blocking pool rather than the threads
    // that serve requests, so they never slow other callers down.
    let _permit = state
        .simulations
        .acquire()
        .await
        .map_err(|_| ApiError::ServiceFailure)?;
    let results = tokio::task::spawn_blocking(move || {
        let request = |action: &str, resource: &str| {
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
            request
        };
        simulation
            .run(&page, &resources, request)
            .iter()
            .map(result_element)
            .collect::<Vec<Element>>()
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "simulation task failed");
        ApiError::ServiceFailure
    })?;
    let mut fields = vec![Element::list("EvaluationResults", results)];
    fields.extend(paging_fields(next_marker));
    Ok(Some(Element::parent(wrapper, fields)))
}

fn statement_element(statement: &SimulatedStatement<'_, SourceLabel>) -> Element {
    let mut fields = vec![
        Element::text("SourcePolicyId", &statement.label.id),
        Element::text("SourcePolicyType", statement.label.source),
    ];
    if let Some((start, end)) = statement.iam_positions() {
        fields.push(position_element("StartPosition", start));
        fields.push(position_element("EndPosition", end));
    }
    Element::parent("member", fields)
}

fn position_element(name: &'static str, (line, column): (usize, usize)) -> Element {
    Element::parent(
        name,
        vec![
            Element::text("Line", line.to_string()),
            Element::text("Column", column.to_string()),
        ],
    )
}

fn matched_element<'a>(
    statements: impl IntoIterator<Item = &'a SimulatedStatement<'a, SourceLabel>>,
) -> Element {
    Element::list(
        "MatchedStatements",
        statements.into_iter().map(statement_element).collect(),
    )
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

/// One `EvaluationResult` per action, as AWS answers since 2025: the decision is the most
/// restrictive across the resources and `EvalResourceName` is `*` unless one resource was
/// given. For `*` alone the missing keys are at the top level and there are neither
/// `EvalDecisionDetails` nor `ResourceSpecificResults`; with resource ARNs each resource's
/// decision, statements and missing keys are in `ResourceSpecificResults`, and
/// `EvalDecisionDetails` is present but empty (Keyward serves one account, so there is never a
/// cross-account breakdown), as the API reference describes.
fn result_element(result: &ActionResult<'_, SourceLabel>) -> Element {
    let decision = result.decision.to_string();
    let resource_name = match result.resources.as_slice() {
        [one] => one.resource.as_str(),
        _ => "*",
    };
    let mut fields = vec![
        Element::text("EvalActionName", result.action.as_str()),
        Element::text("EvalResourceName", resource_name),
        Element::text("EvalDecision", decision.as_str()),
        matched_element(result.determining_statements()),
    ];
    let boundary = result
        .allowed_by_permissions_boundary()
        .map(boundary_detail);
    match result.resources.as_slice() {
        [only] if only.resource == "*" => {
            fields.push(missing_element(&only.missing_context_keys));
            fields.extend(boundary);
        }
        resources => {
            fields.push(missing_element(&[]));
            fields.extend(boundary);
            fields.push(Element::map("EvalDecisionDetails", Vec::new()));
            fields.push(Element::list(
                "ResourceSpecificResults",
                resources.iter().map(resource_element).collect(),
            ));
        }
    }
    Element::parent("member", fields)
}

/// One `ResourceSpecificResult`.
fn resource_element(result: &ResourceResult<'_, SourceLabel>) -> Element {
    let decision = result.decision.to_string();
    let mut fields = vec![
        Element::text("EvalResourceName", result.resource.as_str()),
        Element::text("EvalResourceDecision", decision.as_str()),
        matched_element(result.determining_statements()),
        missing_element(&result.missing_context_keys),
        Element::map("EvalDecisionDetails", Vec::new()),
    ];
    fields.extend(result.allowed_by_permissions_boundary.map(boundary_detail));
    Element::parent("member", fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A simulation waits for one of the state's permits (`--simulations-at-once`), so no
    /// more than that many compute at once.
    #[tokio::test]
    async fn simulations_wait_for_a_permit() {
        let state = AppState::in_memory("123456789012").unwrap();
        let all = u32::try_from(state.limits.simulations_at_once).unwrap();
        let held = state.simulations.acquire_many(all).await.unwrap();
        let input = SimulationInput {
            policies: vec![r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#.to_owned()],
            boundaries: Vec::new(),
            actions: vec!["s3:GetObject".to_owned()],
            resources: vec!["*".to_owned()],
            resource_policy: None,
            resource_owner: None,
            caller_arn: None,
            context: Vec::new(),
            paging: Paging::new(None, None),
        };
        let waiting = simulate(&state, None, input, "SimulateCustomPolicyResult");
        tokio::pin!(waiting);
        let early = tokio::time::timeout(std::time::Duration::from_millis(200), &mut waiting).await;
        assert!(early.is_err(), "ran without a permit");
        drop(held);
        assert!(waiting.await.is_ok());
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
}
