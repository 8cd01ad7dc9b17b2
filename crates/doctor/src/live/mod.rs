//! Live checks against the endpoint: obtain the keys, `GetCallerIdentity`, clock skew from the
//! server's `Date` header, expiry, and `SimulatePrincipalPolicy` per requested action.

pub mod cli_cache;
pub mod http;
pub mod obtain;
pub mod query;

use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

use self::http::{Http, HttpError};
use self::query::{CallError, Service, ServiceName};
use crate::input::FileSystem;
use crate::model::{AccessKeyId, Code, Finding, Severity, StaticCredentials};
use crate::resolve::{expiry_finding, Resolution};
use crate::xml::Node;

/// Skew at which SigV4 requests start failing on AWS (5 minutes for most services).
const SKEW_ERROR_SECONDS: i64 = 300;
/// Skew worth a warning: clocks this far apart drift into failures.
const SKEW_WARNING_SECONDS: i64 = 60;

/// The placeholder in a check's resource that the caller's account id replaces.
pub const ACCOUNT_PLACEHOLDER: &str = "{account}";

/// One action to simulate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRequest {
    /// e.g. `s3:GetObject`.
    pub action: String,
    /// Resource ARN, `*` for any; `{account}` becomes the caller's account id.
    pub resource: String,
    /// The guide statement the check comes from, for workload checks.
    pub statement: Option<String>,
    /// `aws:RequestedRegion` of the simulated request, as a real call to that region has it.
    pub requested_region: Option<String>,
}

/// Another profile's identity that simulates the caller (`--simulate-with-profile`), for
/// callers that may not call `iam:SimulatePrincipalPolicy` on themselves.
#[derive(Clone, Debug)]
pub struct Simulator {
    /// The profile name, for messages.
    pub profile: String,
    /// The profile's resolution (credentials and STS endpoint to obtain them).
    pub resolution: Resolution,
}

/// Limits and requests of a live run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Actions to simulate.
    pub checks: Vec<CheckRequest>,
    /// Who simulates; the caller itself when `None`.
    pub simulator: Option<Simulator>,
    /// Limit on establishing a connection.
    pub connect_timeout: Duration,
    /// Limit on a whole request.
    pub request_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            checks: Vec::new(),
            simulator: None,
            connect_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(3),
        }
    }
}

/// Who the endpoint says the caller is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// Caller ARN.
    pub arn: String,
    /// Account id.
    pub account: String,
    /// Unique id (`AIDA…`, `AROA…:session`).
    pub user_id: String,
}

/// One simulated action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Action.
    pub action: String,
    /// Resource.
    pub resource: String,
    /// `allowed`, `implicitDeny`, `explicitDeny`, or `error`.
    pub decision: String,
    /// Why, from the matched statements and boundary detail.
    pub reason: String,
    /// The guide statement a workload check comes from; `null` for `--action` checks.
    pub statement: Option<String>,
}

/// What the live checks found.
#[derive(Clone, Debug, Default)]
pub struct LiveReport {
    /// Caller identity when `GetCallerIdentity` succeeded.
    pub identity: Option<Identity>,
    /// Server clock minus local clock, in seconds, when the server sent a `Date`.
    pub clock_skew_seconds: Option<i64>,
    /// Simulations.
    pub checks: Vec<Check>,
    /// Findings.
    pub findings: Vec<Finding>,
    /// The key id actually used (after assuming roles, running processes, …).
    pub access_key_id: Option<AccessKeyId>,
    /// Expiry of the keys actually used.
    pub expires_at: Option<OffsetDateTime>,
}

/// The two clients of a live run: one for the endpoints, one with the short limits the SDKs
/// use for instance metadata.
pub fn clients(connect: Duration, request: Duration) -> Result<(Http, Http), Finding> {
    Http::new(connect, request)
        .and_then(|h| Http::new(Duration::from_secs(1), Duration::from_secs(2)).map(|i| (h, i)))
        .map_err(|e| Finding::error(Code::EndpointUnreachable, e.to_string()))
}

/// STS as the resolution reaches it: its endpoint and the region requests are signed for.
pub fn sts_service(res: &Resolution) -> Service<'_> {
    Service {
        url: &res.sts_endpoint.value,
        region: res
            .region
            .as_ref()
            .map_or("us-east-1", |r| r.value.as_str()),
        name: ServiceName::Sts,
    }
}

