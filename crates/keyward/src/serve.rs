//! `keyward serve`: the IAM and STS endpoint.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use keyward_server::config::{ContainerConfig, ContainerService, ImdsConfig};
use keyward_server::config::{CqlConfig, TlsSource, UpstreamCredentials};
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
    /// Directory for the database, master key, root credentials and audit log. Default:
    /// $XDG_DATA_HOME/keyward, or ~/.local/share/keyward.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Where identities live: `sqlite://PATH` or `postgres://USER:PASSWORD@HOST/DB` (shared by
    /// any number of replicas with the same KEYWARD_MASTER_KEY). Default: DATA_DIR/keyward.db.
    #[arg(long, env = "KEYWARD_STORE")]
    store: Option<String>,
    /// The AWS account id served.
    #[arg(long, default_value = "123456789012")]
    account_id: String,
    /// Authorization gateway: where allowed requests for another AWS service go, as
    /// SERVICE=URL (SERVICE is the SigV4 signing name such as s3, dynamodb, sqs, bedrock, or *
    /// for every service without its own). The request is forwarded unsigned; append
    /// ,key=ACCESS_KEY_ID:SECRET to re-sign it with those credentials. Repeatable. Without an
    /// upstream, an allowed request is answered "allowed, no upstream".
    #[arg(
        long = "upstream",
        value_name = "SERVICE=URL[,key=ID:SECRET|,unsigned]"
    )]
    upstreams: Vec<keyward_server::config::Upstream>,
    /// Authorization gateway mode: strict refuses what IAM denies; learn forwards every
    /// request (allowed or not, and operations Keyward cannot map), answers what the upstream
    /// answers and records in the audit log what strict mode would have denied and why, for
    /// `keyward policy generate`. Keyward's own IAM and STS calls stay enforced in both modes.
    #[arg(
        long = "enforce",
        value_name = "strict|learn",
        default_value = "strict"
    )]
    enforce: keyward_server::config::Enforcement,
    /// This server's URL as verifiers of the tokens GetWebIdentityToken signs reach it: their
    /// `iss`, under which /.well-known/openid-configuration and /.well-known/jwks.json are
    /// served. Default: http:// and the listen address.
    #[arg(long, env = "KEYWARD_ISSUER_URL")]
    issuer_url: Option<String>,
    /// Log line format (logs go to stderr).
    #[arg(long, value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Shift the server's clock by this many seconds when it checks signatures and session
    /// expiry (for testing expiry; never in production).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    clock_offset: i64,
    /// A JSON file onboarding partners for IAM temporary delegation: their names, the
    /// principals acting for them, their policy templates and the HTTP endpoints that receive
    /// their SNS topics' notifications.
    #[arg(long, env = "KEYWARD_DELEGATION_PARTNERS")]
    delegation_partners: Option<std::path::PathBuf>,
    /// Connections served at once; more are answered 503 and closed (lowered at start to fit
    /// the open-file limit, which is raised to its hard limit).
    #[arg(long, default_value_t = 10_000)]
    max_connections: usize,
    /// Seconds a client has to send a request's headers once it has started.
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Seconds a connection may send and receive nothing before it is closed.
    #[arg(long, default_value_t = 60)]
    idle_timeout: u64,
    /// Seconds a request's body has to arrive once its headers have.
    #[arg(long, default_value_t = 30)]
    body_timeout: u64,
    /// Largest request body read; a larger one is answered 413 RequestEntityTooLarge (S3:
    /// 400 MaxMessageLengthExceeded). Gateway payloads that stream (S3 objects) are not limited.
    #[arg(long, env = "KEYWARD_MAX_BODY_BYTES", default_value_t = 8_388_608,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_body_bytes: u64,
    /// Evaluations (actions × resources) one page of a Simulate* call computes; past it the
    /// page ends early with IsTruncated and a Marker.
    #[arg(long, env = "KEYWARD_SIMULATION_EVALUATIONS", default_value_t = 10_000,
          value_parser = clap::value_parser!(u64).range(1..))]
    simulation_evaluations: u64,
    /// Simulate* calls computed at once, off the threads that serve requests; more wait.
    #[arg(long, env = "KEYWARD_SIMULATIONS_AT_ONCE", default_value_t = 2,
          value_parser = clap::value_parser!(u64).range(1..))]
    simulations_at_once: u64,
    /// Do not serve GET /metrics (Prometheus text format, unauthenticated, on the API listener).
    #[arg(long, env = "KEYWARD_NO_METRICS")]
    no_metrics: bool,
    /// Rotate DATA_DIR/audit.log once it holds this many bytes (0: never by size). Rotated
    /// files are named audit.log.YYYYMMDDTHHMMSS.mmmZ (UTC).
    #[arg(long, default_value_t = 268_435_456)]
    audit_rotate_bytes: u64,
    /// Rotate a non-empty audit log this many seconds after it was opened (0: never by time).
    #[arg(long, default_value_t = 0)]
    audit_rotate_seconds: u64,
    /// Rotated audit log files kept; the oldest are deleted past it (0: keep them all).
    #[arg(long, default_value_t = 0)]
    audit_retain: usize,
    /// Disk space held allocated ahead of the audit log, so that a change that has claimed
    /// room for its record can always write it; changes are refused (503) when no room is left.
    #[arg(long, default_value_t = 4_194_304)]
    audit_reserve_bytes: u64,
    /// Serve an EC2 instance-metadata endpoint (IMDSv2) on this address, for an instance
    /// launched with --imds-instance-profile. SDKs find it through
    /// AWS_EC2_METADATA_SERVICE_ENDPOINT.
    #[arg(long, requires = "imds_instance_profile")]
    imds_listen: Option<SocketAddr>,
    /// The instance profile the metadata endpoint's instance runs with; its role must trust
    /// ec2.amazonaws.com.
    #[arg(long, requires = "imds_listen")]
    imds_instance_profile: Option<String>,
    /// The region the instance reports.
    #[arg(long, default_value = "us-east-1")]
    imds_region: String,
    /// Also answer IMDSv1 requests (without a session token).
    #[arg(long)]
    imds_allow_v1: bool,
    /// Serve an ECS/EKS container-credentials endpoint on this address (a loopback address:
    /// SDKs accept no other over http). SDKs find it through AWS_CONTAINER_CREDENTIALS_FULL_URI.
    #[arg(long, requires_all = ["container_role", "container_token_file"])]
    container_listen: Option<SocketAddr>,
    /// The task's role; it must trust ecs-tasks.amazonaws.com (or pods.eks.amazonaws.com).
    #[arg(long, requires = "container_listen")]
    container_role: Option<String>,
    /// The task's authorization token file (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE), created
    /// with a random token if missing; rewrite it to revoke the old token.
    #[arg(long, requires = "container_listen")]
    container_token_file: Option<PathBuf>,
    /// Which service the container endpoint imitates.
    #[arg(long, value_enum, default_value = "ecs")]
    container_service: ContainerServiceArg,
    /// One more instance: `ADDR=INSTANCE_PROFILE` serves an instance-metadata endpoint on ADDR
    /// for an instance launched with that profile (repeatable; --imds-region and
    /// --imds-allow-v1 apply to every instance).
    #[arg(long = "imds", value_name = "ADDR=PROFILE", value_parser = parse_imds_binding)]
    imds_bindings: Vec<(SocketAddr, String)>,
    /// One more task or pod: `ADDR=ROLE,TOKEN_FILE[,ecs|eks]` serves a container-credentials
    /// endpoint on ADDR for that role, authorized by that token file (repeatable).
    #[arg(
        long = "container",
        value_name = "ADDR=ROLE,TOKEN_FILE[,SERVICE]",
        value_parser = parse_container_binding
    )]
    container_bindings: Vec<ContainerConfig>,
    /// The Keyspaces-style CQL front (boxed: it is the largest group of flags).
    #[command(flatten)]
    cql: Box<CqlArgs>,
    /// TLS for the listeners.
    #[command(flatten)]
    tls: TlsArgs,
}

