//! A Keyspaces-style front for Apache Cassandra and ScyllaDB: a Cassandra native-protocol (v4)
//! listener, enabled by `--cql-listen`, that authenticates drivers itself and authorizes every
//! statement with IAM policies before relaying it to the real server (`--cql-upstream`).
//!
//! Authentication, the two ways Amazon Keyspaces offers it, after STARTUP is answered with an
//! AUTHENTICATE naming `PasswordAuthenticator` (the AWS SigV4 plugins ignore the class):
//! - the SigV4 plugins' handshake (`SigV4\0\0` → `nonce=…` → `signature=…,access_key=…,
//!   amzdate=…[,session_token=…]`), verified by `keyward_sigv4` against Keyward's access keys
//!   and sealed session tokens, in the configured region;
//! - SASL PLAIN (`\0user\0password`) with service-specific credentials for `cassandra`.
//!
//! Only then is the upstream connection opened (with the operator's upstream credentials, if
//! any) and AUTH_SUCCESS sent, so every failure reaches the driver as an error frame.
//!
//! Authorization: each QUERY, PREPARE, EXECUTE (through the statement its id was prepared
//! from) and BATCH is classified by `keyward_cql` into a `cassandra:*` action and a
//! keyspace or table ARN, and decided by [`authz::authorize`], the path every IAM call takes.
//! A denial is a CQL `Unauthorized` error naming principal, action and resource; an allowed
//! frame is relayed byte for byte, and every upstream frame (responses, events, stream ids)
//! comes back untouched. Each decision is one CloudTrail-shaped audit record. A connection
//! signed in with temporary credentials refuses statements once they have expired.
//!
//! The session keyspace follows the upstream: a `USE` holds later frames until the upstream
//! has answered it, so no statement is ever classified against a keyspace other than the one
//! the upstream will run it in.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex as StdMutex, RwLock};
use std::time::Duration;

use keyward_cql::message::ResultBody;
use keyward_cql::{
    classify, BatchStatement, ClassifyError, ErrorCode, Frame, FrameError, Header, Request,
    Response, Statement, HEADER_LEN, MAX_BODY_LEN,
};
use keyward_sigv4::{self as sigv4, CqlAuthResponse};
use keyward_store::AccessKeyLastUsed;
use rand::Rng;
use serde_json::json;
use time::OffsetDateTime;
use tokio::io::{
    AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, ReadHalf, WriteHalf,
};
use tokio::net::TcpStream;
use tokio::sync::{oneshot, Mutex};
use tokio_rustls::TlsAcceptor;

use crate::audit::{AuditRecord, EventSource, Origin, UserIdentity};
use crate::auth::identity::{Caller, Identity};
use crate::auth::session;
use crate::authz::{authorize, RequestFacts, Resource};
use crate::config::{CqlConfig, StartError};
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// The authenticator class announced to drivers: the one plain-text drivers expect, and one
/// the SigV4 plugins accept (they ignore the name).
const AUTHENTICATOR: &str = "org.apache.cassandra.auth.PasswordAuthenticator";
/// How long the upstream may take to accept a connection and finish its handshake.
const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(10);
/// Prepared ids remembered across connections (a driver prepares once per host and executes
/// on every connection); beyond this the map starts over and drivers prepare again.
const MAX_PREPARED: usize = 100_000;
/// Largest frame body accepted before authentication completes: STARTUP, OPTIONS and the
/// SASL exchange (a session token is a few KiB), so an unauthenticated client cannot make the
/// front allocate a full-size frame.
const MAX_HANDSHAKE_BODY: u32 = 64 * 1024;
/// How long a refused connection's remaining input is read before the socket is dropped.
const LINGER: Duration = Duration::from_secs(1);

/// A driver's connection: plain TCP, or TLS as Amazon Keyspaces requires.
trait DriverStream: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> DriverStream for T {}
/// The reading half of a driver's connection.
type DriverReader = ReadHalf<Box<dyn DriverStream>>;
/// The writing half of a driver's connection.
type DriverWriter = WriteHalf<Box<dyn DriverStream>>;