/// IAM as the resolution reaches it (a global service, signed for `us-east-1`).
pub fn iam_service(res: &Resolution) -> Service<'_> {
    Service {
        url: &res.iam_endpoint.value,
        region: "us-east-1",
        name: ServiceName::Iam,
    }
}

/// The keys of a resolution, obtained as the SDKs would (process, roles, metadata…): the one
/// way `keyward doctor` and `keyward keys audit` get their credentials.
pub async fn obtain_keys(
    res: &Resolution,
    http: &Http,
    imds_http: &Http,
    files: &dyn FileSystem,
) -> Result<StaticCredentials, Finding> {
    let Some(creds) = &res.credentials else {
        return Err(res
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .cloned()
            .unwrap_or_else(|| Finding::error(Code::NoCredentials, "no credentials")));
    };
    let ctx = obtain::Context {
        http,
        imds_http,
        sts: sts_service(res),
        files,
    };
    obtain::obtain(&ctx, creds).await
}

/// Runs every live check the resolution allows.
pub async fn run(res: &Resolution, files: &dyn FileSystem, opts: &Options) -> LiveReport {
    let mut out = LiveReport::default();
    if res.credentials.is_none() {
        return out;
    }
    let (http, imds_http) = match clients(opts.connect_timeout, opts.request_timeout) {
        Ok(c) => c,
        Err(f) => {
            out.findings.push(f);
            return out;
        }
    };
    let sts = sts_service(res);
    if let Some(path) = &res.cli_cache {
        out.findings
            .extend(cli_cache::check(&http, sts, files, path, OffsetDateTime::now_utc()).await);
    }
    let keys = match obtain_keys(res, &http, &imds_http, files).await {
        Ok(k) => k,
        Err(f) => {
            out.findings.push(f);
            return out;
        }
    };
    out.access_key_id = Some(keys.access_key_id.clone());
    out.expires_at = keys.expires_at;
    if let Some(exp) = keys.expires_at {
        out.findings
            .extend(expiry_finding(exp, OffsetDateTime::now_utc()));
    }
    let masked = keys.access_key_id.masked();
    let ex = query::call(&http, sts, Some(&keys), "GetCallerIdentity", &[]).await;
    let received = OffsetDateTime::now_utc();
    if let Some(server) = ex.date {
        let skew = (server - received).whole_seconds();
        out.clock_skew_seconds = Some(skew);
        out.findings.extend(skew_finding(skew));
    }
    let node = match ex.result {
        Ok(n) => n,
        Err(e) => {
            let f = query::finding(&e, "sts:GetCallerIdentity", sts.url, &masked);
            let skew_already =
                f.code == Code::ClockSkew && out.findings.iter().any(|x| x.code == Code::ClockSkew);
            let tokenless = f.code == Code::InvalidClientTokenId
                && keys.access_key_id.expose().starts_with("ASIA")
                && keys.session_token.is_none();
            if tokenless {
                if !res
                    .findings
                    .iter()
                    .any(|x| x.code == Code::MissingSessionToken)
                {
                    out.findings.push(Finding::error(
                        Code::MissingSessionToken,
                        format!("{masked} is a temporary key without its session token ({}); the server answered: {}", creds_origin(res), f.message),
                    ));
                }
            } else if !skew_already {
                out.findings.push(f);
            }
            return out;
        }
    };
    let text = |k: &str| node.text_of(k).unwrap_or_default().to_owned();
    let identity = Identity {
        arn: text("Arn"),
        account: text("Account"),
        user_id: text("UserId"),
    };
    if !opts.checks.is_empty() {
        let checks: Vec<CheckRequest> = opts
            .checks
            .iter()
            .map(|c| CheckRequest {
                resource: c.resource.replace(ACCOUNT_PLACEHOLDER, &identity.account),
                ..c.clone()
            })
            .collect();
        let iam = iam_service(res);
        match &opts.simulator {
            None => {
                let who = Who {
                    keys: &keys,
                    profile: None,
                };
                simulate_all(&http, iam, who, &identity.arn, &checks, &mut out).await;
            }
            Some(sim) => match obtain_keys(&sim.resolution, &http, &imds_http, files).await {
                Ok(sim_keys) => {
                    let who = Who {
                        keys: &sim_keys,
                        profile: Some(&sim.profile),
                    };
                    simulate_all(&http, iam, who, &identity.arn, &checks, &mut out).await;
                }
                Err(f) => {
                    let finding = Finding::error(
                        f.code,
                        format!(
                            "--simulate-with-profile {}: its credentials cannot be obtained: {}",
                            sim.profile, f.message
                        ),
                    );
                    not_simulated(&checks, &mut out, finding);
                }
            },
        }
    }
    out.identity = Some(identity);
    out
}

