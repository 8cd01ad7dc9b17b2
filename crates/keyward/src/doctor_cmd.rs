//! `keyward doctor`: explain which credentials, region and endpoint are in use and check them
//! live against the endpoint.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use keyward_doctor::live::{self, CheckRequest};
use keyward_doctor::report::{self, Report, Style};
use keyward_doctor::{resolve, workloads, Environment, Input, Overrides, RealFileSystem};
use time::OffsetDateTime;

/// Output formats of the doctor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// The readable report (coloured on a terminal unless `NO_COLOR` is set).
    Text,
    /// The stable JSON schema.
    Json,
}

/// Permission sets of the guides, checked with `--workload`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Workload {
    /// Amazon Braket (quantum tasks, results bucket, pricing).
    Braket,
    /// Amazon Keyspaces (Cassandra).
    Keyspaces,
    /// Amazon Bedrock (foundation models).
    Bedrock,
}

impl Workload {
    fn name(self) -> &'static str {
        match self {
            Workload::Braket => "braket",
            Workload::Keyspaces => "keyspaces",
            Workload::Bedrock => "bedrock",
        }
    }
}

/// Flags of `keyward doctor`.
#[derive(Args, Debug)]
pub struct DoctorArgs {
    /// Use this profile, like `aws --profile` (environment keys are then ignored).
    #[arg(long)]
    profile: Option<String>,
    /// Send the live checks here instead of the resolved endpoint.
    #[arg(long)]
    endpoint_url: Option<String>,
    /// Region to use instead of the resolved one.
    #[arg(long)]
    region: Option<String>,
    /// Simulate this action for the caller (repeatable), e.g. `s3:GetObject`.
    #[arg(long = "action", value_name = "ACTION")]
    actions: Vec<String>,
    /// Resource ARN for every `--action` (default `*`).
    #[arg(long, value_name = "ARN", requires = "actions")]
    resource: Option<String>,
    /// Simulate the permissions a guide's workload needs.
    #[arg(long, value_enum)]
    workload: Option<Workload>,
    /// Resolve only; make no network call and run no credential_process.
    #[arg(long)]
    offline: bool,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    output: Output,
}

/// Runs the doctor; exit status 1 when any finding is an error.
pub async fn doctor(args: DoctorArgs) -> ExitCode {
    let env = Environment::from_process();
    let files = RealFileSystem;
    let overrides = Overrides {
        profile: args.profile.clone(),
        region: args.region.clone(),
        endpoint_url: args.endpoint_url.clone(),
    };
    let input = Input {
        env: &env,
        files: &files,
        overrides: &overrides,
        now: OffsetDateTime::now_utc(),
    };
    let resolution = resolve(&input);
    let resource = args.resource.clone().unwrap_or_else(|| "*".to_owned());
    let mut checks: Vec<CheckRequest> = args
        .actions
        .iter()
        .map(|a| CheckRequest {
            action: a.clone(),
            resource: resource.clone(),
        })
        .collect();
    if let Some(w) = args.workload {
        let actions = workloads::get(w.name())
            .map(|w| w.actions)
            .unwrap_or_default();
        checks.extend(actions.into_iter().map(|action| CheckRequest {
            action,
            resource: "*".to_owned(),
        }));
    }
    let live_report = if args.offline {
        None
    } else {
        let opts = live::Options {
            checks,
            ..live::Options::default()
        };
        Some(live::run(&resolution, &files, &opts).await)
    };
    let report = Report::build(&resolution, live_report.as_ref());
    match args.output {
        Output::Json => match serde_json::to_string_pretty(&report) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("keyward doctor: cannot encode the report: {e}");
                return ExitCode::FAILURE;
            }
        },
        Output::Text => {
            let style = Style::detect(std::io::stdout().is_terminal(), env.raw("NO_COLOR"));
            print!(
                "{}",
                report::render(&report, &resolution, style, OffsetDateTime::now_utc())
            );
        }
    }
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
