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
    evaluate_with_service_rules, lint, validate, AccountId, AuthorizationInputs, CompiledPolicy,
    ContextKeyType, ContextValue, Decision, Effect, Evaluation, Finding, MatchedStatement,
    PolicyId, PolicyKind, PolicySet, Principal, Request, ServiceRule, Severity, Spans,
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
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

/// A policy file loaded for simulation, with where its statements start.
struct Loaded {
    file: String,
    spans: Spans,
}

/// The policy files of one simulation; a compiled policy's id is its index here.
#[derive(Default)]
struct Library {
    loaded: Vec<Loaded>,
}

impl Library {
    fn load(&mut self, path: &Path, kind: PolicyKind, set: &mut PolicySet) -> Result<(), String> {
        let text = read(path)?;
        let file = path.display().to_string();
        let policy = CompiledPolicy::parse(PolicyId::new(self.loaded.len().to_string()), &text)
            .map_err(|e| format!("{file} is not a policy document: {e}"))?;
        if let Err(e) = validate(&text, kind) {
            eprintln!(
                "keyward: warning: IAM would not accept {file} as a {kind}: {e} \
                 (run `keyward policy validate` for where)"
            );
        }
        set.push(policy);
        self.loaded.push(Loaded {
            file,
            spans: Spans::scan(&text).unwrap_or_default(),
        });
        Ok(())
    }

    fn entry(&self, id: &PolicyId) -> Option<&Loaded> {
        id.as_str()
            .parse::<usize>()
            .ok()
            .and_then(|i| self.loaded.get(i))
    }
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

/// Loads one file per organization level.
fn load_levels(
    library: &mut Library,
    paths: &[PathBuf],
    kind: PolicyKind,
) -> Result<Vec<PolicySet>, String> {
    paths
        .iter()
        .map(|path| {
            let mut level = PolicySet::new();
            library.load(path, kind, &mut level)?;
            Ok(level)
        })
        .collect()
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

    let mut library = Library::default();
    let mut identity = PolicySet::new();
    for path in &args.policies {
        library.load(path, PolicyKind::Identity, &mut identity)?;
    }
    let mut boundary = PolicySet::new();
    if let Some(path) = &args.boundary {
        library.load(path, PolicyKind::PermissionsBoundary, &mut boundary)?;
    }
    let mut resource_policy = PolicySet::new();
    if let Some(path) = &args.resource_policy {
        library.load(path, PolicyKind::Resource, &mut resource_policy)?;
    }
    let mut session = PolicySet::new();
    if let Some(path) = &args.session_policy {
        library.load(path, PolicyKind::Session, &mut session)?;
    }
    let mut trust = PolicySet::new();
    if let Some(path) = &args.trust_policy {
        library.load(path, PolicyKind::Trust, &mut trust)?;
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
    let scps = load_levels(&mut library, &args.scps, PolicyKind::ServiceControl)?;
    let rcps = load_levels(&mut library, &args.rcps, PolicyKind::ResourceControl)?;

    let mut denied = false;
    let mut report = Vec::new();
    for action in &args.actions {
        for resource in &args.resources {
            let mut request = Request::new(principal.clone(), action, resource);
            for (key, value) in &context {
                request.context_mut().insert(key, value.clone());
            }
            let mut inputs = AuthorizationInputs::new(&request, &identity);
            inputs.permissions_boundary = args.boundary.as_ref().map(|_| &boundary);
            inputs.resource_policy =
                if ServiceRule::for_action(action) == ServiceRule::TrustPolicyRequired {
                    args.trust_policy.as_ref().map(|_| &trust)
                } else {
                    args.resource_policy.as_ref().map(|_| &resource_policy)
                };
            inputs.session_policies = args.session_policy.as_ref().map(|_| &session);
            inputs.service_control_policies = &scps;
            inputs.resource_control_policies = &rcps;
            inputs.resource_account = resource_account.as_ref();
            let evaluation = evaluate_with_service_rules(&inputs);
            denied |= !evaluation.is_allowed();
            match args.output {
                Output::Text => print!("{}", result_text(&library, &request, &evaluation)),
                Output::Json => report.push(result_json(&library, &request, &evaluation)),
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

/// What a report says about one matched statement.
struct Matched<'a> {
    file: &'a str,
    kind: PolicyKind,
    index: usize,
    sid: Option<&'a str>,
    effect: String,
    line: Option<usize>,
    column: Option<usize>,
    failed_closed: bool,
}

/// The statement that decided: for an explicit deny, the first `Deny` of the deciding
/// policy type; when allowed, the first `Allow` of the type that granted. An implicit deny
/// has none: it is decided by the absence of an `Allow`.
fn deciding<'a>(evaluation: &'a Evaluation<'a>) -> Option<&'a MatchedStatement<'a>> {
    let kind = evaluation.decided_by()?;
    let effect = match evaluation.decision() {
        Decision::ExplicitDeny => Effect::Deny,
        Decision::Allowed => Effect::Allow,
        Decision::ImplicitDeny => return None,
    };
    evaluation
        .matched_statements()
        .iter()
        .find(|m| m.policy_kind == kind && m.effect == effect)
}

fn matched<'a>(library: &'a Library, evaluation: &'a Evaluation<'a>) -> Vec<Matched<'a>> {
    evaluation
        .matched_statements()
        .iter()
        .map(|m| describe(library, m))
        .collect()
}

fn describe<'a>(library: &'a Library, m: &'a MatchedStatement<'a>) -> Matched<'a> {
    let entry = library.entry(m.policy_id);
    let start = entry.and_then(|e| {
        e.spans
            .get(&format!("/Statement/{}", m.index))
            .or_else(|| (m.index == 0).then(|| e.spans.get("/Statement")).flatten())
            .map(|s| s.start)
    });
    Matched {
        file: entry.map_or("?", |e| e.file.as_str()),
        kind: m.policy_kind,
        index: m.index,
        sid: m.sid,
        effect: m.effect.to_string(),
        line: start.map(|p| p.line),
        column: start.map(|p| p.column),
        failed_closed: m.failed_closed,
    }
}

