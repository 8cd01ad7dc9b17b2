//! The doctor's output: the stable JSON schema, and the human report with optional colours.

use std::fmt::Write as _;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::live::{Check, Identity, LiveReport};
use crate::model::{
    Code, CredentialPlan, Finding, Location, Outcome, ResolvedCredentials, Severity, Source,
};
use crate::resolve::{human_duration, Resolution};

/// `credentials` of the JSON schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CredentialsJson {
    /// Provider.
    pub source: Option<Source>,
    /// Profile read, if any.
    pub profile: Option<String>,
    /// Masked key id (first 4, last 4).
    pub access_key_id: Option<String>,
    /// Variable name or `file:line`.
    pub location: Option<String>,
    /// RFC 3339 expiry of temporary credentials.
    pub expires_at: Option<String>,
}

/// `region` of the JSON schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionJson {
    /// Region name.
    pub value: Option<String>,
    /// Variable, `file:line` or flag.
    pub source: Option<String>,
}

/// `endpoint` of the JSON schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EndpointJson {
    /// STS endpoint URL.
    pub url: String,
    /// Variable, `file:line`, flag or default.
    pub source: String,
}

/// The whole report, in the stable schema `--output json` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Credentials.
    pub credentials: CredentialsJson,
    /// Region.
    pub region: RegionJson,
    /// Endpoint.
    pub endpoint: EndpointJson,
    /// Caller identity, when checked.
    pub identity: Option<Identity>,
    /// Server minus local clock, when measured.
    pub clock_skew_seconds: Option<i64>,
    /// Simulated actions.
    pub checks: Vec<Check>,
    /// Findings, errors first; SDK differences appear as `sdk-difference` infos.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Assembles the report from the offline resolution and, if run, the live checks.
    pub fn build(res: &Resolution, live: Option<&LiveReport>) -> Report {
        let creds = res.credentials.as_ref();
        let key = live
            .and_then(|l| l.access_key_id.clone())
            .or_else(|| creds.and_then(|c| c.access_key_id().cloned()));
        let expires = live
            .and_then(|l| l.expires_at)
            .or_else(|| creds.and_then(|c| c.expires_at()));
        let mut findings: Vec<Finding> = res.findings.clone();
        if let Some(l) = live {
            findings.extend(l.findings.iter().cloned());
        }
        findings.extend(res.differences.iter().map(|d| {
            Finding::info(
                Code::SdkDifference,
                format!("{}: {}: {}", d.sdk.as_str(), d.topic, d.detail),
            )
        }));
        findings.sort_by_key(|f| f.severity);
        Report {
            credentials: CredentialsJson {
                source: creds.map(|c| c.source),
                profile: creds.and_then(|c| c.profile.clone()),
                access_key_id: key.map(|k| k.masked()),
                location: creds.map(|c| c.location.to_string()),
                expires_at: expires.and_then(|e| e.format(&Rfc3339).ok()),
            },
            region: RegionJson {
                value: res.region.as_ref().map(|r| r.value.clone()),
                source: res.region.as_ref().map(|r| r.location.to_string()),
            },
            endpoint: EndpointJson {
                url: res.sts_endpoint.value.clone(),
                source: res.sts_endpoint.location.to_string(),
            },
            identity: live.and_then(|l| l.identity.clone()),
            clock_skew_seconds: live.and_then(|l| l.clock_skew_seconds),
            checks: live.map(|l| l.checks.clone()).unwrap_or_default(),
            findings,
        }
    }

    /// Whether any finding is an error: the doctor then exits 1.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Whether to colour the human report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours on.
    pub color: bool,
}

