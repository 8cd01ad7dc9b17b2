//! `keyward exec`: runs a command with a role's session credentials in its environment, as
//! Lambda hands an execution role to code and as aws-vault does for people.

use std::process::ExitCode;

use keyward_doctor::live::obtain;
use keyward_doctor::live::query::{Service, ServiceName};
use keyward_doctor::model::Location;
use keyward_doctor::{resolve, Environment, Input, Overrides, RealFileSystem};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::api_client;

/// Variables that would make the command's SDK look past the credentials handed to it.
const CLEARED: [&str; 5] = [
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_ROLE_ARN",
    "AWS_ROLE_SESSION_NAME",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
];

/// Flags of `keyward exec`.
#[derive(clap::Args)]
pub struct ExecArgs {
    /// The role to assume.
    #[arg(long)]
    role: String,
    /// The external id the role's trust policy asks for.
    #[arg(long)]
    external_id: Option<String>,
    /// How long the session lasts: seconds, or `15m`, `1h` (AWS: 15 minutes up to the role's
    /// maximum session duration). Default: AWS's, one hour.
    #[arg(long, value_parser = crate::defaults::parse_duration)]
    duration: Option<i64>,
    /// The role session name. Default: keyward-exec-UNIX_TIME.
    #[arg(long)]
    session_name: Option<String>,
    /// The profile whose credentials assume the role (else the usual chain: environment,
    /// AWS_PROFILE, default profile).
    #[arg(long)]
    profile: Option<String>,
    /// The STS endpoint. Default: AWS_ENDPOINT_URL, or the profile's endpoint_url.
    #[arg(long)]
    endpoint_url: Option<String>,
    /// The MFA device the role's trust policy asks for.
    #[arg(long, requires = "token_code")]
    serial_number: Option<String>,
    /// The device's current code.
    #[arg(long, requires = "serial_number")]
    token_code: Option<String>,
    /// The command and its arguments.
    #[arg(last = true, required = true, num_args = 1..)]
    command: Vec<String>,
}

