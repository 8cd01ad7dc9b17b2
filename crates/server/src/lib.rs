//! Keyward's HTTP server: one listener answering IAM and STS in the AWS Query protocol, every
//! request authenticated with SigV4 and recorded in the audit log.

#![warn(missing_docs)]

pub mod accounts;
mod api;
mod arn;
mod audit;
mod audit_index;
mod auth;
mod authz;
pub mod config;
pub mod delegation;
mod directory;
pub mod error;
mod fronts;
mod http;
mod ids;
mod last_access;
mod metrics;
pub mod protocol;
pub mod state;
#[cfg(test)]
mod testing;
mod tls;

pub use api::operations;
pub use directory::organization::{policies_for_account, AccountPolicies};
pub use directory::web_identity_issuer::{keys as jws, SigningAlgorithm};
pub use fronts::{issuer, keyspaces, vending};

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::get;
use axum::Router;

pub use config::{RootCredentials, ServerConfig, StartError};

/// How often pending access-key last-use records are written to the store.
const LAST_USED_FLUSH_INTERVAL: Duration = Duration::from_secs(1);

/// The encoded authorization message a service that encodes its denials (EC2's
/// `UnauthorizedOperation`) would attach to a refusal of `action` on `resource` for the owner
/// of the long-term `access_key_id`, in `region`: decided by the engine over the data directory
/// of `config` and sealed with its master key, so `sts:DecodeAuthorizationMessage` on that
/// directory's server opens it. `None` when the request would be allowed. For gateways and
/// tests that run beside a server; it reads the data directory and writes nothing.
pub async fn encode_authorization_failure(
    config: &ServerConfig,
    access_key_id: &str,
    action: &str,
    resource: &str,
    region: &str,
) -> Result<Option<String>, StartError> {
    let state = state::open_existing(config).await?;
    let key = state
        .keys
        .get(state.store.as_ref(), &state.master, access_key_id)
        .await?
        .ok_or_else(|| StartError::Config(format!("no access key {access_key_id}")))?;
    let caller = auth::identity::Caller {
        identity: key.identity.clone(),
        access_key_id: access_key_id.to_owned(),
        account: state.account.clone(),
        token_issued: None,
        token_expires: None,
        mfa_authenticated: None,
    };
    let facts = authz::RequestFacts {
        source_ip: std::net::Ipv4Addr::LOCALHOST.into(),
        region: region.to_owned(),
        user_agent: String::new(),
        time: state.clock.now(),
        operation_keys: Vec::new(),
        secure_transport: false,
    };
    let resource = authz::Resource::arn(resource.to_owned());
    authz::encoded_denial(&state, &caller, action, &resource, &facts)
        .await
        .map_err(|e| StartError::Config(e.message()))
}

/// Creates member account `name` (`email`) in the data directory of `config`, beside its
/// server if one runs: `OrganizationAccountAccessRole` trusting the management account with
/// `AdministratorAccess`, and no root access keys.
pub async fn create_account(
    config: &ServerConfig,
    name: &str,
    email: &str,
) -> Result<accounts::AccountRecord, StartError> {
    let state = state::open_existing(config).await?;
    let (record, _) = directory::accounts::create_member_account(
        &state,
        name,
        email,
        directory::accounts::ACCESS_ROLE,
    )
    .await
    .map_err(|e| StartError::Config(e.to_string()))?;
    Ok(record)
}

/// The management account of the data directory of `config` and its member accounts.
pub async fn list_accounts(
    config: &ServerConfig,
) -> Result<(String, Vec<accounts::AccountRecord>), StartError> {
    let state = state::open_existing(config).await?;
    let members = state.accounts.list().await?;
    Ok((state.account.0.clone(), members))
}

/// A new access key of the root user of member account `account` in the data directory of
/// `config`: its id and secret.
pub async fn create_root_credentials(
    config: &ServerConfig,
    account: &str,
) -> Result<(String, String), StartError> {
    let state = state::open_existing(config).await?;
    if state.account.0 == account {
        return Err(StartError::Config(format!(
            "{account} is the management account; its root credentials are set at first start"
        )));
    }
    directory::accounts::create_root_access_key(&state, &arn::AccountId(account.to_owned()))
        .await
        .map_err(|e| StartError::Config(e.message()))
}

