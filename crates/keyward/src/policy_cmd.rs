//! `keyward policy`: the policy engine as an offline tool.
//!
//! `validate` answers "would IAM accept this, and is it what I meant?" with IAM's own
//! write-time error and Access Analyzer-style findings at their line and column.
//! `simulate` answers "why is my call allowed or denied?" with the same engine that
//! authorizes requests in `keyward serve`, so the answer cannot differ from the server's.
//! Neither reads anything but the files named nor talks to any endpoint.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use keyward_policy::{
    lint, validate, AccountId, ContextKeyType, ContextValue, Decision, Finding, PolicyKind,
    Principal, Request, ResourceResult, ServiceRule, Severity, SimulatedStatement, Simulation,
};
use serde_json::{json, Value};

/// The caller simulated when `--principal` is not given.
const DEFAULT_PRINCIPAL: &str = "arn:aws:iam::123456789012:user/simulated";

/// Exit status of `simulate` when some action is denied: distinct from 1 (bad input) so CI
/// can tell "the policy says no" from "the command was wrong".
const EXIT_DENIED: u8 = 2;

/// `keyward policy …`.
#[derive(clap::Args)]
pub struct PolicyArgs {
    #[command(subcommand)]
    command: PolicyCommand,
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Check policies as IAM does, with Access Analyzer-style findings.
    ///
    /// IAM's own write-time error plus security warnings, warnings and suggestions, each at
    /// its line and column. Exits 1 when any finding is an error, else 0.
    Validate(ValidateArgs),
    /// Decide requests offline with Keyward's policy engine.
    ///
    /// For each action and resource: the decision, the policy type and statement that decided
    /// it, the statements that matched, missing context keys and the reason. Service rules
    /// apply: a KMS key policy or a role trust policy must allow, and sts:GetCallerIdentity
    /// needs no permission. Exits 0 when every request is allowed, 2 when any is denied, 1 on
    /// bad input.
    // Boxed: its many options make it far larger than `Validate`.
    Simulate(Box<SimulateArgs>),
    /// Write the least-privilege identity policy for what a principal did, from the audit log.
    ///
    /// Actions grouped by service, resources generalized only as far as the recorded requests
    /// need, condition keys every request carried, dependent actions (iam:PassRole). Learn
    /// mode (`keyward serve --enforce learn`) records what a principal needs without refusing
    /// it. The policy passes `keyward policy validate`.
    Generate(crate::policy_generate::GenerateArgs),
}

/// The policy kinds a file can be validated as.
#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// Attached to a user, group or role.
    Identity,
    /// Attached to a resource; needs Principal.
    Resource,
    /// A role trust policy; needs Principal, has no Resource.
    Trust,
    /// A permissions boundary.
    Boundary,
    /// An Organizations service control policy.
    Scp,
    /// An Organizations resource control policy.
    Rcp,
    /// A session policy passed to AssumeRole* or GetFederationToken.
    Session,
}

impl From<Kind> for PolicyKind {
    fn from(kind: Kind) -> PolicyKind {
        match kind {
            Kind::Identity => PolicyKind::Identity,
            Kind::Resource => PolicyKind::Resource,
            Kind::Trust => PolicyKind::Trust,
            Kind::Boundary => PolicyKind::PermissionsBoundary,
            Kind::Scp => PolicyKind::ServiceControl,
            Kind::Rcp => PolicyKind::ResourceControl,
            Kind::Session => PolicyKind::Session,
        }
    }
}

/// Report formats of `keyward policy` subcommands.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Output {
    /// Lines for people and editors.
    Text,
    /// One JSON array, for tools.
    Json,
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// Policy documents (JSON) to check.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What the policies are attached to, which decides IAM's rules.
    #[arg(long, value_enum, default_value = "identity")]
    kind: Kind,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    output: Output,
}

