//! The `keyward` command.

mod accounts_cmd;
mod admin_cmd;
mod api_client;
mod aws_files;
mod configure_cmd;
mod defaults;
mod doctor_cmd;
mod exec_cmd;
mod keys_cmd;
mod oidc_cmd;
mod policy_cmd;
mod policy_generate;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "keyward",
    version,
    about = "AWS IAM and STS you can run anywhere"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the IAM and STS APIs on one endpoint, with an embedded store in the data directory.
    Serve(Box<serve::ServeArgs>),
    /// Validate policy files and simulate requests offline with the policy engine.
    Policy(policy_cmd::PolicyArgs),
    /// Explain which AWS credentials, region and endpoint are in use, and check them live.
    Doctor(doctor_cmd::DoctorArgs),
    /// Apply the store's schema migrations and exit (`serve` applies them too).
    Migrate(MigrateArgs),
    /// Audit the access keys of an account (age, last use, rotation, root keys).
    Keys(keys_cmd::KeysArgs),
    /// Operator changes no AWS API offers, made on the data dir (e.g. back-dating a key).
    Admin(admin_cmd::AdminArgs),
    /// Write a profile for a running Keyward into ~/.aws/config and ~/.aws/credentials.
    Configure(configure_cmd::ConfigureArgs),
    /// Assume a role and run a command with the session's credentials in its environment.
    Exec(exec_cmd::ExecArgs),
    /// A test OpenID Connect issuer: serve its keys, rotate them, sign tokens.
    Oidc(oidc_cmd::OidcArgs),
    /// Member accounts served beside the management account: create, list, root credentials.
    Accounts(accounts_cmd::AccountsArgs),
}

#[derive(clap::Args)]
struct MigrateArgs {
    /// The store: `sqlite://PATH` or `postgres://…`. Default: DATA_DIR/keyward.db, as `serve`.
    #[arg(long, env = "KEYWARD_STORE")]
    store: Option<String>,
    /// The data directory whose store is migrated when no --store is given. Default:
    /// $XDG_DATA_HOME/keyward, or ~/.local/share/keyward.
    #[arg(long)]
    data_dir: Option<std::path::PathBuf>,
}

async fn migrate(args: MigrateArgs) -> ExitCode {
    let stores = match (
        args.store,
        args.data_dir.or_else(defaults::default_data_dir),
    ) {
        (Some(store), _) => vec![store],
        // The management account's database, then each member account's (`accounts/ID.db`).
        (None, Some(dir)) => {
            let mut stores = vec![format!("sqlite://{}", dir.join("keyward.db").display())];
            let mut members: Vec<_> = std::fs::read_dir(dir.join("accounts"))
                .into_iter()
                .flatten()
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|e| e == "db"))
                .collect();
            members.sort();
            stores.extend(members.iter().map(|p| format!("sqlite://{}", p.display())));
            stores
        }
        (None, None) => {
            eprintln!("keyward: no --store or --data-dir, and HOME is not set");
            return ExitCode::FAILURE;
        }
    };
    let mut version = 0;
    for store in &stores {
        match keyward_store::migrate(store).await {
            Ok(v) => version = v,
            Err(e) => {
                eprintln!("keyward: migration of {store} failed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("store schema at version {version}");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    // Usage errors exit 1, not clap's 2: `keyward policy simulate` reserves 2 for "denied".
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let usage_error = e.use_stderr();
            if e.print().is_err() || usage_error {
                return ExitCode::FAILURE;
            }
            return ExitCode::SUCCESS;
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("keyward: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Serve(args) => runtime.block_on(serve::serve(*args)),
        Command::Policy(args) => policy_cmd::run(args),
        Command::Doctor(args) => runtime.block_on(doctor_cmd::doctor(args)),
        Command::Keys(args) => runtime.block_on(keys_cmd::run(args)),
        Command::Migrate(args) => runtime.block_on(migrate(args)),
        Command::Admin(args) => runtime.block_on(admin_cmd::run(args)),
        Command::Configure(args) => runtime.block_on(configure_cmd::run(args)),
        Command::Exec(args) => runtime.block_on(exec_cmd::run(args)),
        Command::Oidc(args) => runtime.block_on(oidc_cmd::run(args)),
        Command::Accounts(args) => runtime.block_on(accounts_cmd::run(args)),
    }
}