/// Where the base credentials were found, for messages.
fn creds_origin(res: &Resolution) -> String {
    res.credentials
        .as_ref()
        .map(|c| c.location.to_string())
        .unwrap_or_default()
}

fn skew_finding(skew: i64) -> Option<Finding> {
    let direction = if skew > 0 { "behind" } else { "ahead of" };
    let msg = format!(
        "the local clock is {}s {direction} the server's Date header; SigV4 allows 5 minutes on AWS. botocore does not correct skew (the Go and Rust SDKs do): sync the clock (e.g. chrony/NTP)",
        skew.abs()
    );
    if skew.abs() >= SKEW_ERROR_SECONDS {
        Some(Finding::error(Code::ClockSkew, msg))
    } else if skew.abs() >= SKEW_WARNING_SECONDS {
        Some(Finding::warning(Code::ClockSkew, msg))
    } else {
        None
    }
}

/// The ARN `SimulatePrincipalPolicy` accepts for a caller: an assumed-role session becomes
/// its role; root and federated users cannot be simulated (`None`).
pub fn policy_source_arn(caller: &str) -> Option<String> {
    let rest = caller.strip_prefix("arn:")?;
    let mut parts = rest.splitn(5, ':');
    let (partition, service, _region, account, resource) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if service == "sts" {
        let role = resource.strip_prefix("assumed-role/")?.split('/').next()?;
        return Some(format!("arn:{partition}:iam::{account}:role/{role}"));
    }
    if service == "iam" && (resource.starts_with("user/") || resource.starts_with("role/")) {
        return Some(caller.to_owned());
    }
    None
}

/// The identity that calls `SimulatePrincipalPolicy`.
#[derive(Clone, Copy)]
struct Who<'a> {
    keys: &'a StaticCredentials,
    /// `Some` for `--simulate-with-profile`.
    profile: Option<&'a str>,
}

fn check_of(c: &CheckRequest, decision: &str, reason: String) -> Check {
    Check {
        action: c.action.clone(),
        resource: c.resource.clone(),
        decision: decision.to_owned(),
        reason,
        statement: c.statement.clone(),
    }
}

/// Every check as not run, and the one finding that says why.
fn not_simulated(checks: &[CheckRequest], out: &mut LiveReport, finding: Finding) {
    for c in checks {
        out.checks.push(check_of(
            c,
            "error",
            format!("not simulated ({})", finding.code.as_str()),
        ));
    }
    out.findings.push(finding);
}

async fn simulate_all(
    http: &Http,
    iam: Service<'_>,
    who: Who<'_>,
    caller: &str,
    checks: &[CheckRequest],
    out: &mut LiveReport,
) {
    let Some(source) = policy_source_arn(caller) else {
        let root = caller.ends_with(":root");
        for c in checks {
            let (decision, reason) = if root {
                (
                    "allowed",
                    "the account's root user may do everything (not simulated)".to_owned(),
                )
            } else {
                (
                    "error",
                    format!("{caller} cannot be simulated (only users and roles can)"),
                )
            };
            out.checks.push(check_of(c, decision, reason));
        }
        return;
    };
    for (i, c) in checks.iter().enumerate() {
        let mut params = vec![
            ("PolicySourceArn".to_owned(), source.clone()),
            ("ActionNames.member.1".to_owned(), c.action.clone()),
            ("ResourceArns.member.1".to_owned(), c.resource.clone()),
        ];
        if let Some(region) = &c.requested_region {
            let entry = "ContextEntries.member.1";
            params.push((
                format!("{entry}.ContextKeyName"),
                "aws:RequestedRegion".to_owned(),
            ));
            params.push((format!("{entry}.ContextKeyType"), "string".to_owned()));
            params.push((format!("{entry}.ContextKeyValues.member.1"), region.clone()));
        }
        let ex = query::call(
            http,
            iam,
            Some(who.keys),
            "SimulatePrincipalPolicy",
            &params,
        )
        .await;
        match ex.result.as_ref().map(evaluation) {
            Ok(Some((decision, reason))) => {
                if decision != "allowed" {
                    let from = c
                        .statement
                        .as_ref()
                        .map(|s| format!(" — needed by {s}"))
                        .unwrap_or_default();
                    out.findings.push(Finding::error(
                        Code::AccessDenied,
                        format!(
                            "{} on {} is {decision} for {source}: {reason}{from}",
                            c.action, c.resource
                        ),
                    ));
                }
                out.checks.push(check_of(c, &decision, reason));
            }
            Ok(None) | Err(_) => {
                let finding = match ex.result {
                    Err(e) => simulate_failure(&e, iam.url, who, &source, checks.len()),
                    Ok(_) => Finding::error(
                        Code::RequestFailed,
                        "iam:SimulatePrincipalPolicy answered without EvaluationResults",
                    ),
                };
                not_simulated(checks.get(i..).unwrap_or_default(), out, finding);
                return;
            }
        }
    }
    if let Some(p) = who.profile {
        out.findings.push(Finding::info(
            Code::Advice,
            format!("the checks were simulated with the credentials of profile {p} (--simulate-with-profile)"),
        ));
    }
}

