//! Runs every case in `tests/cases/*.json`.
//!
//! Evaluation cases give policies by kind, a request and AWS's expected answer; validation
//! cases give policy text, a policy kind and IAM's expected error. Each case names the AWS
//! documentation page it comes from. Every policy in an evaluation case must also pass IAM's
//! write-time validation for its kind, unless the case says it deliberately holds a policy IAM
//! would reject (to test fail-closed evaluation). A case whose policies say
//! `"service_rules": true` is decided by `evaluate_with_service_rules`.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use keyward_policy::{
    evaluate, evaluate_with_service_rules, validate, AccountId, AuthorizationInputs,
    CompiledPolicy, ContextValue, Decision, PolicyDocument, PolicyId, PolicyKind, PolicySet,
    Principal, Request, ResourcePolicyMode, ServiceRule,
};
use serde_json::Value;

const MINIMUM_EVALUATION_CASES: usize = 300;

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn text_of(policy: &Value) -> Result<String, String> {
    match (policy.get("document"), policy.get("text")) {
        (Some(doc), None) => serde_json::to_string(doc).map_err(|e| e.to_string()),
        (None, Some(Value::String(text))) => Ok(text.clone()),
        _ => Err(format!(
            "policy needs exactly one of document/text: {policy}"
        )),
    }
}

fn policy_id(policy: &Value) -> Result<String, String> {
    policy
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("policy without id: {policy}"))
}

fn compile(
    policy: &Value,
    kind: PolicyKind,
    check_validation: bool,
) -> Result<CompiledPolicy, String> {
    let text = text_of(policy)?;
    let id = policy_id(policy)?;
    if check_validation {
        validate(&text, kind).map_err(|e| format!("policy {id} fails {kind:?} validation: {e}"))?;
    }
    let document = PolicyDocument::parse(&text).map_err(|e| format!("policy {id}: {e}"))?;
    Ok(CompiledPolicy::compile(PolicyId::new(id), &document))
}

fn compile_list(
    value: Option<&Value>,
    kind: PolicyKind,
    check: bool,
) -> Result<Option<PolicySet>, String> {
    let Some(value) = value else { return Ok(None) };
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let policies = items
        .into_iter()
        .map(|p| compile(p, kind, check))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(PolicySet::from_policies(policies)))
}

fn compile_levels(
    value: Option<&Value>,
    kind: PolicyKind,
    check: bool,
) -> Result<Vec<PolicySet>, String> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(levels)) => levels
            .iter()
            .map(|level| compile_list(Some(level), kind, check).map(Option::unwrap_or_default))
            .collect(),
        Some(other) => Err(format!("levels must be a list of lists: {other}")),
    }
}

fn field<'v>(value: &'v Value, name: &str) -> Result<&'v str, String> {
    value
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("missing string field {name} in {value}"))
}

fn principal(value: &Value) -> Result<Principal, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    match field(value, "type")? {
        "root" => Ok(Principal::root(
            AccountId::parse(field(value, "account")?).map_err(|e| err(&e))?,
        )),
        "user" => Principal::user(field(value, "arn")?).map_err(|e| err(&e)),
        "assumed_role" => {
            Principal::assumed_role(field(value, "session_arn")?, field(value, "role_arn")?)
                .map_err(|e| err(&e))
        }
        "federated_user" => Principal::federated_user(
            field(value, "session_arn")?,
            value.get("user_arn").and_then(Value::as_str),
        )
        .map_err(|e| err(&e)),
        "service" => Ok(Principal::service(field(value, "name")?)),
        "web_identity" => Ok(Principal::web_identity(field(value, "provider")?)),
        "anonymous" => Ok(Principal::Anonymous),
        other => Err(format!("unknown principal type {other}")),
    }
}

