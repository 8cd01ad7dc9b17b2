//! `keyward configure`: writes a profile for a running Keyward into the user's shared AWS
//! files, as `aws configure` would, so the guides' own profiles keep working beside it.

use std::io::{BufRead as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use keyward_doctor::live::query::ServiceName;

use crate::api_client;
use crate::aws_files::{self, FileKind};

/// Flags of `keyward configure`.
#[derive(clap::Args)]
pub struct ConfigureArgs {
    /// The profile to write (`default` writes `[default]`).
    #[arg(long, default_value = "keyward")]
    profile: String,
    /// The running server's URL, written as the profile's `endpoint_url`.
    #[arg(long, default_value = "http://127.0.0.1:4577")]
    endpoint_url: String,
    /// The profile's region.
    #[arg(long, default_value = "us-east-1")]
    region: String,
    /// Give the profile a new access key of this IAM user (created through the API with the
    /// root keys) instead of the root keys.
    #[arg(long)]
    user: Option<String>,
    /// The server's data directory, whose `root-credentials` file holds the root keys.
    /// Default: $XDG_DATA_HOME/keyward, or ~/.local/share/keyward.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Write without asking.
    #[arg(long, short = 'y')]
    yes: bool,
    /// Replace the profile if either file already has it.
    #[arg(long)]
    force: bool,
}

/// A failure, already worded for the user.
struct Failure(String);

/// Runs `keyward configure`; exit status 1 when nothing was written.
pub async fn run(args: ConfigureArgs) -> ExitCode {
    match configure(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("keyward configure: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The root keys: from `DATA_DIR/root-credentials`, else the variables the server was
/// started with.
fn root_keys(data_dir: &Path) -> Result<(String, String), Failure> {
    let path = data_dir.join("root-credentials");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let value = |key: &str| {
                text.lines()
                    .filter_map(|line| line.split_once('='))
                    .find(|(k, _)| k.trim() == key)
                    .map(|(_, v)| v.trim().to_owned())
            };
            value("aws_access_key_id")
                .zip(value("aws_secret_access_key"))
                .ok_or_else(|| Failure(format!("{} has no root access key", path.display())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
            var("KEYWARD_ROOT_ACCESS_KEY_ID")
                .zip(var("KEYWARD_ROOT_SECRET_ACCESS_KEY"))
                .ok_or_else(|| {
                    Failure(format!(
                        "no root credentials: {} does not exist (a server started with \
                         KEYWARD_ROOT_ACCESS_KEY_ID writes none; set that and \
                         KEYWARD_ROOT_SECRET_ACCESS_KEY here too, or pass the server's --data-dir)",
                        path.display()
                    ))
                })
        }
        Err(e) => Err(Failure(format!("{}: {e}", path.display()))),
    }
}

fn file_path(kind: FileKind) -> Result<PathBuf, Failure> {
    kind.path().ok_or_else(|| {
        Failure("HOME is not set (nor AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)".to_owned())
    })
}

/// Asks on the terminal; anything but y/yes (or no answer) declines.
fn confirmed() -> bool {
    eprint!("Write this profile? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

async fn configure(args: ConfigureArgs) -> Result<(), Failure> {
    let data_dir = args
        .data_dir
        .clone()
        .or_else(crate::defaults::default_data_dir)
        .ok_or_else(|| Failure("no --data-dir, and HOME is not set".to_owned()))?;
    let (root_id, root_secret) = root_keys(&data_dir)?;
    let config_path = file_path(FileKind::Config)?;
    let credentials_path = file_path(FileKind::Credentials)?;
    let io = |path: &Path, e: std::io::Error| Failure(format!("{}: {e}", path.display()));
    let config_text = aws_files::read(&config_path).map_err(|e| io(&config_path, e))?;
    let credentials_text =
        aws_files::read(&credentials_path).map_err(|e| io(&credentials_path, e))?;
    for (path, text, kind) in [
        (&config_path, &config_text, FileKind::Config),
        (&credentials_path, &credentials_text, FileKind::Credentials),
    ] {
        if aws_files::has_profile(text, kind, &args.profile) && !args.force {
            return Err(Failure(format!(
                "{} already has profile {}; pass --force to replace it, or choose another \
                 --profile",
                path.display(),
                args.profile
            )));
        }
    }

    let http = api_client::client().map_err(Failure)?;
    let root = api_client::keys(&root_id, &root_secret);
    let identity = api_client::call(
        &http,
        &args.endpoint_url,
        &args.region,
        ServiceName::Sts,
        &root,
        "GetCallerIdentity",
        &[],
    )
    .await
    .map_err(|e| {
        Failure(format!(
            "the root keys of {} do not work: {e}",
            data_dir.display()
        ))
    })?;
    let account = identity.text_of("Account").unwrap_or_default().to_owned();

    let whose = match &args.user {
        Some(user) => format!("a new access key of IAM user {user}"),
        None => format!("the root user's key {root_id}"),
    };
    println!(
        "Profile {} for Keyward at {} (account {account}), with {whose}:",
        args.profile, args.endpoint_url
    );
    println!("  {}", config_path.display());
    println!("    {}", FileKind::Config.header(&args.profile));
    println!("    region = {}", args.region);
    println!("    endpoint_url = {}", args.endpoint_url);
    println!("  {}", credentials_path.display());
    println!("    {}", FileKind::Credentials.header(&args.profile));
    match &args.user {
        Some(_) => println!("    aws_access_key_id = (the new key's id)"),
        None => println!("    aws_access_key_id = {root_id}"),
    }
    println!("    aws_secret_access_key = (its secret, not shown)");
    if !args.yes && !confirmed() {
        return Err(Failure("nothing written".to_owned()));
    }

    let (access_key_id, secret) = match &args.user {
        None => (root_id, root_secret),
        Some(user) => {
            let created = api_client::call(
                &http,
                &args.endpoint_url,
                &args.region,
                ServiceName::Iam,
                &root,
                "CreateAccessKey",
                &[("UserName".to_owned(), user.clone())],
            )
            .await
            .map_err(Failure)?;
            let key = created.find("AccessKey");
            let field = |name| key.and_then(|k| k.text_of(name)).map(str::to_owned);
            field("AccessKeyId")
                .zip(field("SecretAccessKey"))
                .ok_or_else(|| Failure("CreateAccessKey answered without a key".to_owned()))?
        }
    };
    let config = aws_files::with_profile(
        &config_text,
        FileKind::Config,
        &args.profile,
        &[
            ("region", args.region.as_str()),
            ("endpoint_url", args.endpoint_url.as_str()),
        ],
    );
    let credentials = aws_files::with_profile(
        &credentials_text,
        FileKind::Credentials,
        &args.profile,
        &[
            ("aws_access_key_id", access_key_id.as_str()),
            ("aws_secret_access_key", secret.as_str()),
        ],
    );
    aws_files::write(&config_path, &config).map_err(|e| io(&config_path, e))?;
    aws_files::write(&credentials_path, &credentials).map_err(|e| io(&credentials_path, e))?;
    println!(
        "Wrote profile {} (access key {access_key_id}). Try: aws --profile {} sts get-caller-identity",
        args.profile, args.profile
    );
    Ok(())
}