#[derive(clap::Args)]
struct SimulateArgs {
    /// The caller's identity-based policies (repeatable, or several files after one flag).
    #[arg(long = "policy", value_name = "FILE", num_args = 1..)]
    policies: Vec<PathBuf>,
    /// The caller's permissions boundary.
    #[arg(long, value_name = "FILE")]
    boundary: Option<PathBuf>,
    /// The resource's policy (bucket policy, key policy, …).
    #[arg(long, value_name = "FILE")]
    resource_policy: Option<PathBuf>,
    /// The role's trust policy, which decides sts:AssumeRole* in place of --resource-policy.
    #[arg(long, value_name = "FILE")]
    trust_policy: Option<PathBuf>,
    /// Service control policies of the caller's account, one file per level from the
    /// organization root down to the account (repeatable): every level must allow.
    #[arg(long = "scp", value_name = "FILE")]
    scps: Vec<PathBuf>,
    /// Resource control policies of the resource's account, one file per level from the root
    /// down (repeatable): every level must allow.
    #[arg(long = "rcp", value_name = "FILE")]
    rcps: Vec<PathBuf>,
    /// A session policy; it limits role and federated-user sessions, not IAM users.
    #[arg(long, value_name = "FILE")]
    session_policy: Option<PathBuf>,
    /// An action to decide, e.g. s3:GetObject (repeatable).
    #[arg(long = "action", value_name = "ACTION")]
    actions: Vec<String>,
    /// The resource ARN (repeatable; each action is decided for each resource).
    #[arg(long = "resource", value_name = "ARN", default_value = "*")]
    resources: Vec<String>,
    /// The caller: a user, assumed-role session, federated user or root ARN, or `*` for an
    /// anonymous caller.
    #[arg(long, value_name = "ARN", conflicts_with = "principal_service")]
    principal: Option<String>,
    /// The caller is an AWS service, e.g. lambda.amazonaws.com.
    #[arg(long, value_name = "SERVICE")]
    principal_service: Option<String>,
    /// The caller's account; with no --principal the simulated caller is a user of it.
    #[arg(long, value_name = "ACCOUNT")]
    caller_account: Option<String>,
    /// The account that owns the resource, when it is not the caller's: across accounts both
    /// the caller's policies and the resource's policy must allow.
    #[arg(long, value_name = "ACCOUNT")]
    resource_account: Option<String>,
    /// A request context key, KEY=TYPE:VALUE with TYPE one of IAM's ContextKeyType values
    /// (string, stringList, numeric, boolean, date, ip, binary, their …List forms) or arn;
    /// list values are comma-separated. Repeatable.
    #[arg(long = "context", value_name = "KEY=TYPE:VALUE")]
    context: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    output: Output,
}