/// What every connection shares.
struct Front {
    state: Arc<AppState>,
    config: CqlConfig,
    /// Set when drivers connect over TLS (`--cql-tls`).
    tls: Option<TlsAcceptor>,
    /// Prepared id → the statements it was prepared from (already resolved to a keyspace).
    prepared: RwLock<HashMap<Vec<u8>, Arc<Vec<Statement>>>>,
}

/// Starts the CQL front; returns its address and its task.
pub(crate) async fn start(
    state: Arc<AppState>,
    config: CqlConfig,
    tls: Option<TlsAcceptor>,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), StartError> {
    let io = |source| StartError::Io {
        path: format!("CQL listen address {}", config.listen).into(),
        source,
    };
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(io)?;
    let local = listener.local_addr().map_err(io)?;
    let front = Arc::new(Front {
        state,
        config,
        tls,
        prepared: RwLock::new(HashMap::new()),
    });
    let task = tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((socket, peer)) => {
                    let _ = socket.set_nodelay(true);
                    tokio::spawn(serve(Arc::clone(&front), socket, peer));
                }
                Err(e) => {
                    tracing::error!(error = %e, "CQL front: accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    });
    Ok((local, task))
}

/// Why reading a frame stopped.
enum ReadError {
    /// The peer closed or the socket failed.
    Closed,
    /// The header is unusable; the stream is the one to answer on.
    Frame(FrameError, i16),
}

async fn read_frame<R: AsyncReadExt + Unpin>(r: &mut R, max: u32) -> Result<Frame, ReadError> {
    let mut head = [0u8; HEADER_LEN];
    r.read_exact(&mut head)
        .await
        .map_err(|_| ReadError::Closed)?;
    let stream = i16::from_be_bytes([head[2], head[3]]);
    let header = Header::decode(&head).map_err(|e| ReadError::Frame(e, stream))?;
    if header.length > max {
        return Err(ReadError::Frame(
            FrameError::TooLong {
                length: header.length,
                max,
            },
            stream,
        ));
    }
    let mut body = vec![0u8; header.length as usize];
    r.read_exact(&mut body)
        .await
        .map_err(|_| ReadError::Closed)?;
    Ok(Frame { header, body })
}

async fn send(w: &mut DriverWriter, response: &Response, stream: i16) -> bool {
    w.write_all(&response.to_frame(stream).to_bytes())
        .await
        .is_ok()
}

/// One driver connection: the TLS handshake when configured, the CQL handshake, then the
/// relay.
async fn serve(front: Arc<Front>, socket: TcpStream, peer: SocketAddr) {
    let stream: Box<dyn DriverStream> = match &front.tls {
        None => Box::new(socket),
        Some(acceptor) => {
            match tokio::time::timeout(UPSTREAM_TIMEOUT, acceptor.accept(socket)).await {
                Ok(Ok(tls)) => Box::new(tls),
                Ok(Err(e)) => {
                    tracing::debug!(error = %e, %peer, "CQL front: TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::debug!(%peer, "CQL front: TLS handshake timed out");
                    return;
                }
            }
        }
    };
    let (rd, mut wr) = tokio::io::split(stream);
    let mut rd = BufReader::new(rd);
    let Some(session) = handshake(&front, &mut rd, &mut wr, peer).await else {
        close_after_error(rd, wr).await;
        return;
    };
    relay(front, session, rd, wr).await;
}

/// Closes a connection the front refused, so that its error frame arrives: closing a socket
/// with unread input makes the kernel send a reset, which can destroy the frame in flight, so
/// the rest of the client's input is read (briefly) after the write side is shut.
async fn close_after_error(mut rd: BufReader<DriverReader>, mut wr: DriverWriter) {
    let _ = wr.shutdown().await;
    let drain = async {
        let mut sink = [0u8; 4096];
        while matches!(rd.read(&mut sink).await, Ok(n) if n > 0) {}
    };
    let _ = tokio::time::timeout(LINGER, drain).await;
}

/// An authenticated connection with its upstream.
struct Session {
    caller: Caller,
    expires: Option<OffsetDateTime>,
    peer: SocketAddr,
    user_agent: String,
    upstream: TcpStream,
}

/// Where the authentication exchange stands.
enum Stage {
    /// Waiting for STARTUP.
    Start,
    /// AUTHENTICATE sent; waiting for the initial response.
    Authenticate,
    /// The SigV4 nonce was sent.
    Challenged(String),
}

/// Answers OPTIONS, STARTUP and the SASL exchange until the driver is authenticated and the
/// upstream is ready; `None` after an error frame was sent.
async fn handshake(
    front: &Front,
    rd: &mut BufReader<DriverReader>,
    wr: &mut DriverWriter,
    peer: SocketAddr,
) -> Option<Session> {
    let mut stage = Stage::Start;
    let mut startup: Vec<(String, String)> = Vec::new();
    loop {
        let frame = match read_frame(rd, MAX_HANDSHAKE_BODY).await {
            Ok(frame) => frame,
            Err(ReadError::Closed) => return None,
            Err(ReadError::Frame(e, stream)) => {
                send(
                    wr,
                    &Response::error(ErrorCode::ProtocolError, e.to_string()),
                    stream,
                )
                .await;
                return None;
            }
        };
        let stream = frame.header.stream;
        let protocol_error = |m: String| Response::error(ErrorCode::ProtocolError, m);
        let request = match Request::decode(&frame) {
            Ok(r) => r,
            Err(e) => {
                send(wr, &protocol_error(e.to_string()), stream).await;
                return None;
            }
        };
        match (request, &stage) {
            (Request::Options, _) => {
                if !send(wr, &supported(), stream).await {
                    return None;
                }
            }
            (Request::Startup(options), Stage::Start) => {
                if let Some((_, c)) = options.iter().find(|(k, _)| k == "COMPRESSION") {
                    let m = format!("Unsupported compression algorithm {c}: the front offers none");
                    send(wr, &protocol_error(m), stream).await;
                    return None;
                }
                startup = options;
                stage = Stage::Authenticate;
                if !send(wr, &Response::Authenticate(AUTHENTICATOR.into()), stream).await {
                    return None;
                }
            }
            (Request::AuthResponse(token), Stage::Authenticate) => {
                let token = token.unwrap_or_default();
                if token == sigv4::CQL_INITIAL_RESPONSE {
                    let nonce = nonce();
                    let challenge = Response::AuthChallenge(Some(sigv4::cql_challenge(&nonce)));
                    stage = Stage::Challenged(nonce);
                    if !send(wr, &challenge, stream).await {
                        return None;
                    }
                    continue;
                }
                let outcome = authenticate_plain(front, &token).await;
                return finish(front, wr, stream, outcome, &startup, peer).await;
            }
            (Request::AuthResponse(token), Stage::Challenged(nonce)) => {
                let outcome =
                    authenticate_sigv4(front, &token.unwrap_or_default(), nonce.as_bytes()).await;
                return finish(front, wr, stream, outcome, &startup, peer).await;
            }
            (request, _) => {
                let m = format!(
                    "{} is not allowed before authentication completes (STARTUP, then \
                     AUTH_RESPONSE)",
                    opcode_name(&request)
                );
                send(wr, &protocol_error(m), stream).await;
                return None;
            }
        }
    }
}

/// What the front supports: protocol v4 and no compression, so every body can be read.
fn supported() -> Response {
    Response::Supported(vec![
        ("CQL_VERSION".into(), vec!["3.4.5".into()]),
        ("COMPRESSION".into(), vec![]),
        ("PROTOCOL_VERSIONS".into(), vec!["4/v4".into()]),
    ])
}

fn opcode_name(request: &Request) -> &'static str {
    match request {
        Request::Startup(_) => "STARTUP",
        Request::Options => "OPTIONS",
        Request::AuthResponse(_) => "AUTH_RESPONSE",
        Request::Query(_) => "QUERY",
        Request::Prepare(_) => "PREPARE",
        Request::Execute(_) => "EXECUTE",
        Request::Batch(_) => "BATCH",
        Request::Register(_) => "REGISTER",
    }
}

/// 32 random hex characters, fresh for each connection.
fn nonce() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A failed authentication: the message for the driver and the key that was tried.
struct AuthFailure {
    message: String,
    access_key_id: Option<String>,
}

impl AuthFailure {
    fn new(message: impl Into<String>, access_key_id: Option<&str>) -> Self {
        AuthFailure {
            message: message.into(),
            access_key_id: access_key_id.map(str::to_owned),
        }
    }
}

/// Who signed in, and until when temporary credentials are valid.
struct Authenticated {
    caller: Caller,
    expires: Option<OffsetDateTime>,
}

/// Sends AUTH_SUCCESS once the upstream is ready, or the error; records the outcome.
async fn finish(
    front: &Front,
    wr: &mut DriverWriter,
    stream: i16,
    outcome: Result<Authenticated, AuthFailure>,
    startup: &[(String, String)],
    peer: SocketAddr,
) -> Option<Session> {
    let user_agent = user_agent(startup);
    let Authenticated { caller, expires } = match outcome {
        Ok(authenticated) => authenticated,
        Err(failure) => {
            audit_authentication(front, peer, &user_agent, None, Some(&failure)).await;
            send(
                wr,
                &Response::error(ErrorCode::AuthenticationError, failure.message),
                stream,
            )
            .await;
            return None;
        }
    };
    audit_authentication(front, peer, &user_agent, Some(&caller), None).await;
    match connect_upstream(&front.config, startup).await {
        Ok(upstream) => {
            if !send(wr, &Response::AuthSuccess(None), stream).await {
                return None;
            }
            Some(Session {
                caller,
                expires,
                peer,
                user_agent,
                upstream,
            })
        }
        Err(message) => {
            tracing::error!(upstream = %front.config.upstream, error = %message, "CQL front: upstream unavailable");
            let m = format!("Keyward could not reach the Cassandra upstream: {message}");
            send(wr, &Response::error(ErrorCode::ServerError, m), stream).await;
            None
        }
    }
}

fn user_agent(startup: &[(String, String)]) -> String {
    let get = |k: &str| {
        startup
            .iter()
            .find(|(key, _)| key == k)
            .map_or("", |(_, v)| v.as_str())
    };
    format!("{} {}", get("DRIVER_NAME"), get("DRIVER_VERSION"))
        .trim()
        .to_owned()
}

/// The SigV4 plugins' second response: time window, key or session, then the signature.
async fn authenticate_sigv4(
    front: &Front,
    token: &[u8],
    nonce: &[u8],
) -> Result<Authenticated, AuthFailure> {
    let state = &front.state;
    let region = &front.config.region;
    let response =
        CqlAuthResponse::parse(token).map_err(|e| AuthFailure::new(e.to_string(), None))?;
    let key_id = response.access_key_id.as_str();
    let fail = |e: &dyn std::fmt::Display| AuthFailure::new(e.to_string(), Some(key_id));
    let invalid = || {
        AuthFailure::new(
            "The security token included in the request is invalid.",
            Some(key_id),
        )
    };
    let now = state.clock.now();
    let mut expires = None;
    let (principal, secret, token_issued, mfa_authenticated) =
        if key_id.starts_with(ids::SESSION_KEY_PREFIX) {
            let token = response.session_token.as_deref().ok_or_else(invalid)?;
            let claims = session::open(&state.master, token)
                .filter(|c| c.access_key_id == key_id)
                .ok_or_else(invalid)?;
            if claims.expires_at() <= now {
                return Err(AuthFailure::new(
                    "The security token included in the request is expired",
                    Some(key_id),
                ));
            }
            let issued = claims.issued_at();
            expires = Some(claims.expires_at());
            let mfa = claims.mfa_authenticated_at();
            (
                Identity::from_session(claims.subject, issued),
                claims.secret_access_key,
                Some(issued),
                mfa,
            )
        } else {
            let key = state
                .keys
                .get(state.store.as_ref(), &state.master, key_id)
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "CQL front: key lookup failed");
                    AuthFailure::new("Keyward could not read its key store", Some(key_id))
                })?
                .filter(|k| k.status == keyward_store::AccessKeyStatus::Active)
                .ok_or_else(invalid)?;
            if response.session_token.is_some() {
                return Err(invalid());
            }
            (key.identity.clone(), key.secret.clone(), None, None)
        };
    response.check_time(now).map_err(|e| fail(&e))?;
    let signing_key = state
        .signing_keys
        .get(key_id, &secret, &response.scope(region));
    response
        .verify(nonce, region, &signing_key)
        .map_err(|e| fail(&e))?;
    if token_issued.is_none() {
        state.keys.record_use(
            key_id,
            AccessKeyLastUsed {
                date: now,
                service: sigv4::CQL_SERVICE.to_owned(),
                region: region.clone(),
            },
        );
    }
    Ok(Authenticated {
        caller: Caller {
            identity: principal,
            access_key_id: key_id.to_owned(),
            account: state.account.clone(),
            token_issued,
            token_expires: expires,
            mfa_authenticated,
        },
        expires,
    })
}