fn request(value: &Value) -> Result<Request, String> {
    let principal = principal(value.get("principal").ok_or("request without principal")?)?;
    let mut request = Request::new(
        principal,
        field(value, "action")?,
        field(value, "resource")?,
    );
    if let Some(Value::Object(context)) = value.get("context") {
        for (key, v) in context {
            let as_text = |v: &Value| match v {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => Ok(n.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                other => Err(format!("context value must be a scalar: {other}")),
            };
            let value = match v {
                Value::Array(items) => ContextValue::Multiple(
                    items.iter().map(as_text).collect::<Result<Vec<_>, _>>()?,
                ),
                Value::Null => {
                    request.context_mut().remove(key);
                    continue;
                }
                single => ContextValue::Single(as_text(single)?),
            };
            request.context_mut().insert(key, value);
        }
    }
    Ok(request)
}

fn kind_name(kind: Option<PolicyKind>) -> &'static str {
    match kind {
        None => "none",
        Some(PolicyKind::Identity) => "identity",
        Some(PolicyKind::Resource) => "resource",
        Some(PolicyKind::Trust) => "trust",
        Some(PolicyKind::PermissionsBoundary) => "permissions_boundary",
        Some(PolicyKind::Session) => "session",
        Some(PolicyKind::ServiceControl) => "service_control",
        Some(PolicyKind::ResourceControl) => "resource_control",
    }
}