/// `--tls-*`: TLS for the API listener and, with `--cql-tls` and `--credential-endpoints-tls`,
/// the CQL front and the credential endpoints.
#[derive(clap::Args)]
struct TlsArgs {
    /// PEM certificate chain (leaf first) served over TLS; with --tls-key.
    #[arg(long, requires = "tls_key", conflicts_with = "tls_self_signed")]
    tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Serve TLS with a certificate for localhost made once in the data dir by a local CA,
    /// whose certificate (DATA_DIR/tls/ca.pem) clients trust through AWS_CA_BUNDLE.
    #[arg(long)]
    tls_self_signed: bool,
    /// Serve the instance-metadata and container-credentials endpoints over TLS too, with the
    /// same certificate. Off by default: SDKs fetch credentials with their own trust store
    /// (botocore's fetchers ignore AWS_CA_BUNDLE), EC2's metadata endpoint is plain HTTP, and
    /// botocore accepts plain HTTP to a loopback container endpoint. Use it for a container
    /// endpoint on another host, which botocore reaches only over https.
    #[arg(long)]
    credential_endpoints_tls: bool,
}

impl TlsArgs {
    fn source(self) -> Option<TlsSource> {
        match (self.tls_cert, self.tls_key, self.tls_self_signed) {
            (Some(cert), Some(key), _) => Some(TlsSource::Files { cert, key }),
            (_, _, true) => Some(TlsSource::SelfSigned),
            _ => None,
        }
    }
}