/// SASL PLAIN (`authzid\0user\0password`) with a service-specific credential.
async fn authenticate_plain(front: &Front, token: &[u8]) -> Result<Authenticated, AuthFailure> {
    let mut parts = token.split(|&b| b == 0);
    let (Some(_authzid), Some(user), Some(password), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(AuthFailure::new(
            "Unsupported initial response: expected SigV4 or PLAIN (\\0user\\0password)",
            None,
        ));
    };
    let user = String::from_utf8_lossy(user);
    let password = String::from_utf8_lossy(password);
    crate::directory::service_credentials::service_credential_caller(&front.state, &user, &password)
        .await
        .map(|caller| Authenticated {
            caller,
            expires: None,
        })
        .map_err(|e| {
            if let ApiError::ServiceFailure = e {
                tracing::error!("CQL front: service credential lookup failed");
            }
            AuthFailure::new(
                format!("Provided username {user} and/or password are incorrect"),
                None,
            )
        })
}

/// Opens the upstream connection: STARTUP (the driver's options, no compression), then
/// PasswordAuthenticator with the configured credentials if the upstream asks.
async fn connect_upstream(
    config: &CqlConfig,
    startup: &[(String, String)],
) -> Result<TcpStream, String> {
    let connect = async {
        let mut upstream = TcpStream::connect(&config.upstream)
            .await
            .map_err(|e| e.to_string())?;
        let _ = upstream.set_nodelay(true);
        let options: Vec<(String, String)> = if startup.is_empty() {
            vec![("CQL_VERSION".into(), "3.0.0".into())]
        } else {
            startup.to_vec()
        };
        let mut next = Request::Startup(options);
        loop {
            let (opcode, body) = next.encode();
            upstream
                .write_all(&Frame::request(0, opcode, body).to_bytes())
                .await
                .map_err(|e| e.to_string())?;
            let frame = match read_frame(&mut upstream, MAX_HANDSHAKE_BODY).await {
                Ok(frame) => frame,
                Err(ReadError::Closed) => return Err("the upstream closed the connection".into()),
                Err(ReadError::Frame(e, _)) => return Err(e.to_string()),
            };
            match Response::decode(&frame).map_err(|e| e.to_string())? {
                Response::Ready | Response::AuthSuccess(_) => return Ok(upstream),
                Response::Authenticate(class) => match &config.upstream_credentials {
                    Some(c) => {
                        let mut plain = vec![0u8];
                        plain.extend_from_slice(c.username.as_bytes());
                        plain.push(0);
                        plain.extend_from_slice(c.password.as_bytes());
                        next = Request::AuthResponse(Some(plain));
                    }
                    None => {
                        return Err(format!(
                            "it requires authentication ({class}); give --cql-upstream-username \
                             and KEYWARD_CQL_UPSTREAM_PASSWORD"
                        ))
                    }
                },
                Response::Error { message, .. } => return Err(message),
                other => return Err(format!("unexpected answer {other:?}")),
            }
        }
    };
    tokio::time::timeout(UPSTREAM_TIMEOUT, connect)
        .await
        .unwrap_or_else(|_| Err("timed out".into()))
}