/// A server that is accepting requests.
pub struct RunningServer {
    /// The bound address (useful when listening on port 0).
    pub local_addr: SocketAddr,
    /// The instance-metadata endpoints' addresses, in the order of `ServerConfig::imds`.
    pub imds_addrs: Vec<SocketAddr>,
    /// The container-credentials endpoints' addresses, in the order of
    /// `ServerConfig::container`.
    pub container_addrs: Vec<SocketAddr>,
    /// The CQL front's address, if enabled.
    pub cql_addr: Option<SocketAddr>,
    /// The CA file clients must trust (`AWS_CA_BUNDLE`) when the server made its own
    /// certificate (`--tls-self-signed`).
    pub ca_bundle: Option<std::path::PathBuf>,
    task: tokio::task::JoinHandle<Result<(), StartError>>,
}

impl RunningServer {
    /// Waits until the server has shut down and flushed its state.
    pub async fn wait(self) -> Result<(), StartError> {
        self.task
            .await
            .map_err(|e| StartError::Config(format!("server task failed: {e}")))?
    }
}

/// Whether SDKs fetch container credentials over plain HTTP from an endpoint bound to `addr`:
/// botocore's `ContainerMetadataFetcher` accepts `http://` only to a loopback address or
/// ECS's and EKS's link-local addresses (an endpoint bound to every address is reachable on
/// loopback).
fn sdks_fetch_over_http(addr: SocketAddr) -> bool {
    const ECS: std::net::Ipv4Addr = std::net::Ipv4Addr::new(169, 254, 170, 2);
    const EKS: std::net::Ipv4Addr = std::net::Ipv4Addr::new(169, 254, 170, 23);
    const EKS_V6: std::net::Ipv6Addr = std::net::Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x23);
    let ip = addr.ip();
    ip.is_loopback() || ip.is_unspecified() || ip == ECS || ip == EKS || ip == EKS_V6
}

