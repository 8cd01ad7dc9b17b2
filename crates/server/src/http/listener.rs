//! Serving connections so that no client can take the server down by holding them: every
//! connection holds one permit of a fixed pool, and when none is left a new connection gets
//! `503 ServiceUnavailable` at once and is closed; a request's headers must arrive within the
//! header timeout (slowloris) and its body within the body timeout; a connection that sends and receives nothing for the idle timeout
//! is closed; and the process raises its open-file limit at start so the pool fits in it.
//! With TLS, the handshake must also finish within the header timeout.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::{Extension, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};
use tokio::time::Instant;
use tokio_rustls::TlsAcceptor;

use crate::config::ConnectionLimits;
use crate::metrics::metrics;

/// Descriptors kept free of connections, for the store, the audit log and the other listeners.
const RESERVED_DESCRIPTORS: u64 = 256;
/// How long a refused connection may take to read its `503`.
const REFUSAL_WRITE_TIMEOUT: Duration = Duration::from_secs(1);
/// What a connection gets when every permit is taken.
const REFUSAL: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\
content-type: text/xml\r\ncontent-length: 157\r\n\r\n\
<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code>\
<Message>Too many open connections; retry later.</Message></Error></ErrorResponse>\n";

/// Raises the soft open-file limit to the hard one (the default soft limit, 1,024, is far below
/// what a server needs) and returns how many connections fit in it, leaving
/// [`RESERVED_DESCRIPTORS`] for everything else. Where the limit cannot be read, `wanted`.
pub(crate) fn fit_open_file_limit(wanted: usize) -> usize {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        if let Err(e) = setrlimit(Resource::Nofile, limit) {
            tracing::warn!(error = %e, "could not raise the open-file limit");
            limit = getrlimit(Resource::Nofile);
        }
    }
    match limit.current {
        Some(files) => {
            let room =
                usize::try_from(files.saturating_sub(RESERVED_DESCRIPTORS)).unwrap_or(wanted);
            if room < wanted {
                tracing::warn!(
                    open_files = files,
                    connections = room,
                    "connection limit lowered to fit the open-file limit"
                );
            }
            wanted.min(room.max(1))
        }
        None => wanted,
    }
}

/// Whether a request came over TLS (`aws:SecureTransport`), set on every request by the listener.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SecureTransport(pub bool);

/// Serves `app` on `listener` (over TLS with `tls`) within `limits` until `shutdown` resolves;
/// then stops accepting, lets each connection finish its request in flight, and returns once all
/// are closed. `name` labels the listener's connection metrics.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    tls: Option<TlsAcceptor>,
    name: &'static str,
    shutdown: impl std::future::Future<Output = ()> + Send,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (closing, closed) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors or a connection reset before it was accepted: wait a
                    // moment rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        match Arc::clone(&permits).try_acquire_owned() {
            Ok(permit) => {
                let app = app.clone();
                let closed = closed.clone();
                let tls = tls.clone();
                let open = metrics().connection_opened(name);
                tokio::spawn(async move {
                    connection(stream, peer, app, limits, tls, closed).await;
                    drop(open);
                    drop(permit);
                });
            }
            Err(_) => {
                metrics().connection_refused(name);
                tracing::warn!(%peer, "connection refused: every connection permit is taken");
                tokio::spawn(refuse(stream));
            }
        }
    }
    let _ = closing.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let _ = permits.acquire_many(all).await;
}

async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(REFUSAL_WRITE_TIMEOUT, async {
        stream.write_all(REFUSAL).await?;
        stream.shutdown().await
    })
    .await;
}

/// One connection: the TLS handshake (within the header timeout) when configured, then
/// [`exchange`].
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    tls: Option<TlsAcceptor>,
    closed: watch::Receiver<bool>,
) {
    let started = Instant::now();
    let activity = Arc::new(AtomicU64::new(0));
    let io = Tracked {
        inner: stream,
        started,
        activity: Arc::clone(&activity),
    };
    let Some(acceptor) = tls else {
        let app = app.layer(Extension(SecureTransport(false)));
        return exchange(io, peer, app, limits, closed, started, activity).await;
    };
    match tokio::time::timeout(limits.header_timeout, acceptor.accept(io)).await {
        Ok(Ok(tls_stream)) => {
            let app = app.layer(Extension(SecureTransport(true)));
            exchange(tls_stream, peer, app, limits, closed, started, activity).await;
        }
        Ok(Err(e)) => tracing::debug!(error = %e, %peer, "TLS handshake failed"),
        Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
    }
}

/// HTTP/1.1 with keep-alive, the header timeout, and the idle timeout, closed gracefully
/// (after its request in flight) when the idle timeout passes or the server stops.
async fn exchange<Io>(
    io: Io,
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    mut closed: watch::Receiver<bool>,
    started: Instant,
    activity: Arc<AtomicU64>,
) where
    Io: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = TowerToHyperService::new(
        app.layer(Extension(ConnectInfo(peer)))
            .layer(Extension(limits)),
    );
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    let mut closing = false;
    loop {
        let last = started + Duration::from_millis(activity.load(Ordering::Relaxed));
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, %peer, "connection ended with an error");
                }
                return;
            }
            changed = closed.changed(), if !closing => {
                if changed.is_err() || *closed.borrow() {
                    closing = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
            () = tokio::time::sleep_until(last + limits.idle_timeout), if !closing => {
                let idle_since = started + Duration::from_millis(activity.load(Ordering::Relaxed));
                if idle_since + limits.idle_timeout <= Instant::now() {
                    closing = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

/// A TCP stream that records when it last read or wrote a byte, in milliseconds since `started`.
struct Tracked {
    inner: TcpStream,
    started: Instant,
    activity: Arc<AtomicU64>,
}

impl Tracked {
    fn touch(&self) {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.activity.store(now, Ordering::Relaxed);
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.touch();
        }
        polled
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
