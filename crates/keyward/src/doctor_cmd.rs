//! `keyward doctor`: explain which credentials, region and endpoint are in use and check them
//! live against the endpoint.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use keyward_doctor::live::{self, CheckRequest, Simulator};
use keyward_doctor::report::{self, Report, Style};
use keyward_doctor::{resolve_here, workloads, Overrides, RealFileSystem, Resolution};
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
    /// Amazon Keyspaces, read-only (Cassandra).
    Keyspaces,
    /// Amazon Bedrock (invoking a foundation model).
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
    /// Region to use instead of the resolved one (also the region of a workload's resources).
    #[arg(long)]
    region: Option<String>,
    /// Simulate this action for the caller (repeatable), e.g. `s3:GetObject`.
    #[arg(long = "action", value_name = "ACTION")]
    actions: Vec<String>,
    /// Resource ARN of the `--action` checks (default `*`); workloads take --bucket & co.
    #[arg(long, value_name = "ARN")]
    resource: Option<String>,
    /// Simulate what a guide's own policy grants, action by action on its resources.
    #[arg(long, value_enum)]
    workload: Option<Workload>,
    /// The results bucket of `--workload braket` (default: the guide's
    /// `your-braket-results-bucket`).
    #[arg(long, value_name = "NAME")]
    bucket: Option<String>,
    /// The keyspace of `--workload keyspaces` (default `mykeyspace`).
    #[arg(long, value_name = "NAME")]
    keyspace: Option<String>,
    /// The foundation model id of `--workload bedrock` (default: the guide's
    /// `anthropic.claude-3-haiku-20240307-v1:0`).
    #[arg(long, value_name = "MODEL_ID")]
    model: Option<String>,
    /// Simulate with this profile's identity, for callers that may not simulate themselves; it
    /// needs `iam:SimulatePrincipalPolicy` on the caller.
    #[arg(long, value_name = "PROFILE")]
    simulate_with_profile: Option<String>,
    /// Resolve only; make no network call and run no credential_process.
    #[arg(long)]
    offline: bool,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    output: Output,
}

/// The checks the flags ask for, or why the flags do not make sense together.
fn planned_checks(args: &DoctorArgs, res: &Resolution) -> Result<Vec<CheckRequest>, String> {
    if args.resource.is_some() && args.actions.is_empty() {
        return Err(
            "--resource is the resource of the --action checks, and no --action is \
                    given; a workload's resources come from --bucket, --keyspace, --model and \
                    --region"
                .to_owned(),
        );
    }
    let resource = args.resource.clone().unwrap_or_else(|| "*".to_owned());
    let mut checks: Vec<CheckRequest> = args
        .actions
        .iter()
        .map(|a| CheckRequest {
            action: a.clone(),
            resource: resource.clone(),
            statement: None,
            requested_region: None,
        })
        .collect();
    let mut given = BTreeMap::new();
    for (name, value) in [
        ("bucket", &args.bucket),
        ("keyspace", &args.keyspace),
        ("model", &args.model),
    ] {
        if let Some(v) = value {
            given.insert(name.to_owned(), v.clone());
        }
    }
    let Some(w) = args.workload else {
        if let Some(name) = given.keys().next() {
            return Err(format!(
                "--{name} is a parameter of a workload; add --workload (braket takes --bucket, \
                 keyspaces --keyspace, bedrock --model)"
            ));
        }
        return Ok(checks);
    };
    let workload = workloads::get(w.name())
        .ok_or_else(|| format!("the {} workload's data is missing", w.name()))?;
    if let Some(r) = &res.region {
        if workload.parameters.contains_key("region") {
            given.insert("region".to_owned(), r.value.clone());
        }
    }
    let region = given
        .get("region")
        .or_else(|| workload.parameters.get("region"))
        .cloned();
    let planned = workload.plan(w.name(), &given).map_err(|e| e.to_string())?;
    checks.extend(planned.into_iter().map(|p| CheckRequest {
        action: p.action,
        resource: p.resource,
        statement: Some(p.statement),
        requested_region: region.clone(),
    }));
    Ok(checks)
}

/// Runs the doctor; exit status 1 when any finding is an error.
pub async fn doctor(args: DoctorArgs) -> ExitCode {
    let files = RealFileSystem;
    let overrides = Overrides {
        profile: args.profile.clone(),
        region: args.region.clone(),
        endpoint_url: args.endpoint_url.clone(),
    };
    let (env, resolution) = resolve_here(&overrides);
    let checks = match planned_checks(&args, &resolution) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("keyward doctor: {e}");
            return ExitCode::FAILURE;
        }
    };
    let simulator = match &args.simulate_with_profile {
        Some(_) if checks.is_empty() => {
            eprintln!(
                "keyward doctor: --simulate-with-profile simulates the --action or --workload \
                 checks, and none is given"
            );
            return ExitCode::FAILURE;
        }
        Some(p) => {
            let (_, resolution) = resolve_here(&Overrides {
                profile: Some(p.clone()),
                ..overrides.clone()
            });
            Some(Simulator {
                profile: p.clone(),
                resolution,
            })
        }
        None => None,
    };
    let live_report = if args.offline {
        None
    } else {
        let opts = live::Options {
            checks,
            simulator,
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