/// Opens the data directory, binds the listener and starts serving until `shutdown`
/// resolves; then finishes in-flight requests, writes pending state and returns.
pub async fn start(
    mut config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<RunningServer, StartError> {
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Io {
            path: "listen address".into(),
            source,
        })?;
    let local_addr = listener.local_addr().map_err(|source| StartError::Io {
        path: "listen address".into(),
        source,
    })?;
    // The issuer URL defaults to the bound address, known only now when listening on port 0.
    config.listen = local_addr;
    keyward_store::observe_latency(|access, took| metrics::metrics().store_access(access, took));
    let (state, audit_writer) = state::open(&config).await?;
    http::console::install_root_password(&config, &state).await?;
    let tls = match &config.tls {
        Some(source) => Some(tls::load(source, &config.data_dir, &state.master)?),
        None => None,
    };
    let acceptor = tls.as_ref().map(|tls| tls.acceptor.clone());
    let limits = config::ConnectionLimits {
        max_connections: http::listener::fit_open_file_limit(config.connections.max_connections),
        ..config.connections
    };

    // The credential endpoints are served by the API's listener code, with its limits, and
    // over TLS only when asked (see `ServerConfig::credential_endpoints_tls`).
    let credential_tls =
        match (config.credential_endpoints_tls, &acceptor) {
            (false, _) => None,
            (true, Some(acceptor)) => Some(acceptor.clone()),
            (true, None) => return Err(StartError::Config(
                "--credential-endpoints-tls uses the server's certificate: give --tls-cert and \
                 --tls-key, or --tls-self-signed"
                    .into(),
            )),
        };
    if credential_tls.is_none() {
        for container in config
            .container
            .iter()
            .filter(|c| !sdks_fetch_over_http(c.listen))
        {
            tracing::warn!(
                address = %container.listen,
                "container credentials over plain HTTP: SDKs accept http:// only to a loopback \
                 address, 169.254.170.2, 169.254.170.23 or fd00:ec2::23; reach it by one of \
                 those, or serve it with --credential-endpoints-tls"
            );
        }
    }
    let serve_endpoint = |endpoint: vending::Endpoint, name: &'static str| {
        tokio::spawn(http::listener::serve(
            endpoint.listener,
            endpoint.app,
            limits,
            credential_tls.clone(),
            name,
            std::future::pending(),
        ))
    };
    let mut endpoints = Vec::new();
    let mut imds_addrs = Vec::new();
    for imds in config.imds.clone() {
        let endpoint = vending::imds_endpoint(Arc::clone(&state), imds).await?;
        imds_addrs.push(endpoint.addr);
        endpoints.push(serve_endpoint(endpoint, "imds"));
    }
    let mut container_addrs = Vec::new();
    for container in config.container.clone() {
        let endpoint = vending::container_endpoint(Arc::clone(&state), container).await?;
        container_addrs.push(endpoint.addr);
        endpoints.push(serve_endpoint(endpoint, "container"));
    }
    let cql_addr = match config.cql.clone() {
        Some(cql) => {
            let cql_tls = match (cql.tls, &acceptor) {
                (false, _) => None,
                (true, Some(acceptor)) => Some(acceptor.clone()),
                (true, None) => {
                    return Err(StartError::Config(
                        "--cql-tls uses the server's certificate: give --tls-cert and \
                         --tls-key, or --tls-self-signed"
                            .into(),
                    ))
                }
            };
            let (addr, task) = keyspaces::start(Arc::clone(&state), cql, cql_tls).await?;
            endpoints.push(task);
            Some(addr)
        }
        None => None,
    };

    // Another replica's change to the shared store empties this one's caches, so it is
    // enforced here as soon as the store reports it.
    let watcher = state.store.changes().map(|mut changes| {
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            while changes.changed().await.is_ok() {
                state.keys.clear();
                state.policies.invalidate();
            }
        })
    });

    let flusher = {
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(LAST_USED_FLUSH_INTERVAL);
            loop {
                tick.tick().await;
                for state in every_account(&state) {
                    if let Err(e) = state.keys.flush(state.store.as_ref()).await {
                        tracing::error!(error = %e, account = %state.account.0, "writing access key last use failed");
                    }
                }
            }
        })
    };
    let last_access_flusher = {
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(last_access::FLUSH_INTERVAL);
            loop {
                tick.tick().await;
                for state in every_account(&state) {
                    if let Err(e) = state.last_access.flush(state.store.as_ref(), false).await {
                        tracing::error!(error = %e, account = %state.account.0, "writing service last access failed");
                    }
                }
            }
        })
    };

    // The event index behind CloudTrail's LookupEvents follows the audit log.
    let indexer = match audit_index::AuditIndexer::new(
        Arc::clone(&state.store),
        state.audit.path(),
        state.audit.durable(),
    ) {
        Ok(indexer) => Some(tokio::spawn(indexer.run())),
        Err(e) => {
            tracing::error!(error = %e, "audit events are not indexed: LookupEvents finds none");
            None
        }
    };

    // SIGHUP reopens the audit log at its path, after an external rotation renamed it.
    let hangup = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        Ok(mut hangups) => {
            let audit = state.audit.clone();
            Some(tokio::spawn(async move {
                while hangups.recv().await.is_some() {
                    tracing::info!("SIGHUP: reopening the audit log");
                    audit.reopen();
                }
            }))
        }
        Err(e) => {
            tracing::warn!(error = %e, "SIGHUP not handled: the audit log cannot be reopened");
            None
        }
    };

    let mut app = Router::new()
        .route("/healthz", get(http::healthz))
        .route("/readyz", get(http::readyz))
        .route(issuer::CONFIGURATION_PATH, get(issuer::configuration))
        .route(issuer::JWKS_PATH, get(issuer::jwks))
        .nest("/console", http::console::router())
        .fallback(http::handle);
    if config.metrics {
        app = app.route("/metrics", get(http::metrics_text));
    }
    let app = app.with_state(Arc::clone(&state));
    let task = tokio::spawn(async move {
        http::listener::serve(listener, app, limits, acceptor, "api", shutdown).await;
        flusher.abort();
        if let Some(hangup) = hangup {
            hangup.abort();
        }
        last_access_flusher.abort();
        if let Some(watcher) = watcher {
            watcher.abort();
        }
        for endpoint in endpoints {
            endpoint.abort();
        }
        for state in every_account(&state) {
            if let Err(e) = state.keys.flush(state.store.as_ref()).await {
                tracing::error!(error = %e, account = %state.account.0, "writing access key last use failed");
            }
            if let Err(e) = state.last_access.flush(state.store.as_ref(), true).await {
                tracing::error!(error = %e, account = %state.account.0, "writing service last access failed");
            }
        }
        state.accounts.close();
        drop(state);
        if tokio::time::timeout(Duration::from_secs(5), audit_writer.finish())
            .await
            .is_err()
        {
            tracing::error!("audit log did not drain within 5 s");
        }
        // With the writer gone, the indexer takes in the last records and stops.
        if let Some(indexer) = indexer {
            let abort = indexer.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), indexer)
                .await
                .is_err()
            {
                tracing::warn!("audit event index not caught up at shutdown; it resumes at start");
                abort.abort();
            }
        }
        Ok(())
    });
    Ok(RunningServer {
        local_addr,
        imds_addrs,
        container_addrs,
        cql_addr,
        ca_bundle: tls.and_then(|tls| tls.ca_bundle),
        task,
    })
}