/// What a stream waits for from the upstream.
enum Pending {
    /// A PREPARE of these statements: its RESULT names the id.
    Prepare(Arc<Vec<Statement>>),
    /// A USE: its RESULT sets the keyspace; the client side waits for it.
    Use(oneshot::Sender<()>),
}

/// State both directions of one connection share.
struct Shared {
    keyspace: StdMutex<Option<String>>,
    pending: StdMutex<HashMap<i16, Pending>>,
}

/// Relays frames both ways until either side closes.
async fn relay(
    front: Arc<Front>,
    session: Session,
    mut rd: BufReader<DriverReader>,
    wr: DriverWriter,
) {
    let Session {
        caller,
        expires,
        peer,
        user_agent,
        upstream,
    } = session;
    let (up_rd, mut up_wr) = upstream.into_split();
    let client = Arc::new(Mutex::new(wr));
    let shared = Arc::new(Shared {
        keyspace: StdMutex::new(None),
        pending: StdMutex::new(HashMap::new()),
    });
    let downstream = tokio::spawn(relay_upstream(
        Arc::clone(&front),
        Arc::clone(&shared),
        BufReader::new(up_rd),
        Arc::clone(&client),
    ));
    let conn = Connection {
        front: &front,
        caller: &caller,
        expires,
        peer,
        user_agent: &user_agent,
        shared: &shared,
    };
    loop {
        let frame = match read_frame(&mut rd, MAX_BODY_LEN).await {
            Ok(frame) => frame,
            Err(ReadError::Closed) => break,
            Err(ReadError::Frame(e, stream)) => {
                let reply = Response::error(ErrorCode::ProtocolError, e.to_string());
                send(&mut *client.lock().await, &reply, stream).await;
                break;
            }
        };
        let stream = frame.header.stream;
        match conn.check(&frame).await {
            Verdict::Forward(wait) => {
                if up_wr.write_all(&frame.to_bytes()).await.is_err() {
                    break;
                }
                if let Some(answered) = wait {
                    // The upstream task fires it on the USE's answer, or drops it at close.
                    let _ = answered.await;
                }
            }
            Verdict::Answer(response) => {
                if !send(&mut *client.lock().await, &response, stream).await {
                    break;
                }
            }
        }
    }
    downstream.abort();
    let _ = up_wr.shutdown().await;
    let _ = client.lock().await.shutdown().await;
}