/// Runs `keyward policy …` and returns its exit status.
pub fn run(args: PolicyArgs) -> ExitCode {
    match args.command {
        PolicyCommand::Validate(args) => validate_files(&args),
        PolicyCommand::Generate(args) => crate::policy_generate::run(&args),
        PolicyCommand::Simulate(args) => match simulate(&args) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("keyward: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn validate_files(args: &ValidateArgs) -> ExitCode {
    let kind = PolicyKind::from(args.kind);
    let mut failed = false;
    let mut report = Vec::new();
    let mut counts = [0usize; 4];
    for path in &args.files {
        let text = match read(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("keyward: {message}");
                failed = true;
                continue;
            }
        };
        let file = path.display().to_string();
        for finding in lint(&text, kind) {
            failed |= finding.severity == Severity::Error;
            if let Some(count) = counts.get_mut(severity_rank(finding.severity)) {
                *count += 1;
            }
            match args.output {
                Output::Text => println!("{}", text_line(&file, &finding)),
                Output::Json => report.push(finding_json(&file, &finding)),
            }
        }
    }
    match args.output {
        Output::Json => println!("{}", Value::Array(report)),
        Output::Text => {
            let [errors, security, warnings, suggestions] = counts;
            eprintln!(
                "keyward: {} file(s) checked: {errors} error(s), {security} security warning(s), \
                 {warnings} warning(s), {suggestions} suggestion(s)",
                args.files.len()
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn severity_rank(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::SecurityWarning => 1,
        Severity::Warning => 2,
        Severity::Suggestion => 3,
    }
}

/// `FILE:LINE:COL: severity[CODE]: message`, the shape editors and CI annotators parse.
fn text_line(file: &str, finding: &Finding) -> String {
    format!(
        "{file}:{}:{}: {}[{}]: {}",
        finding.position.line,
        finding.position.column,
        finding.severity,
        finding.code,
        finding.message
    )
}

fn finding_json(file: &str, finding: &Finding) -> Value {
    json!({
        "file": file,
        "line": finding.position.line,
        "column": finding.position.column,
        "severity": finding.severity.as_str(),
        "code": finding.code,
        "message": finding.message,
        "pointer": finding.pointer,
    })
}

/// Reads a policy file into the simulation under its file name, warning when IAM would not
/// accept it as that kind of policy.
fn load(simulation: &mut Simulation<String>, path: &Path, kind: PolicyKind) -> Result<(), String> {
    let text = read(path)?;
    let file = path.display().to_string();
    simulation
        .add(kind, file.clone(), &text)
        .map_err(|e| format!("{file} is not a policy document: {e}"))?;
    if let Err(e) = validate(&text, kind) {
        eprintln!(
            "keyward: warning: IAM would not accept {file} as a {kind}: {e} \
             (run `keyward policy validate` for where)"
        );
    }
    Ok(())
}

/// Parses `KEY=TYPE:VALUE`; list types take comma-separated values.
fn parse_context(entry: &str) -> Result<(String, ContextValue), String> {
    let bad = |why: String| format!("--context {entry}: {why}");
    let (key, typed) = entry
        .split_once('=')
        .ok_or_else(|| bad("expected KEY=TYPE:VALUE".to_owned()))?;
    if key.is_empty() {
        return Err(bad("the key is empty".to_owned()));
    }
    let (kind, value) = typed
        .split_once(':')
        .ok_or_else(|| bad("expected KEY=TYPE:VALUE".to_owned()))?;
    let kind: ContextKeyType = kind.parse().map_err(|e| bad(format!("{e}")))?;
    let values: Vec<&str> = if kind.list {
        if value.is_empty() {
            Vec::new()
        } else {
            value.split(',').collect()
        }
    } else {
        vec![value]
    };
    let value = kind.value(&values).map_err(|e| bad(format!("{e}")))?;
    Ok((key.to_owned(), value))
}

fn account(flag: &str, text: &Option<String>) -> Result<Option<AccountId>, String> {
    text.as_deref()
        .map(|a| AccountId::parse(a).map_err(|e| format!("{flag} {a}: {e}")))
        .transpose()
}

/// The simulated caller from `--principal`, `--principal-service` and `--caller-account`.
fn caller(args: &SimulateArgs) -> Result<Principal, String> {
    let caller_account = account("--caller-account", &args.caller_account)?;
    let principal = match (&args.principal, &args.principal_service) {
        (_, Some(service)) => Principal::service(service.as_str()),
        (Some(star), None) if star == "*" => Principal::Anonymous,
        (Some(arn), None) => {
            Principal::from_arn(arn).map_err(|e| format!("--principal {arn}: {e}"))?
        }
        (None, None) => {
            let arn = match &caller_account {
                Some(account) => format!("arn:aws:iam::{}:user/simulated", account.as_str()),
                None => DEFAULT_PRINCIPAL.to_owned(),
            };
            Principal::from_arn(&arn).map_err(|e| format!("{arn}: {e}"))?
        }
    };
    match (&caller_account, principal.account()) {
        (Some(wanted), Some(actual)) if wanted != actual => Err(format!(
            "--caller-account {} does not match the principal's account {}",
            wanted.as_str(),
            actual.as_str()
        )),
        (Some(_), None) => Err(
            "--caller-account applies to IAM principals, not to services or anonymous callers"
                .to_owned(),
        ),
        _ => Ok(principal),
    }
}

fn simulate(args: &SimulateArgs) -> Result<ExitCode, String> {
    if args.actions.is_empty() {
        return Err("simulate needs at least one --action".to_owned());
    }
    let needs_no_policy = args
        .actions
        .iter()
        .all(|a| ServiceRule::for_action(a) == ServiceRule::NoPermissionRequired);
    if args.policies.is_empty()
        && args.resource_policy.is_none()
        && args.trust_policy.is_none()
        && !needs_no_policy
    {
        return Err(
            "simulate needs at least one --policy, a --resource-policy or a --trust-policy"
                .to_owned(),
        );
    }
    let principal = caller(args)?;
    let resource_account = account("--resource-account", &args.resource_account)?;
    let mut context = Vec::new();
    for entry in &args.context {
        let (key, value) = parse_context(entry)?;
        if context
            .iter()
            .any(|(k, _): &(String, ContextValue)| k.eq_ignore_ascii_case(&key))
        {
            return Err(format!("--context {key} is given more than once"));
        }
        context.push((key, value));
    }

    let mut simulation = Simulation::new();
    for path in &args.policies {
        load(&mut simulation, path, PolicyKind::Identity)?;
    }
    let single = [
        (&args.boundary, PolicyKind::PermissionsBoundary),
        (&args.resource_policy, PolicyKind::Resource),
        (&args.session_policy, PolicyKind::Session),
        (&args.trust_policy, PolicyKind::Trust),
    ];
    for (path, kind) in single {
        if let Some(path) = path {
            load(&mut simulation, path, kind)?;
        }
    }
    let assumes_role = args
        .actions
        .iter()
        .any(|a| ServiceRule::for_action(a) == ServiceRule::TrustPolicyRequired);
    if assumes_role && args.trust_policy.is_none() && args.resource_policy.is_some() {
        eprintln!(
            "keyward: note: sts:AssumeRole* is decided by the role's trust policy, given with \
             --trust-policy; --resource-policy does not apply to it"
        );
    }
    for path in &args.scps {
        load(&mut simulation, path, PolicyKind::ServiceControl)?;
    }
    for path in &args.rcps {
        load(&mut simulation, path, PolicyKind::ResourceControl)?;
    }
    simulation.set_resource_account(resource_account);

    let results = simulation.run(&args.actions, &args.resources, |action, resource| {
        let mut request = Request::new(principal.clone(), action, resource);
        for (key, value) in &context {
            request.context_mut().insert(key, value.clone());
        }
        request
    });
    let mut denied = false;
    let mut report = Vec::new();
    for result in &results {
        denied |= result.decision != Decision::Allowed;
        for resource in &result.resources {
            match args.output {
                Output::Text => print!("{}", result_text(&result.action, resource)),
                Output::Json => report.push(result_json(&result.action, resource)),
            }
        }
    }
    if args.output == Output::Json {
        println!("{}", Value::Array(report));
    }
    Ok(if denied {
        ExitCode::from(EXIT_DENIED)
    } else {
        ExitCode::SUCCESS
    })
}

/// A short, stable name for the policy type in reports.
fn kind_name(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Identity => "identity",
        PolicyKind::Resource => "resource",
        PolicyKind::Trust => "trust",
        PolicyKind::PermissionsBoundary => "boundary",
        PolicyKind::Session => "session",
        PolicyKind::ServiceControl => "scp",
        PolicyKind::ResourceControl => "rcp",
    }
}

/// `FILE:LINE:COL` of a statement, or the file alone when its position is unknown.
fn location(m: &SimulatedStatement<'_, String>) -> String {
    match m.span {
        Some(span) => format!("{}:{}:{}", m.label, span.start.line, span.start.column),
        None => m.label.clone(),
    }
}

/// A human name for the service rule applied, when it is not the general logic.
fn service_rule_text(rule: ServiceRule) -> Option<&'static str> {
    match rule {
        ServiceRule::Standard => None,
        ServiceRule::KeyPolicyRequired => Some("the KMS key policy must allow"),
        ServiceRule::TrustPolicyRequired => Some("the role trust policy must allow"),
        ServiceRule::NoPermissionRequired => Some("no permission is required"),
    }
}

fn sid_text(m: &SimulatedStatement<'_, String>) -> String {
    m.sid
        .as_ref()
        .map(|s| format!(" (Sid {s})"))
        .unwrap_or_default()
}

fn result_text(action: &str, result: &ResourceResult<'_, String>) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{action} on {}: {}\n",
        result.resource, result.decision
    ));
    out.push_str(&format!("  reason: {}\n", result.reason));
    if let Some(rule) = service_rule_text(result.service_rule) {
        out.push_str(&format!("  service rule: {rule}\n"));
    }
    if let Some(m) = result.deciding_statement() {
        out.push_str(&format!(
            "  decided by: {} in {} policy {}, statement {}{}\n",
            m.effect,
            kind_name(m.kind),
            location(m),
            m.index,
            sid_text(m)
        ));
    }
    for m in &result.matched {
        let closed = if m.failed_closed {
            " [condition could not be evaluated: failed closed]"
        } else {
            ""
        };
        out.push_str(&format!(
            "  matched: {} in {} policy {}, statement {}{}{closed}\n",
            m.effect,
            kind_name(m.kind),
            location(m),
            m.index,
            sid_text(m)
        ));
    }
    if !result.missing_context_keys.is_empty() {
        out.push_str(&format!(
            "  missing context keys: {}\n",
            result.missing_context_keys.join(", ")
        ));
    }
    if let Some(message) = &result.access_denied_message {
        out.push_str(&format!("  AWS would answer: {message}\n"));
    }
    out
}