/// `FILE:LINE:COL` of a statement, or the file alone when its position is unknown.
fn location(m: &Matched<'_>) -> String {
    match (m.line, m.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", m.file),
        _ => m.file.to_owned(),
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

fn result_text(library: &Library, request: &Request, evaluation: &Evaluation<'_>) -> String {
    let mut out = String::new();
    let decision = evaluation.decision();
    out.push_str(&format!(
        "{} on {}: {decision}\n",
        request.action(),
        request.resource()
    ));
    out.push_str(&format!("  reason: {}\n", evaluation.reason()));
    if let Some(rule) = service_rule_text(evaluation.service_rule()) {
        out.push_str(&format!("  service rule: {rule}\n"));
    }
    if let Some(m) = deciding(evaluation).map(|m| describe(library, m)) {
        let sid = m.sid.map(|s| format!(" (Sid {s})")).unwrap_or_default();
        out.push_str(&format!(
            "  decided by: {} in {} policy {}, statement {}{sid}\n",
            m.effect,
            kind_name(m.kind),
            location(&m),
            m.index
        ));
    }
    for m in matched(library, evaluation) {
        let sid = m.sid.map(|s| format!(" (Sid {s})")).unwrap_or_default();
        let at = location(&m);
        let closed = if m.failed_closed {
            " [condition could not be evaluated: failed closed]"
        } else {
            ""
        };
        out.push_str(&format!(
            "  matched: {} in {} policy {at}, statement {}{sid}{closed}\n",
            m.effect,
            kind_name(m.kind),
            m.index
        ));
    }
    let missing = evaluation.missing_context_keys();
    if !missing.is_empty() {
        out.push_str(&format!("  missing context keys: {}\n", missing.join(", ")));
    }
    if let Some(message) = evaluation.access_denied_message() {
        out.push_str(&format!("  AWS would answer: {message}\n"));
    }
    out
}

fn statement_json(m: &Matched<'_>) -> Value {
    json!({
        "file": m.file,
        "policy_type": kind_name(m.kind),
        "statement_index": m.index,
        "sid": m.sid,
        "effect": m.effect,
        "line": m.line,
        "column": m.column,
        "failed_closed": m.failed_closed,
    })
}

fn result_json(library: &Library, request: &Request, evaluation: &Evaluation<'_>) -> Value {
    let statements: Vec<Value> = matched(library, evaluation)
        .iter()
        .map(statement_json)
        .collect();
    let decided_by_statement = deciding(evaluation).map(|m| statement_json(&describe(library, m)));
    json!({
        "action": request.action(),
        "resource": request.resource(),
        "decision": evaluation.decision().to_string(),
        "decided_by": evaluation.decided_by().map(kind_name),
        "decided_by_statement": decided_by_statement,
        "service_rule": service_rule_text(evaluation.service_rule()),
        "reason": evaluation.reason(),
        "matched_statements": statements,
        "missing_context_keys": evaluation.missing_context_keys(),
        "access_denied_message": evaluation.access_denied_message(),
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
