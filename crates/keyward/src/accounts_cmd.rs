//! `keyward accounts`: the member accounts one server serves, made on its data directory as
//! AWS Organizations makes them (`OrganizationAccountAccessRole`, no root keys). A running
//! server on the same data directory serves a new account without a restart.
//!
//! These need the data directory, never an API credential, so no IAM principal can reach them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use keyward_server::ServerConfig;
use time::format_description::well_known::Rfc3339;

/// Flags of `keyward accounts`.
#[derive(Args, Debug)]
pub struct AccountsArgs {
    #[command(subcommand)]
    command: AccountsCommand,
}

#[derive(Subcommand, Debug)]
enum AccountsCommand {
    /// Create a member account and print its 12-digit id. It has the role
    /// OrganizationAccountAccessRole, which the management account may assume, and no root
    /// access keys.
    Create(CreateArgs),
    /// List the management account and the member accounts.
    List(DirArgs),
    /// Give the root user of a member account an access key, printed as a credentials-file
    /// profile (AWS's member accounts have none until someone signs in as root).
    RootCredentials(RootCredentialsArgs),
}

#[derive(Args, Debug)]
struct DirArgs {
    /// The server's data directory; default as `keyward serve`'s.
    #[arg(long)]
    data_dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct CreateArgs {
    /// The account's name.
    #[arg(long)]
    name: String,
    /// The email address of the account's root user.
    #[arg(long)]
    email: String,
    #[command(flatten)]
    dir: DirArgs,
}

#[derive(Args, Debug)]
struct RootCredentialsArgs {
    /// The member account's 12-digit id.
    account: String,
    #[command(flatten)]
    dir: DirArgs,
}

/// Runs `keyward accounts`.
pub async fn run(args: AccountsArgs) -> ExitCode {
    let (name, outcome) = match args.command {
        AccountsCommand::Create(args) => ("create", create(&args).await),
        AccountsCommand::List(args) => ("list", list(&args).await),
        AccountsCommand::RootCredentials(args) => {
            ("root-credentials", root_credentials(&args).await)
        }
    };
    match outcome {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("keyward accounts {name}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The data directory's configuration: its master key from `KEYWARD_MASTER_KEY` or the
/// directory, its store from `KEYWARD_STORE` or the directory.
fn config(dir: &DirArgs) -> Result<ServerConfig, String> {
    let data_dir = dir
        .data_dir
        .clone()
        .or_else(crate::defaults::default_data_dir)
        .ok_or("no --data-dir given and neither XDG_DATA_HOME nor HOME is set")?;
    if !data_dir.join("keyward.db").is_file() && env("KEYWARD_STORE").is_none() {
        return Err(format!(
            "{} holds no Keyward data; give the server's --data-dir",
            data_dir.display()
        ));
    }
    let listen = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    let mut config = ServerConfig::new(listen, data_dir, String::new());
    config.master_key = env("KEYWARD_MASTER_KEY");
    config.store_url = env("KEYWARD_STORE");
    Ok(config)
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

async fn create(args: &CreateArgs) -> Result<String, String> {
    let config = config(&args.dir)?;
    let record = keyward_server::create_account(&config, &args.name, &args.email)
        .await
        .map_err(|e| e.to_string())?;
    Ok(record.id.0)
}

async fn list(args: &DirArgs) -> Result<String, String> {
    let config = config(args)?;
    let (management, members) = keyward_server::list_accounts(&config)
        .await
        .map_err(|e| e.to_string())?;
    let mut lines = vec![format!("{management}  MANAGEMENT")];
    for account in members {
        lines.push(format!(
            "{}  {}  {}  {}  {}  {}",
            account.id.0,
            account.status,
            account.joined_method.as_str(),
            account.joined.format(&Rfc3339).unwrap_or_default(),
            account.email,
            account.name
        ));
    }
    Ok(lines.join("\n"))
}

async fn root_credentials(args: &RootCredentialsArgs) -> Result<String, String> {
    let config = config(&args.dir)?;
    let (access_key_id, secret) = keyward_server::create_root_credentials(&config, &args.account)
        .await
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "# Root credentials of account {}\n[default]\naws_access_key_id = {access_key_id}\n\
         aws_secret_access_key = {secret}",
        args.account
    ))
}