/// `--cql-*`: the CQL front.
#[derive(clap::Args)]
struct CqlArgs {
    /// Serve a Keyspaces-style CQL front on this address: Cassandra drivers authenticate with
    /// the AWS SigV4 plugin or service-specific credentials, and every statement is authorized
    /// by IAM policies before it is relayed to --cql-upstream.
    #[arg(long, requires = "cql_upstream")]
    cql_listen: Option<SocketAddr>,
    /// The Cassandra or ScyllaDB node (HOST:PORT, native protocol v4) statements go to.
    #[arg(long, requires = "cql_listen")]
    cql_upstream: Option<String>,
    /// The region drivers sign for and resource ARNs name.
    #[arg(long, default_value = "us-east-1")]
    cql_region: String,
    /// PasswordAuthenticator role for the upstream, if it requires authentication.
    #[arg(
        long,
        env = "KEYWARD_CQL_UPSTREAM_USERNAME",
        requires = "cql_upstream_password"
    )]
    cql_upstream_username: Option<String>,
    /// The upstream role's password (prefer the environment variable to the flag).
    #[arg(
        long,
        env = "KEYWARD_CQL_UPSTREAM_PASSWORD",
        hide_env_values = true,
        requires = "cql_upstream_username"
    )]
    cql_upstream_password: Option<String>,
    /// Speak TLS to drivers, as Amazon Keyspaces does, with the server's certificate
    /// (--tls-cert/--tls-key or --tls-self-signed).
    #[arg(long, requires = "cql_listen")]
    cql_tls: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ContainerServiceArg {
    Ecs,
    Eks,
}

/// `--imds ADDR=PROFILE`.
fn parse_imds_binding(text: &str) -> Result<(SocketAddr, String), String> {
    let (addr, profile) = text
        .split_once('=')
        .filter(|(_, profile)| !profile.is_empty())
        .ok_or_else(|| format!("`{text}` is not ADDR=INSTANCE_PROFILE"))?;
    let addr = addr
        .parse()
        .map_err(|e| format!("`{addr}` is not an address such as 127.0.0.1:8081: {e}"))?;
    Ok((addr, profile.to_owned()))
}