/// The management account's state and every member account's opened so far.
fn every_account(management: &Arc<state::AppState>) -> Vec<Arc<state::AppState>> {
    let mut states = vec![Arc::clone(management)];
    states.extend(management.accounts.loaded());
    states
}

/// The server's layers point one way: `http` (the request path) → `api` and `fronts` → `authz`
/// → `directory` → `auth` → the foundation (ARNs, ids, errors, configuration, wire formats, the
/// audit log and the state that holds every layer's caches). A module imports nothing from a
/// layer above its own, and the API and the fronts do not import each other; a new import that
/// would close a cycle fails here. A module's own tests may drive it from above.
#[cfg(test)]
mod layering {
    use std::path::Path;

    /// A top-level module's rank; the API and the fronts share one but may not import each
    /// other.
    fn rank(module: &str) -> u8 {
        match module {
            "http" => 5,
            "api" | "fronts" => 4,
            "authz" => 3,
            "directory" => 2,
            "auth" => 1,
            _ => 0,
        }
    }

    /// Upward imports that are the design: the state owns the caches of the key and policy
    /// layers, built once at start-up, and the account registry builds members' states.
    const ALLOWED: &[(&str, &str)] = &[("state", "auth"), ("state", "authz"), ("accounts", "auth")];

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }

    fn top_module(root: &Path, file: &str) -> String {
        let relative = Path::new(file).strip_prefix(root).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        first.to_string_lossy().trim_end_matches(".rs").to_owned()
    }

    #[test]
    fn layers_point_one_way() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &mut files);
        assert!(files.len() > 20, "the walk found the sources");
        let mut upward = Vec::new();
        for (file, text) in &files {
            let module = top_module(&root, file);
            if module == "lib" || module == "testing" {
                continue;
            }
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (at, _) in code.match_indices("crate::") {
                let imported: String = code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if imported == module || ALLOWED.contains(&(module.as_str(), imported.as_str())) {
                    continue;
                }
                let sideways = matches!(
                    (module.as_str(), imported.as_str()),
                    ("api", "fronts") | ("fronts", "api")
                );
                if sideways || rank(&imported) > rank(&module) {
                    upward.push(format!("{file} imports crate::{imported}"));
                }
            }
        }
        upward.sort();
        upward.dedup();
        assert!(
            upward.is_empty(),
            "imports against the layers:\n{}",
            upward.join("\n")
        );
    }
}

#[cfg(test)]
mod container_over_http {
    use super::sdks_fetch_over_http;

    #[test]
    fn only_the_hosts_botocore_accepts_over_http() {
        for accepted in [
            "127.0.0.1:80",
            "127.9.9.9:80",
            "[::1]:80",
            "0.0.0.0:80",
            "169.254.170.2:80",
            "169.254.170.23:80",
            "[fd00:ec2::23]:80",
        ] {
            assert!(
                sdks_fetch_over_http(accepted.parse().unwrap()),
                "{accepted}"
            );
        }
        for refused in ["10.0.0.5:80", "169.254.170.3:80", "[fd00:ec2::24]:80"] {
            assert!(!sdks_fetch_over_http(refused.parse().unwrap()), "{refused}");
        }
    }
}