/// The variables that hand the session to the command.
struct Session {
    variables: Vec<(&'static str, String)>,
}

/// Runs `keyward exec`: the command's exit status, or 1 when no session could be had.
pub async fn run(args: ExecArgs) -> ExitCode {
    let session = match assume(&args).await {
        Ok(session) => session,
        Err(message) => {
            eprintln!("keyward exec: {message}");
            return ExitCode::FAILURE;
        }
    };
    let Some((program, rest)) = args.command.split_first() else {
        return ExitCode::FAILURE;
    };
    let mut command = tokio::process::Command::new(program);
    command.args(rest);
    for name in CLEARED {
        command.env_remove(name);
    }
    command.envs(session.variables);
    let child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("keyward exec: cannot run {program}: {e}");
            return ExitCode::from(127);
        }
    };
    match supervise(child).await {
        Ok(status) => ExitCode::from(exit_code(status)),
        Err(e) => {
            eprintln!("keyward exec: {program}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Waits for the command, staying alive while it does: Ctrl-C reaches the command from the
/// terminal itself, and SIGTERM or SIGHUP sent to keyward are passed on, so the command's own
/// exit status is what keyward reports.
async fn supervise(mut child: tokio::process::Child) -> std::io::Result<std::process::ExitStatus> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let pid = child
        .id()
        .and_then(|id| i32::try_from(id).ok())
        .and_then(rustix::process::Pid::from_raw);
    let forward = |sig| {
        if let Some(pid) = pid {
            // The command may have exited meanwhile; then there is nothing to tell.
            let _ = rustix::process::kill_process(pid, sig);
        }
    };
    loop {
        tokio::select! {
            status = child.wait() => return status,
            _ = interrupt.recv() => {}
            _ = terminate.recv() => forward(rustix::process::Signal::TERM),
            _ = hangup.recv() => forward(rustix::process::Signal::HUP),
        }
    }
}

/// A child's status as a shell reports it: its code, or 128 + the signal that ended it.
fn exit_code(status: std::process::ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt as _;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .and_then(|c| u8::try_from(c).ok())
        .unwrap_or(1)
}

async fn assume(args: &ExecArgs) -> Result<Session, String> {
    let env = Environment::from_process();
    let files = RealFileSystem;
    let overrides = Overrides {
        profile: args.profile.clone(),
        region: None,
        endpoint_url: args.endpoint_url.clone(),
    };
    let res = resolve(&Input {
        env: &env,
        files: &files,
        overrides: &overrides,
        now: OffsetDateTime::now_utc(),
    });
    let creds = res.credentials.as_ref().ok_or_else(|| {
        "no credentials to assume the role with (run `keyward doctor` to see why)".to_owned()
    })?;
    let region = res
        .region
        .as_ref()
        .map_or("us-east-1", |r| r.value.as_str())
        .to_owned();
    let endpoint = res.sts_endpoint.value.clone();
    let http = api_client::client()?;
    let imds_http = api_client::client()?;
    let ctx = obtain::Context {
        http: &http,
        imds_http: &imds_http,
        sts: Service {
            url: &endpoint,
            region: &region,
            name: ServiceName::Sts,
        },
        files: &files,
    };
    let base = obtain::obtain(&ctx, creds)
        .await
        .map_err(|finding| finding.message)?;
    let session_name = args.session_name.clone().unwrap_or_else(|| {
        format!(
            "keyward-exec-{}",
            OffsetDateTime::now_utc().unix_timestamp()
        )
    });
    let mut params = vec![
        ("RoleArn".to_owned(), args.role.clone()),
        ("RoleSessionName".to_owned(), session_name),
    ];
    let optional = [
        ("ExternalId", args.external_id.clone()),
        ("DurationSeconds", args.duration.map(|d| d.to_string())),
        ("SerialNumber", args.serial_number.clone()),
        ("TokenCode", args.token_code.clone()),
    ];
    params.extend(
        optional
            .into_iter()
            .filter_map(|(name, value)| value.map(|v| (name.to_owned(), v))),
    );
    let result = api_client::call(
        &http,
        &endpoint,
        &region,
        ServiceName::Sts,
        &base,
        "AssumeRole",
        &params,
    )
    .await?;
    let credentials = result
        .find("Credentials")
        .ok_or_else(|| "AssumeRole answered without credentials".to_owned())?;
    let field = |name: &str| {
        credentials
            .text_of(name)
            .map(str::to_owned)
            .ok_or_else(|| format!("AssumeRole answered without {name}"))
    };
    let mut variables = vec![
        ("AWS_ACCESS_KEY_ID", field("AccessKeyId")?),
        ("AWS_SECRET_ACCESS_KEY", field("SecretAccessKey")?),
        ("AWS_SESSION_TOKEN", field("SessionToken")?),
        ("AWS_REGION", region.clone()),
        ("AWS_DEFAULT_REGION", region),
    ];
    if let Ok(expiration) = field("Expiration") {
        if OffsetDateTime::parse(&expiration, &Rfc3339).is_ok() {
            variables.push(("AWS_CREDENTIAL_EXPIRATION", expiration));
        }
    }
    // Only a chosen endpoint is passed on: AWS's own is per service, and the SDKs know it.
    if !matches!(res.sts_endpoint.location, Location::Default(_)) {
        variables.push(("AWS_ENDPOINT_URL", endpoint));
    }
    Ok(Session { variables })
}

#[cfg(test)]
mod tests {
    use std::os::unix::process::ExitStatusExt as _;
    use std::process::ExitStatus;

    #[test]
    fn exit_codes_are_the_shell_s() {
        assert_eq!(super::exit_code(ExitStatus::from_raw(0)), 0);
        assert_eq!(super::exit_code(ExitStatus::from_raw(3 << 8)), 3);
        // Killed by SIGTERM (15).
        assert_eq!(super::exit_code(ExitStatus::from_raw(15)), 143);
    }
}