/// Relays every upstream frame to the client unchanged, noting prepared ids and keyspace
/// changes on the way.
async fn relay_upstream(
    front: Arc<Front>,
    shared: Arc<Shared>,
    mut rd: BufReader<tokio::net::tcp::OwnedReadHalf>,
    client: Arc<Mutex<DriverWriter>>,
) {
    loop {
        let frame = match read_frame(&mut rd, MAX_BODY_LEN).await {
            Ok(frame) => frame,
            Err(ReadError::Closed) => break,
            Err(ReadError::Frame(e, _)) => {
                tracing::error!(error = %e, "CQL front: unreadable frame from the upstream");
                break;
            }
        };
        let pending = if frame.header.stream >= 0 {
            lock(&shared.pending).remove(&frame.header.stream)
        } else {
            None
        };
        if let Some(pending) = pending {
            let result = match Response::decode(&frame) {
                Ok(Response::Result(body)) => Some(body),
                _ => None,
            };
            match (pending, result) {
                (Pending::Prepare(statements), Some(ResultBody::Prepared { id, .. })) => {
                    front.remember(id, statements);
                }
                (Pending::Use(done), result) => {
                    if let Some(ResultBody::SetKeyspace(ks)) = result {
                        *lock(&shared.keyspace) = Some(ks);
                    }
                    let _ = done.send(());
                }
                (Pending::Prepare(_), _) => {}
            }
        }
        if client
            .lock()
            .await
            .write_all(&frame.to_bytes())
            .await
            .is_err()
        {
            break;
        }
    }
    // Dropping the pending entries releases a client side waiting on a USE.
    lock(&shared.pending).clear();
    let _ = client.lock().await.shutdown().await;
}

