//! `keyward keys audit`: review every IAM user's access keys for age, use and rotation.

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use keyward_doctor::audit::{self, AuditReport, Rules};
use keyward_doctor::live;
use keyward_doctor::{resolve_here, Overrides, RealFileSystem};
use time::{Duration, OffsetDateTime};

/// Flags of `keyward keys`.
#[derive(Args, Debug)]
pub struct KeysArgs {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(Subcommand, Debug)]
enum KeysCommand {
    /// List every user's access keys and report old, unused and doubled keys and root keys.
    Audit(AuditArgs),
}

/// Output formats of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Output {
    /// Aligned columns.
    Table,
    /// `{"keys": [...], "findings": [...], "notes": [...]}`.
    Json,
}

#[derive(Args, Debug)]
struct AuditArgs {
    /// Endpoint to audit instead of the resolved one (resolved as `keyward doctor` resolves
    /// it: `AWS_ENDPOINT_URL_IAM`, `AWS_ENDPOINT_URL`, the profile's `services` and
    /// `endpoint_url`).
    #[arg(long)]
    endpoint_url: Option<String>,
    /// Profile for the credentials, like `aws --profile`.
    #[arg(long)]
    profile: Option<String>,
    /// Region to use instead of the resolved one.
    #[arg(long)]
    region: Option<String>,
    /// Keys older than this are findings: days as `90d` or `90`.
    #[arg(long, default_value = "90d", value_parser = parse_days)]
    max_age: i64,
    /// Active keys unused (or never used) for this many days are findings.
    #[arg(long, default_value_t = 30)]
    unused_days: i64,
    /// Report format.
    #[arg(long, value_enum, default_value = "table")]
    output: Output,
}

fn parse_days(s: &str) -> Result<i64, String> {
    s.trim_end_matches('d')
        .parse::<i64>()
        .ok()
        .filter(|d| *d >= 0)
        .ok_or_else(|| format!("`{s}` is not a number of days such as 90d"))
}

/// Runs a `keyward keys` subcommand; exit status 1 on findings or failure.
pub async fn run(args: KeysArgs) -> ExitCode {
    match args.command {
        KeysCommand::Audit(a) => audit_cmd(a).await,
    }
}

async fn audit_cmd(args: AuditArgs) -> ExitCode {
    let files = RealFileSystem;
    let overrides = Overrides {
        profile: args.profile.clone(),
        region: args.region.clone(),
        endpoint_url: args.endpoint_url.clone(),
    };
    let now = OffsetDateTime::now_utc();
    let (_, res) = resolve_here(&overrides);
    let fail = |f: keyward_doctor::Finding| {
        eprintln!(
            "keyward keys audit: {} ({}); `keyward doctor` explains the set-up",
            f.message,
            f.code.as_str()
        );
        ExitCode::FAILURE
    };
    let (http, imds_http) = match live::clients(
        std::time::Duration::from_secs(2),
        std::time::Duration::from_secs(5),
    ) {
        Ok(c) => c,
        Err(f) => return fail(f),
    };
    let keys = match live::obtain_keys(&res, &http, &imds_http, &files).await {
        Ok(k) => k,
        Err(f) => return fail(f),
    };
    let iam = live::iam_service(&res);
    let rules = Rules {
        max_age: Duration::days(args.max_age),
        unused: Duration::days(args.unused_days),
    };
    let mut report = match audit::audit(&http, iam, &keys, rules, now).await {
        Ok(r) => r,
        Err(f) => return fail(f),
    };
    report.notes.push(format!(
        "audited {} (from {})",
        res.iam_endpoint.value, res.iam_endpoint.location
    ));
    match args.output {
        Output::Json => match serde_json::to_string_pretty(&report) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("keyward keys audit: {e}");
                return ExitCode::FAILURE;
            }
        },
        Output::Table => print!("{}", table(&report)),
    }
    if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn table(r: &AuditReport) -> String {
    let mut out = format!(
        "{:<24} {:<22} {:<9} {:>8}  {:<22} {}\n",
        "USER", "ACCESS KEY", "STATUS", "AGE (d)", "LAST USED", "SERVICE"
    );
    for k in &r.keys {
        out.push_str(&format!(
            "{:<24} {:<22} {:<9} {:>8}  {:<22} {}\n",
            k.user,
            k.access_key_id,
            k.status,
            k.age_days,
            k.last_used.as_deref().unwrap_or("never"),
            k.last_used_service.as_deref().unwrap_or("-")
        ));
    }
    out.push('\n');
    if r.findings.is_empty() {
        out.push_str("no findings\n");
    }
    for f in &r.findings {
        let code = serde_json::to_value(f.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!(
            "{code:<18} {:<24} {:<22} {}\n",
            f.user,
            f.access_key_id.as_deref().unwrap_or("-"),
            f.message
        ));
    }
    for n in &r.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}
