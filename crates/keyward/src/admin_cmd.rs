//! `keyward admin`: operator changes that no AWS API offers, made on the store directly.
//!
//! They need the data dir (or the store URL), never an API credential, so no IAM principal can
//! reach them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use keyward_store::StoreError;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

/// Flags of `keyward admin`.
#[derive(Args, Debug)]
pub struct AdminArgs {
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(Subcommand, Debug)]
enum AdminCommand {
    /// Set an access key's CreateDate in the past, to test key-rotation scripts and reports
    /// (AWS never changes it; this is for test data dirs).
    BackdateKey(BackdateArgs),
}

#[derive(Args, Debug)]
struct BackdateArgs {
    /// The access key id (`AKIA…`).
    access_key_id: String,
    /// How many days old the key should be.
    #[arg(long, conflicts_with = "created", required_unless_present = "created")]
    days: Option<u32>,
    /// The creation time to set, RFC 3339 (e.g. `2025-01-31T09:00:00Z`).
    #[arg(long)]
    created: Option<String>,
    /// The server's data directory (its `keyward.db` is changed); default as `keyward serve`'s.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The store instead of the data dir's: `sqlite://PATH` or `postgres://…`.
    #[arg(long, env = "KEYWARD_STORE")]
    store: Option<String>,
}

/// Runs `keyward admin`.
pub async fn run(args: AdminArgs) -> ExitCode {
    match args.command {
        AdminCommand::BackdateKey(args) => match backdate(&args).await {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("keyward admin backdate-key: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

async fn backdate(args: &BackdateArgs) -> Result<String, String> {
    let now = OffsetDateTime::now_utc();
    let created = match (&args.created, args.days) {
        (Some(text), _) => OffsetDateTime::parse(text, &Rfc3339)
            .map_err(|e| format!("--created '{text}' is not an RFC 3339 time: {e}"))?,
        (None, Some(days)) => now - Duration::days(i64::from(days)),
        (None, None) => return Err("give --days or --created".into()),
    };
    if created > now {
        return Err(format!(
            "{} is in the future; a key's CreateDate can only be moved back",
            format_time(created)
        ));
    }
    let url = match &args.store {
        Some(url) => url.clone(),
        None => {
            let data_dir = args
                .data_dir
                .clone()
                .or_else(crate::defaults::default_data_dir)
                .ok_or("no --data-dir given and neither XDG_DATA_HOME nor HOME is set")?;
            let db = data_dir.join("keyward.db");
            if !db.is_file() {
                return Err(format!(
                    "{} does not exist; give the server's --data-dir (or --store)",
                    db.display()
                ));
            }
            format!("sqlite://{}", db.display())
        }
    };
    let store = keyward_store::open_store(&url)
        .await
        .map_err(|e| format!("cannot open the store: {e}"))?;
    let before = store
        .get_access_key(&args.access_key_id)
        .await
        .map_err(|e| not_found(e, &args.access_key_id))?
        .create_date;
    store
        .set_access_key_create_date(&args.access_key_id, created)
        .await
        .map_err(|e| not_found(e, &args.access_key_id))?;
    Ok(format!(
        "{}: CreateDate {} (was {})",
        args.access_key_id,
        format_time(created),
        format_time(before)
    ))
}

fn not_found(error: StoreError, access_key_id: &str) -> String {
    match error {
        StoreError::NotFound => format!("no access key {access_key_id} in this store"),
        other => format!("the store failed: {other}"),
    }
}

fn format_time(at: OffsetDateTime) -> String {
    at.format(&Rfc3339)
        .unwrap_or_else(|_| at.unix_timestamp().to_string())
}
