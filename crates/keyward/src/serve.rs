//! `keyward serve`: the IAM and STS endpoint.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use keyward_server::{RootCredentials, ServerConfig};

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4577")]
    listen: SocketAddr,
    /// Directory for the database, master key, root credentials and audit log.
    #[arg(long, default_value = "./keyward-data")]
    data_dir: PathBuf,
    /// The AWS account id served.
    #[arg(long, default_value = "123456789012")]
    account_id: String,
    /// Log line format (logs go to stderr).
    #[arg(long, value_enum, default_value = "text")]
    log_format: LogFormat,
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KEYWARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}

pub async fn serve(args: ServeArgs) -> ExitCode {
    init_logging(args.log_format);
    let root_credentials = match (
        env("KEYWARD_ROOT_ACCESS_KEY_ID"),
        env("KEYWARD_ROOT_SECRET_ACCESS_KEY"),
    ) {
        (Some(access_key_id), Some(secret_access_key)) => Some(RootCredentials {
            access_key_id,
            secret_access_key,
        }),
        (None, None) => None,
        _ => {
            eprintln!(
                "keyward: set both KEYWARD_ROOT_ACCESS_KEY_ID and KEYWARD_ROOT_SECRET_ACCESS_KEY, \
                 or neither"
            );
            return ExitCode::from(2);
        }
    };
    let config = ServerConfig {
        listen: args.listen,
        data_dir: args.data_dir,
        account_id: args.account_id,
        root_credentials,
        master_key: env("KEYWARD_MASTER_KEY"),
    };
    let server = match keyward_server::start(config, shutdown_signal()).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("keyward: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("Keyward listening on http://{}", server.local_addr);
    tracing::info!(address = %server.local_addr, "listening");
    match server.wait().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("keyward: {e}");
            ExitCode::FAILURE
        }
    }
}