fn lock<T>(m: &StdMutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Front {
    fn remember(&self, id: Vec<u8>, statements: Arc<Vec<Statement>>) {
        let mut prepared = self
            .prepared
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if prepared.len() >= MAX_PREPARED {
            prepared.clear();
        }
        prepared.insert(id, statements);
    }

    fn prepared(&self, id: &[u8]) -> Option<Arc<Vec<Statement>>> {
        self.prepared
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(id)
            .cloned()
    }
}

/// What to do with a client frame.
enum Verdict {
    /// Relay it; for a USE, wait for the upstream's answer before reading on.
    Forward(Option<oneshot::Receiver<()>>),
    /// Answer it here and relay nothing.
    Answer(Response),
}

/// One authenticated connection, as its statements are checked.
struct Connection<'a> {
    front: &'a Front,
    caller: &'a Caller,
    /// When the session's temporary credentials expire; statements after that are refused.
    expires: Option<OffsetDateTime>,
    peer: SocketAddr,
    user_agent: &'a str,
    shared: &'a Shared,
}

impl Connection<'_> {
    async fn check(&self, frame: &Frame) -> Verdict {
        let protocol_error =
            |m: String| Verdict::Answer(Response::error(ErrorCode::ProtocolError, m));
        let request = match Request::decode(frame) {
            Ok(r) => r,
            Err(e) => return protocol_error(e.to_string()),
        };
        if !matches!(request, Request::Options)
            && self
                .expires
                .is_some_and(|e| e <= self.front.state.clock.now())
        {
            let message = "The security token included in the request is expired";
            self.audit(
                "Expired",
                opcode_name(&request),
                None,
                Some(("ExpiredToken", message)),
            )
            .await;
            return Verdict::Answer(Response::error(ErrorCode::Unauthorized, message));
        }
        let keyspace = lock(&self.shared.keyspace).clone();
        let stream = frame.header.stream;
        let (statements, opcode) = match &request {
            Request::Options => return Verdict::Answer(supported()),
            Request::Register(_) => return Verdict::Forward(None),
            Request::Startup(_) | Request::AuthResponse(_) => {
                return protocol_error(format!(
                    "{} is not allowed after authentication",
                    opcode_name(&request)
                ))
            }
            Request::Query(text) | Request::Prepare(text) => {
                match classify(text, keyspace.as_deref()) {
                    Ok(s) => (s, opcode_name(&request)),
                    Err(e) => return self.refuse_unclassified(&request, &e).await,
                }
            }
            Request::Execute(id) => match self.front.prepared(id) {
                Some(s) => (s.as_ref().clone(), "EXECUTE"),
                None => return Verdict::Answer(unprepared(id)),
            },
            Request::Batch(items) => {
                let mut all = Vec::new();
                for item in items {
                    match item {
                        BatchStatement::Query(text) => match classify(text, keyspace.as_deref()) {
                            Ok(s) => all.extend(s),
                            Err(e) => return self.refuse_unclassified(&request, &e).await,
                        },
                        BatchStatement::Prepared(id) => match self.front.prepared(id) {
                            Some(s) => all.extend(s.iter().cloned()),
                            None => return Verdict::Answer(unprepared(id)),
                        },
                    }
                }
                (all, "BATCH")
            }
        };
        for statement in &statements {
            if let Err(refusal) = self.decide(statement, opcode).await {
                return Verdict::Answer(refusal);
            }
        }
        match request {
            Request::Prepare(_) => {
                lock(&self.shared.pending).insert(stream, Pending::Prepare(Arc::new(statements)));
                Verdict::Forward(None)
            }
            Request::Query(_) | Request::Execute(_)
                if statements
                    .iter()
                    .any(|s| s.action == keyward_cql::Action::Use) =>
            {
                let (tx, rx) = oneshot::channel();
                lock(&self.shared.pending).insert(stream, Pending::Use(tx));
                Verdict::Forward(Some(rx))
            }
            _ => Verdict::Forward(None),
        }
    }

    /// A statement the classifier refuses is never relayed: one it cannot resolve is answered
    /// as Cassandra would (a syntax error, no keyspace), one it does not authorize as
    /// `Unauthorized` (fail closed). Either way it is recorded.
    async fn refuse_unclassified(&self, request: &Request, error: &ClassifyError) -> Verdict {
        let (code, message) = match error {
            ClassifyError::Syntax(_) => (ErrorCode::SyntaxError, error.to_string()),
            ClassifyError::NoKeyspace | ClassifyError::Empty => {
                (ErrorCode::Invalid, error.to_string())
            }
            ClassifyError::Unsupported(_) | ClassifyError::MultipleStatements => (
                ErrorCode::Unauthorized,
                format!(
                    "{} is not authorized to run this statement: {error}",
                    self.caller.arn()
                ),
            ),
        };
        self.audit(
            "Unclassified",
            opcode_name(request),
            None,
            Some(("Refused", &message)),
        )
        .await;
        Verdict::Answer(Response::error(code, message))
    }

    /// Authorizes one statement; the error is the frame to answer with.
    async fn decide(&self, statement: &Statement, opcode: &str) -> Result<(), Response> {
        let Some(action) = statement.action.iam_action() else {
            self.audit("Use", opcode, Some(statement), None).await;
            return Ok(());
        };
        let state = &self.front.state;
        let region = &self.front.config.region;
        let resource = Resource::arn(statement.resource_arn(region, &state.account.0));
        let facts = RequestFacts {
            source_ip: self.peer.ip(),
            region: region.clone(),
            user_agent: self.user_agent.to_owned(),
            time: state.clock.now(),
            operation_keys: Vec::new(),
            secure_transport: self.front.tls.is_some(),
        };
        let event = action.trim_start_matches("cassandra:");
        match authorize(state, self.caller, action, &resource, &facts).await {
            Ok(()) => {
                self.audit(event, opcode, Some(statement), None).await;
                Ok(())
            }
            Err(ApiError::AccessDenied(message)) => {
                self.audit(
                    event,
                    opcode,
                    Some(statement),
                    Some(("AccessDenied", &message)),
                )
                .await;
                Err(Response::error(ErrorCode::Unauthorized, message))
            }
            Err(e) => {
                let message = e.message();
                self.audit(event, opcode, Some(statement), Some((e.code(), &message)))
                    .await;
                Err(Response::error(ErrorCode::ServerError, message))
            }
        }
    }

    async fn audit(
        &self,
        event: &str,
        opcode: &str,
        statement: Option<&Statement>,
        error: Option<(&str, &str)>,
    ) {
        let region = &self.front.config.region;
        let account = &self.front.state.account.0;
        let request = match statement {
            Some(s) => json!({
                "keyspaceName": s.keyspace,
                "tableName": s.table,
                "resourceArn": s.resource_arn(region, account),
                "operation": opcode,
            }),
            None => json!({ "operation": opcode }),
        };
        let record = keyspaces_record(
            event,
            region,
            self.peer,
            self.user_agent,
            self.caller.audit_identity(),
            error,
            account,
        )
        .with_request(Some(request));
        self.front.state.audit.record(&record).await;
    }
}