fn statement_json(m: &SimulatedStatement<'_, String>) -> Value {
    json!({
        "file": m.label,
        "policy_type": kind_name(m.kind),
        "statement_index": m.index,
        "sid": m.sid,
        "effect": m.effect.to_string(),
        "line": m.span.map(|s| s.start.line),
        "column": m.span.map(|s| s.start.column),
        "failed_closed": m.failed_closed,
    })
}

fn result_json(action: &str, result: &ResourceResult<'_, String>) -> Value {
    let statements: Vec<Value> = result.matched.iter().map(statement_json).collect();
    json!({
        "action": action,
        "resource": result.resource,
        "decision": result.decision.to_string(),
        "decided_by": result.decided_by.map(kind_name),
        "decided_by_statement": result.deciding_statement().map(statement_json),
        "service_rule": service_rule_text(result.service_rule),
        "reason": result.reason,
        "matched_statements": statements,
        "missing_context_keys": result.missing_context_keys,
        "access_denied_message": result.access_denied_message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_entries() {
        assert_eq!(
            parse_context("aws:SourceIp=ip:10.0.0.1"),
            Ok(("aws:SourceIp".to_owned(), ContextValue::single("10.0.0.1")))
        );
        assert_eq!(
            parse_context("aws:TagKeys=stringList:a,b"),
            Ok(("aws:TagKeys".to_owned(), ContextValue::multiple(["a", "b"])))
        );
        assert_eq!(
            parse_context("aws:Referer=string:a,b"),
            Ok(("aws:Referer".to_owned(), ContextValue::single("a,b")))
        );
        assert!(parse_context("aws:SourceIp=ipaddr:10.0.0.1").is_err());
        assert!(parse_context("aws:SourceIp").is_err());
        assert!(parse_context("=string:x").is_err());
        assert!(parse_context("aws:MultiFactorAuthPresent=boolean:yes").is_err());
    }
}