impl Style {
    /// Colours only on a terminal and when `NO_COLOR` is unset or empty (no-color.org).
    pub fn detect(is_terminal: bool, no_color: Option<&str>) -> Style {
        Style {
            color: is_terminal && no_color.is_none_or(str::is_empty),
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(self, t: &str) -> String {
        self.paint("1", t)
    }

    fn dim(self, t: &str) -> String {
        self.paint("2", t)
    }

    fn severity(self, s: Severity) -> String {
        match s {
            Severity::Error => self.paint("31;1", "error  "),
            Severity::Warning => self.paint("33;1", "warning"),
            Severity::Info => self.paint("36", "info   "),
        }
    }
}

/// The human report. `now` dates the expiry countdown.
pub fn render(report: &Report, res: &Resolution, style: Style, now: OffsetDateTime) -> String {
    let mut o = String::new();
    let none = style.dim("(none)");
    let c = &report.credentials;
    let _ = writeln!(o, "{}", style.bold("Credentials"));
    let source = match (&c.source, &c.profile) {
        (Some(s), Some(p)) => format!(
            "{} {}",
            style.paint("32;1", s.as_str()),
            style.dim(&format!("(profile {p})"))
        ),
        (Some(s), None) => style.paint("32;1", s.as_str()),
        (None, _) => style.paint("31;1", "none found"),
    };
    row(&mut o, "source", &source);
    row(
        &mut o,
        "profile",
        &format!(
            "{} {}",
            res.profile.value,
            style.dim(&origin(&res.profile.location))
        ),
    );
    for (i, f) in [&res.files.config, &res.files.credentials]
        .into_iter()
        .flatten()
        .enumerate()
    {
        let state = if f.found { "" } else { ", not found" };
        let line = format!(
            "{} {}",
            f.path,
            style.dim(&format!("({}{state})", f.chosen_by))
        );
        row(&mut o, if i == 0 { "files" } else { "" }, &line);
    }
    row(&mut o, "location", c.location.as_deref().unwrap_or(&none));
    row(
        &mut o,
        "access key",
        c.access_key_id.as_deref().unwrap_or(&none),
    );
    if let Some(exp) = &c.expires_at {
        let left = OffsetDateTime::parse(exp, &Rfc3339).ok().map(|e| e - now);
        let when = match left {
            Some(l) if l.is_positive() => format!("{exp} (in {})", human_duration(l)),
            Some(l) => format!("{exp} ({} ago)", human_duration(-l)),
            None => exp.clone(),
        };
        row(&mut o, "expires", &when);
    }
    if let Some(rc) = res
        .credentials
        .as_ref()
        .filter(|r| !matches!(r.plan, CredentialPlan::Static(_)))
    {
        for (i, line) in plan_lines(rc).iter().enumerate() {
            row(&mut o, if i == 0 { "via" } else { "" }, line);
        }
    }
    for (i, a) in res.attempts.iter().enumerate() {
        let (mark, why) = match &a.outcome {
            Outcome::Chosen => (style.paint("32", "chosen "), String::new()),
            Outcome::Skipped(w) => (style.dim("skipped"), style.dim(w)),
            Outcome::Failed(w) => (style.paint("31", "failed "), w.clone()),
        };
        let label = if i == 0 { "chain" } else { "" };
        row(
            &mut o,
            label,
            format!("{:<30} {mark} {why}", a.provider).trim_end(),
        );
    }
    let _ = writeln!(o);
    let region = match &res.region {
        Some(r) => format!("{} {}", r.value, style.dim(&origin(&r.location))),
        None => style.paint("31;1", "none"),
    };
    let _ = writeln!(o, "{:<14}{region}", style.bold("Region"));
    let _ = writeln!(
        o,
        "{:<14}{} {}",
        style.bold("Endpoint"),
        report.endpoint.url,
        style.dim(&origin(&res.sts_endpoint.location))
    );
    if let Some(id) = &report.identity {
        let _ = writeln!(o, "\n{}", style.bold("Identity"));
        row(&mut o, "arn", &id.arn);
        row(&mut o, "account", &id.account);
        row(&mut o, "user id", &id.user_id);
    }
    if let Some(skew) = report.clock_skew_seconds {
        row(
            &mut o,
            "clock skew",
            &format!("{skew}s (server minus local)"),
        );
    }
    if !report.checks.is_empty() {
        let _ = writeln!(o, "\n{}", style.bold("Checks"));
        let mut group: Option<&str> = None;
        for ch in &report.checks {
            if ch.statement.as_deref() != group {
                group = ch.statement.as_deref();
                if let Some(st) = group {
                    let _ = writeln!(o, "  {}", style.dim(&format!("from {st}:")));
                }
            }
            let decision = match ch.decision.as_str() {
                "allowed" => style.paint("32", &format!("{:<13}", ch.decision)),
                d => style.paint("31", &format!("{d:<13}")),
            };
            let indent = if group.is_some() { "    " } else { "  " };
            let _ = writeln!(
                o,
                "{indent}{decision} {} on {}  {}",
                ch.action,
                ch.resource,
                style.dim(&ch.reason)
            );
        }
    }
    if !res.differences.is_empty() {
        let _ = writeln!(o, "\n{}", style.bold("Where other SDKs differ"));
        for d in &res.differences {
            let _ = writeln!(o, "  {:<9}{:<12}{}", d.sdk.as_str(), d.topic, d.detail);
        }
    }
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code != Code::SdkDifference)
        .collect();
    let _ = writeln!(o, "\n{}", style.bold("Findings"));
    if findings.is_empty() {
        let _ = writeln!(o, "  {}", style.paint("32", "none: all checks passed"));
    }
    for f in findings {
        let _ = writeln!(
            o,
            "  {} {:<28} {}",
            style.severity(f.severity),
            f.code.as_str(),
            f.message
        );
    }
    o
}

/// `(from AWS_PROFILE)`, `(from ~/.aws/config:3)`, or a default's description as is.
fn origin(l: &Location) -> String {
    match l {
        Location::Default(what) => format!("({what})"),
        other => format!("(from {other})"),
    }
}

/// How the chosen provider gets its keys, hop by hop down to the base credentials.
fn plan_lines(rc: &ResolvedCredentials) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = rc;
    loop {
        let at = match &current.profile {
            Some(p) => format!("profile {p}, {}", current.location),
            None => current.location.to_string(),
        };
        let line = match &current.plan {
            CredentialPlan::AssumeRole(hop) => {
                let mut extra = String::new();
                if hop.external_id.is_some() {
                    extra.push_str(", with external_id");
                }
                if hop.mfa_serial.is_some() {
                    extra.push_str(", with MFA");
                }
                format!("assume {} ({at}{extra})", hop.role_arn)
            }
            CredentialPlan::Static(k) => {
                format!("{} {} ({at})", current.source, k.access_key_id.masked())
            }
            CredentialPlan::WebIdentity {
                role_arn,
                token_file,
                ..
            } => format!("assume {role_arn} with the web identity token in {token_file} ({at})"),
            CredentialPlan::Process { command } => {
                let program = command.split_whitespace().next().unwrap_or_default();
                format!("run credential_process {program} … ({at})")
            }
            CredentialPlan::Sso {
                account_id,
                role_name,
                start_url,
                ..
            } => format!(
                "IAM Identity Center role {role_name} in {account_id} via {start_url} ({at})"
            ),
            CredentialPlan::Container { url, authorization } => {
                let auth = if authorization.is_some() {
                    " with an Authorization token"
                } else {
                    ""
                };
                format!("GET {url}{auth} ({at})")
            }
            CredentialPlan::Imds { endpoint } => format!("IMDSv2 at {endpoint} ({at})"),
        };
        lines.push(line);
        match &current.plan {
            CredentialPlan::AssumeRole(hop) => current = &hop.source,
            _ => return lines,
        }
    }
}

fn row(o: &mut String, label: &str, value: &str) {
    let _ = writeln!(o, "  {label:<12}{value}");
}