fn run_evaluation_case(case: &Value) -> Result<(), String> {
    let source = field(case, "source")?;
    if !source.starts_with("https://docs.aws.amazon.com/") {
        return Err(format!(
            "source must be an AWS documentation page: {source}"
        ));
    }
    let check = !case
        .get("invalid_policies")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let policies = case.get("policies").ok_or("case without policies")?;
    let mode = match policies.get("resource_mode").and_then(Value::as_str) {
        None | Some("standard") => ResourcePolicyMode::Standard,
        Some("role_trust") => ResourcePolicyMode::RoleTrust,
        Some("key_policy") => ResourcePolicyMode::KeyPolicy,
        Some(other) => return Err(format!("unknown resource_mode {other}")),
    };
    let request_value = case.get("request").ok_or("case without request")?;
    let service_rules = policies
        .get("service_rules")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let ruled_mode = ServiceRule::for_action(field(request_value, "action")?)
        .resource_policy_mode()
        .filter(|_| service_rules);
    let resource_kind = if ruled_mode.unwrap_or(mode) == ResourcePolicyMode::RoleTrust {
        PolicyKind::Trust
    } else {
        PolicyKind::Resource
    };
    let identity =
        compile_list(policies.get("identity"), PolicyKind::Identity, check)?.unwrap_or_default();
    let resource = compile_list(policies.get("resource"), resource_kind, check)?;
    let boundary = compile_list(
        policies.get("permissions_boundary"),
        PolicyKind::PermissionsBoundary,
        check,
    )?;
    let session = compile_list(policies.get("session"), PolicyKind::Session, check)?;
    let scps = compile_levels(policies.get("scp"), PolicyKind::ServiceControl, check)?;
    let rcps = compile_levels(policies.get("rcp"), PolicyKind::ResourceControl, check)?;
    let request = request(request_value)?;
    let resource_account = match request_value
        .get("resource_account")
        .and_then(Value::as_str)
    {
        Some(a) => Some(AccountId::parse(a).map_err(|e| e.to_string())?),
        None => None,
    };
    let inputs = AuthorizationInputs {
        request: &request,
        identity_policies: &identity,
        resource_policy: resource.as_ref(),
        resource_policy_mode: mode,
        permissions_boundary: boundary.as_ref(),
        session_policies: session.as_ref(),
        service_control_policies: &scps,
        resource_control_policies: &rcps,
        resource_account: resource_account.as_ref(),
    };
    let evaluation = if service_rules {
        evaluate_with_service_rules(&inputs)
    } else {
        evaluate(&inputs)
    };
    let expect = case.get("expect").ok_or("case without expect")?;
    let mut problems = Vec::new();
    let decision = match evaluation.decision() {
        Decision::Allowed => "allowed",
        Decision::ExplicitDeny => "explicitDeny",
        Decision::ImplicitDeny => "implicitDeny",
    };
    let expected_decision = field(expect, "decision")?;
    if decision != expected_decision {
        problems.push(format!("decision {decision}, expected {expected_decision}"));
    }
    if let Some(by) = expect.get("decided_by").and_then(Value::as_str) {
        let actual = kind_name(evaluation.decided_by());
        if actual != by {
            problems.push(format!("decided_by {actual}, expected {by}"));
        }
    }
    if let Some(Value::Array(expected)) = expect.get("matched") {
        let actual: Vec<String> = evaluation
            .matched_statements()
            .iter()
            .map(|m| format!("{}#{}:{}", m.policy_id, m.index, m.effect))
            .collect();
        let expected: Vec<String> = expected
            .iter()
            .map(|m| {
                Ok(format!(
                    "{}#{}:{}",
                    field(m, "policy")?,
                    m.get("index")
                        .and_then(Value::as_u64)
                        .ok_or("matched without index")?,
                    field(m, "effect")?
                ))
            })
            .collect::<Result<_, String>>()?;
        if actual != expected {
            problems.push(format!("matched {actual:?}, expected {expected:?}"));
        }
    }
    if let Some(Value::Array(expected)) = expect.get("missing_context_keys") {
        let actual: BTreeSet<String> = evaluation
            .missing_context_keys()
            .iter()
            .map(|k| k.to_lowercase())
            .collect();
        let expected: BTreeSet<String> = expected
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect();
        if actual != expected {
            problems.push(format!("missing keys {actual:?}, expected {expected:?}"));
        }
    }
    if let Some(message) = expect.get("message").and_then(Value::as_str) {
        let actual = evaluation.access_denied_message().unwrap_or_default();
        if actual != message {
            problems.push(format!("message {actual:?}, expected {message:?}"));
        }
    }
    if let Some(reason) = expect.get("reason").and_then(Value::as_str) {
        if evaluation.reason() != reason {
            problems.push(format!(
                "reason {:?}, expected {reason:?}",
                evaluation.reason()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn parse_kind(name: &str) -> Result<PolicyKind, String> {
    Ok(match name {
        "identity" => PolicyKind::Identity,
        "resource" => PolicyKind::Resource,
        "trust" => PolicyKind::Trust,
        "permissions_boundary" => PolicyKind::PermissionsBoundary,
        "session" => PolicyKind::Session,
        "service_control" => PolicyKind::ServiceControl,
        "resource_control" => PolicyKind::ResourceControl,
        other => return Err(format!("unknown kind {other}")),
    })
}

fn run_validation_case(case: &Value) -> Result<(), String> {
    field(case, "source")?;
    let kind = parse_kind(field(case, "kind")?)?;
    let text = text_of(case.get("policy").ok_or("validation case without policy")?)?;
    let expect = case.get("expect").ok_or("case without expect")?;
    let result = validate(&text, kind);
    match (result, expect.get("code").and_then(Value::as_str)) {
        (Ok(_), None) => Ok(()),
        (Ok(_), Some(code)) => Err(format!("accepted, expected {code}")),
        (Err(e), None) => Err(format!("rejected with {}: {e}", e.code())),
        (Err(e), Some(code)) => {
            let message = field(expect, "message")?;
            if e.code() == code && e.to_string() == message {
                Ok(())
            } else {
                Err(format!(
                    "got {}: {e:?} ({e}), expected {code}: {message}",
                    e.code()
                ))
            }
        }
    }
}

#[test]
fn corpus() {
    let mut evaluation_cases = 0;
    let mut validation_cases = 0;
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for file in case_files() {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let json: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let file_name = file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let groups = [("cases", true), ("validation_cases", false)];
        for (group, is_evaluation) in groups {
            for case in json
                .get(group)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = case
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("<unnamed>");
                if !names.insert(format!("{file_name}/{name}")) {
                    failures.push(format!("{file_name}/{name}: duplicate case name"));
                }
                let result = if is_evaluation {
                    evaluation_cases += 1;
                    run_evaluation_case(case)
                } else {
                    validation_cases += 1;
                    run_validation_case(case)
                };
                if let Err(problem) = result {
                    failures.push(format!("{file_name}/{name}: {problem}"));
                }
            }
        }
    }
    let total = evaluation_cases + validation_cases;
    println!(
        "corpus: {evaluation_cases} evaluation cases, {validation_cases} validation cases; {} passed, {} failed",
        total - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} corpus case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        evaluation_cases >= MINIMUM_EVALUATION_CASES,
        "only {evaluation_cases} evaluation cases; the corpus must keep at least {MINIMUM_EVALUATION_CASES}"
    );
}