/// `--container ADDR=ROLE,TOKEN_FILE[,ecs|eks]`.
fn parse_container_binding(text: &str) -> Result<ContainerConfig, String> {
    let shape = || format!("`{text}` is not ADDR=ROLE,TOKEN_FILE[,ecs|eks]");
    let (addr, rest) = text.split_once('=').ok_or_else(shape)?;
    let listen = addr
        .parse()
        .map_err(|e| format!("`{addr}` is not an address such as 127.0.0.1:8082: {e}"))?;
    let parts: Vec<&str> = rest.split(',').collect();
    let (role, token_file, service) = match parts.as_slice() {
        [role, file] => (*role, *file, ContainerService::Ecs),
        [role, file, "ecs"] => (*role, *file, ContainerService::Ecs),
        [role, file, "eks"] => (*role, *file, ContainerService::Eks),
        _ => return Err(shape()),
    };
    if role.is_empty() || token_file.is_empty() {
        return Err(shape());
    }
    Ok(ContainerConfig {
        listen,
        role: role.to_owned(),
        token_file: PathBuf::from(token_file),
        service,
    })
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KEYWARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let colour = crate::defaults::log_colour(
        std::io::IsTerminal::is_terminal(&std::io::stderr()),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

pub(crate) async fn shutdown_signal() {
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
    let Some(data_dir) = args.data_dir.or_else(crate::defaults::default_data_dir) else {
        eprintln!("keyward: no --data-dir, and neither XDG_DATA_HOME nor HOME is set");
        return ExitCode::from(2);
    };
    println!("Data directory: {}", data_dir.display());
    let mut config = ServerConfig::new(args.listen, data_dir, args.account_id);
    config.root_credentials = root_credentials;
    config.master_key = env("KEYWARD_MASTER_KEY");
    config.root_password = env("KEYWARD_ROOT_PASSWORD").map(keyward_server::config::RootPassword);
    config.store_url = args.store;
    config.clock_offset_seconds = args.clock_offset;
    config.connections = keyward_server::config::ConnectionLimits {
        max_connections: args.max_connections,
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
        body_timeout: std::time::Duration::from_secs(args.body_timeout),
    };
    config.requests = keyward_server::config::RequestLimits {
        max_body_bytes: usize::try_from(args.max_body_bytes).unwrap_or(usize::MAX),
        simulation_evaluations: usize::try_from(args.simulation_evaluations).unwrap_or(usize::MAX),
        simulations_at_once: usize::try_from(args.simulations_at_once).unwrap_or(usize::MAX),
    };
    config.metrics = !args.no_metrics;
    config.issuer_url = args.issuer_url;
    config.credential_endpoints_tls = args.tls.credential_endpoints_tls;
    config.tls = args.tls.source();
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    config.audit = keyward_server::config::AuditSettings {
        rotate_bytes: args.audit_rotate_bytes,
        rotate_interval: (args.audit_rotate_seconds > 0)
            .then(|| std::time::Duration::from_secs(args.audit_rotate_seconds)),
        retain: args.audit_retain,
        reserve_bytes: args.audit_reserve_bytes,
    };
    config.delegation_partners = args.delegation_partners;
    config.upstreams = args.upstreams;
    config.enforcement = args.enforce;
    if let (Some(listen), Some(instance_profile)) = (args.imds_listen, args.imds_instance_profile) {
        config.imds.push(ImdsConfig {
            listen,
            instance_profile,
            region: args.imds_region.clone(),
            allow_v1: args.imds_allow_v1,
        });
    }
    if let (Some(listen), Some(role), Some(token_file)) = (
        args.container_listen,
        args.container_role,
        args.container_token_file,
    ) {
        config.container.push(ContainerConfig {
            listen,
            role,
            token_file,
            service: match args.container_service {
                ContainerServiceArg::Ecs => ContainerService::Ecs,
                ContainerServiceArg::Eks => ContainerService::Eks,
            },
        });
    }
    for (listen, instance_profile) in args.imds_bindings {
        config.imds.push(ImdsConfig {
            listen,
            instance_profile,
            region: args.imds_region.clone(),
            allow_v1: args.imds_allow_v1,
        });
    }
    config.container.extend(args.container_bindings);
    let cql = *args.cql;
    let cql_tls = cql.cql_tls;
    if let (Some(listen), Some(upstream)) = (cql.cql_listen, cql.cql_upstream) {
        config.cql = Some(CqlConfig {
            listen,
            upstream,
            region: cql.cql_region,
            upstream_credentials: cql
                .cql_upstream_username
                .zip(cql.cql_upstream_password)
                .map(|(username, password)| UpstreamCredentials { username, password }),
            tls: cql.cql_tls,
        });
    }
    let (config_imds, config_container) = (config.imds.clone(), config.container.clone());
    let credential_scheme = if config.credential_endpoints_tls && config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let server = match keyward_server::start(config, shutdown_signal()).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("keyward: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("Keyward listening on {scheme}://{}", server.local_addr);
    if let Some(ca) = &server.ca_bundle {
        println!(
            "TLS certificate for localhost from a local CA; clients trust it with: \
             export AWS_CA_BUNDLE={}",
            ca.display()
        );
    }
    for (addr, imds) in server.imds_addrs.iter().zip(&config_imds) {
        println!(
            "Instance metadata on {credential_scheme}://{addr} (instance profile {})",
            imds.instance_profile
        );
    }
    for (addr, container) in server.container_addrs.iter().zip(&config_container) {
        println!(
            "Container credentials on {credential_scheme}://{addr} (role {}, token file {})",
            container.role,
            container.token_file.display()
        );
    }
    if let Some(addr) = server.cql_addr {
        let tls = if cql_tls { " (TLS)" } else { "" };
        println!("CQL front on {addr}{tls}");
    }
    tracing::info!(address = %server.local_addr, "listening");
    match server.wait().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("keyward: {e}");
            ExitCode::FAILURE
        }
    }
}