fn unprepared(id: &[u8]) -> Response {
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    Response::unprepared(id, format!("Prepared query with ID {hex} not found"))
}

/// A CloudTrail-shaped record of one Keyspaces event.
fn keyspaces_record(
    event: &str,
    region: &str,
    peer: SocketAddr,
    user_agent: &str,
    identity: UserIdentity,
    error: Option<(&str, &str)>,
    account: &str,
) -> AuditRecord {
    let record = AuditRecord::api_call(
        EventSource::Keyspaces,
        event,
        region,
        Origin::client(peer.ip(), user_agent),
        identity,
        &ids::request_id(),
    )
    .with_account(Some(account));
    match error {
        Some((code, message)) => record.with_error(code, message),
        None => record,
    }
}

async fn audit_authentication(
    front: &Front,
    peer: SocketAddr,
    user_agent: &str,
    caller: Option<&Caller>,
    failure: Option<&AuthFailure>,
) {
    let identity = match caller {
        Some(c) => c.audit_identity(),
        None => UserIdentity::unknown(failure.and_then(|f| f.access_key_id.as_deref())),
    };
    let record = keyspaces_record(
        "Authenticate",
        &front.config.region,
        peer,
        user_agent,
        identity,
        failure.map(|f| ("AuthenticationError", f.message.as_str())),
        &front.state.account.0,
    );
    front.state.audit.record(&record).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_32_fresh_hex_characters() {
        let (a, b) = (nonce(), nonce());
        assert_eq!(a.len(), sigv4::CQL_NONCE_LEN);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn supported_offers_v4_without_compression() {
        let frame = supported().to_frame(0);
        match Response::decode(&frame) {
            Ok(Response::Supported(options)) => {
                assert!(options.contains(&("COMPRESSION".into(), vec![])));
                assert!(options.contains(&("PROTOCOL_VERSIONS".into(), vec!["4/v4".into()])));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn user_agent_is_the_drivers_name_and_version() {
        let startup = vec![
            ("CQL_VERSION".to_owned(), "3.0.0".to_owned()),
            (
                "DRIVER_NAME".to_owned(),
                "DataStax Python Driver".to_owned(),
            ),
            ("DRIVER_VERSION".to_owned(), "3.30.1".to_owned()),
        ];
        assert_eq!(user_agent(&startup), "DataStax Python Driver 3.30.1");
        assert_eq!(user_agent(&[]), "");
    }
}
