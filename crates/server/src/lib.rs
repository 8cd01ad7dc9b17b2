//! Keyward's HTTP server: one listener answering IAM and STS in the AWS Query protocol, every
//! request authenticated with SigV4 and recorded in the audit log.

#![warn(missing_docs)]

mod arn;
mod audit;
mod authz;
pub mod config;
mod directory;
pub mod error;
mod iam;
mod identity;
mod ids;
mod keys;
pub mod keyspaces;
pub mod operations;
mod pipeline;
pub mod protocol;
mod session;
pub mod state;
mod sts;
#[cfg(test)]
mod testing;
mod validate;
pub mod vending;
mod web_identity;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::get;
use axum::Router;

pub use config::{RootCredentials, ServerConfig, StartError};

/// How often pending access-key last-use records are written to the store.
const LAST_USED_FLUSH_INTERVAL: Duration = Duration::from_secs(1);

/// A server that is accepting requests.
pub struct RunningServer {
    /// The bound address (useful when listening on port 0).
    pub local_addr: SocketAddr,
    /// The instance-metadata endpoint's address, if enabled.
    pub imds_addr: Option<SocketAddr>,
    /// The container-credentials endpoint's address, if enabled.
    pub container_addr: Option<SocketAddr>,
    /// The CQL front's address, if enabled.
    pub cql_addr: Option<SocketAddr>,
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

/// Opens the data directory, binds the listener and starts serving until `shutdown`
/// resolves; then finishes in-flight requests, writes pending state and returns.
pub async fn start(
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<RunningServer, StartError> {
    let (state, audit_writer) = state::open(&config).await?;
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

    let mut endpoints = Vec::new();
    let imds_addr = match config.imds.clone() {
        Some(imds) => {
            let (addr, task) = vending::start_imds(Arc::clone(&state), imds).await?;
            endpoints.push(task);
            Some(addr)
        }
        None => None,
    };
    let container_addr = match config.container.clone() {
        Some(container) => {
            let (addr, task) = vending::start_container(Arc::clone(&state), container).await?;
            endpoints.push(task);
            Some(addr)
        }
        None => None,
    };
    let cql_addr = match config.cql.clone() {
        Some(cql) => {
            let (addr, task) = keyspaces::start(Arc::clone(&state), cql).await?;
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
                if let Err(e) = state.keys.flush(state.store.as_ref()).await {
                    tracing::error!(error = %e, "writing access key last use failed");
                }
            }
        })
    };

    let app = Router::new()
        .route("/healthz", get(pipeline::healthz))
        .fallback(pipeline::handle)
        .with_state(Arc::clone(&state));
    let task = tokio::spawn(async move {
        let served = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        flusher.abort();
        if let Some(watcher) = watcher {
            watcher.abort();
        }
        for endpoint in endpoints {
            endpoint.abort();
        }
        if let Err(e) = state.keys.flush(state.store.as_ref()).await {
            tracing::error!(error = %e, "writing access key last use failed");
        }
        drop(state);
        if tokio::time::timeout(Duration::from_secs(5), audit_writer.finish())
            .await
            .is_err()
        {
            tracing::error!("audit log did not drain within 5 s");
        }
        served.map_err(|source| StartError::Io {
            path: "listener".into(),
            source,
        })
    });
    Ok(RunningServer {
        local_addr,
        imds_addr,
        container_addr,
        cql_addr,
        task,
    })
}

/// The layers below the API never reach up into it: authentication (keys, sessions), the
/// directory, authorization and the shared leaf modules import neither the IAM or STS handlers,
/// nor the pipeline, nor the fronts. A new import that would close a cycle fails here.
#[cfg(test)]
mod layering {
    /// (file, source) of every module below the API layer.
    const BELOW_API: &[(&str, &str)] = &[
        ("arn.rs", include_str!("arn.rs")),
        ("audit.rs", include_str!("audit.rs")),
        ("authz.rs", include_str!("authz.rs")),
        ("directory/mod.rs", include_str!("directory/mod.rs")),
        ("directory/catalog.rs", include_str!("directory/catalog.rs")),
        ("error.rs", include_str!("error.rs")),
        ("identity.rs", include_str!("identity.rs")),
        ("ids.rs", include_str!("ids.rs")),
        ("keys.rs", include_str!("keys.rs")),
        ("operations.rs", include_str!("operations.rs")),
        ("protocol/query.rs", include_str!("protocol/query.rs")),
        ("protocol/xml.rs", include_str!("protocol/xml.rs")),
        ("session.rs", include_str!("session.rs")),
        ("validate.rs", include_str!("validate.rs")),
    ];

    /// The API, the fronts and the pipeline above them.
    const ABOVE: &[&str] = &[
        "crate::iam",
        "crate::sts",
        "crate::web_identity",
        "crate::pipeline",
        "crate::keyspaces",
        "crate::vending",
    ];

    #[test]
    fn lower_layers_do_not_import_the_api() {
        for (file, source) in BELOW_API {
            // A module's own tests may drive it through the API.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for above in ABOVE {
                assert!(
                    !code.contains(above),
                    "{file} imports {above}, a layer above it"
                );
            }
        }
    }
}