fn simulate_failure(e: &CallError, url: &str, who: Who<'_>, source: &str, n: usize) -> Finding {
    let key = who.keys.access_key_id.masked();
    let mut f = query::finding(e, "iam:SimulatePrincipalPolicy", url, &key);
    if f.code == Code::AccessDenied {
        f.code = Code::SimulationDenied;
        f.message = match who.profile {
            None => format!(
                "{}. The caller may not simulate its own policies, so none of the {n} checks ran. \
                 Grant it iam:SimulatePrincipalPolicy on {source}, or run again with \
                 --simulate-with-profile PROFILE, naming a profile whose identity may call \
                 iam:SimulatePrincipalPolicy on {source} (an administrator's, for instance)",
                f.message
            ),
            Some(p) => format!(
                "{}. Profile {p} (--simulate-with-profile) may not simulate {source}, so none of \
                 the {n} checks ran; it needs iam:SimulatePrincipalPolicy on {source}",
                f.message
            ),
        };
    }
    if matches!(e, CallError::Http(HttpError::Unreachable(_))) {
        f.code = Code::EndpointUnreachable;
    }
    f
}

/// Decision and reason of the first evaluation result.
fn evaluation(node: &Node) -> Option<(String, String)> {
    let result = node
        .find("EvaluationResults")?
        .children_named("member")
        .next()?;
    let decision = result.child("EvalDecision")?.text.clone();
    let statements: Vec<String> = result
        .child("MatchedStatements")
        .into_iter()
        .flat_map(|m| m.children_named("member"))
        .map(|s| {
            let id = s.child("SourcePolicyId").map_or("?", |n| n.text.as_str());
            match s.child("SourcePolicyType") {
                Some(t) if !t.text.is_empty() => format!("{id} ({})", t.text),
                _ => id.to_owned(),
            }
        })
        .collect();
    let missing: Vec<&str> = result
        .find("MissingContextValues")
        .into_iter()
        .flat_map(|m| m.children_named("member"))
        .map(|m| m.text.as_str())
        .collect();
    let boundary_denies = result
        .find("AllowedByPermissionsBoundary")
        .is_some_and(|b| b.text == "false");
    let mut reason = match decision.as_str() {
        "allowed" => format!(
            "allowed by {}",
            list_or(&statements, "a matching statement")
        ),
        "explicitDeny" => format!(
            "explicitly denied by {}",
            list_or(&statements, "a Deny statement")
        ),
        _ if boundary_denies => "the permissions boundary does not allow it".to_owned(),
        _ => "no identity-based policy allows it".to_owned(),
    };
    if !missing.is_empty() {
        reason.push_str(&format!("; missing context values: {}", missing.join(", ")));
    }
    Some((decision, reason))
}

fn list_or(items: &[String], fallback: &str) -> String {
    if items.is_empty() {
        fallback.to_owned()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assumed_roles_are_simulated_as_their_role() {
        assert_eq!(
            policy_source_arn("arn:aws:sts::123456789012:assumed-role/deploy/sess").as_deref(),
            Some("arn:aws:iam::123456789012:role/deploy")
        );
        assert_eq!(
            policy_source_arn("arn:aws:iam::123456789012:user/alice").as_deref(),
            Some("arn:aws:iam::123456789012:user/alice")
        );
        assert_eq!(policy_source_arn("arn:aws:iam::123456789012:root"), None);
    }

    #[test]
    fn skew_thresholds() {
        assert_eq!(skew_finding(5), None);
        assert_eq!(
            skew_finding(-90).map(|f| f.severity),
            Some(crate::model::Severity::Warning)
        );
        assert_eq!(
            skew_finding(900).map(|f| f.severity),
            Some(crate::model::Severity::Error)
        );
    }
}
