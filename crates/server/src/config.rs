//! What one `keyward serve` is told: listeners, data directory, account, optional endpoints and
//! the test clock, and why it can fail to start. Kept apart from [`crate::state::AppState`] so
//! that settings are read in one place at start-up, not by every layer.

use std::net::SocketAddr;
use std::path::PathBuf;

use keyward_store::StoreError;
use time::OffsetDateTime;

/// Settings of one `keyward serve`.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: std::net::SocketAddr,
    /// Directory holding the database, master key, root credentials and audit log.
    pub data_dir: PathBuf,
    /// The AWS account id this instance serves.
    pub account_id: String,
    /// Root credentials to install on first start, instead of generated ones.
    pub root_credentials: Option<RootCredentials>,
    /// Base64 master key from the environment, instead of `DATA_DIR/master.key`.
    pub master_key: Option<String>,
    /// The root user's console password to install on first start (`KEYWARD_ROOT_PASSWORD`),
    /// instead of a generated one.
    pub root_password: Option<RootPassword>,
    /// Where the store lives (`sqlite://PATH`, `postgres://…`); `None` for `DATA_DIR/keyward.db`.
    pub store_url: Option<String>,
    /// Seconds added to the real time wherever sessions and signatures are checked, so tests
    /// can reach an expiry without waiting for it.
    pub clock_offset_seconds: i64,
    /// The EC2 instance-metadata endpoints, one listener per instance (an instance reaches
    /// its metadata at one address and sends nothing that tells instances apart).
    pub imds: Vec<ImdsConfig>,
    /// The ECS/EKS container-credentials endpoints, one listener per task or pod.
    pub container: Vec<ContainerConfig>,
    /// The Keyspaces-style CQL front, if enabled.
    pub cql: Option<CqlConfig>,
    /// Connection limits and timeouts of the API listener.
    pub connections: ConnectionLimits,
    /// What one request may send and make the server compute.
    pub requests: RequestLimits,
    /// Serve `GET /metrics` (Prometheus text format, unauthenticated) on the API listener.
    pub metrics: bool,
    /// Serve the credential endpoints (`imds`, `container`) over TLS too, with [`Self::tls`].
    /// Off by default: SDKs fetch credentials with their own trust store, not `AWS_CA_BUNDLE`.
    pub credential_endpoints_tls: bool,
    /// The URL of this server as token verifiers reach it: the `iss` of the tokens
    /// `GetWebIdentityToken` signs, where their OpenID configuration and keys are served.
    /// `None` for `http://` and the bound address (loopback when bound to every address).
    pub issuer_url: Option<String>,
    /// TLS for the API listener, the credential endpoints (with
    /// [`Self::credential_endpoints_tls`]) and the CQL front (with [`CqlConfig::tls`]); `None`
    /// for plain TCP.
    pub tls: Option<TlsSource>,
    /// Rotation, retention and reserved space of the audit log.
    pub audit: AuditSettings,
    /// The partners onboarded for IAM temporary delegation (see [`crate::delegation`]);
    /// `None` onboards none, so `CreateDelegationRequest` is refused.
    pub delegation_partners: Option<PathBuf>,
    /// Where the authorization gateway forwards allowed requests for other AWS services
    /// (`--upstream`); none means such requests are decided and answered "no upstream".
    pub upstreams: Vec<Upstream>,
    /// Whether the gateway refuses what IAM denies or only records it (`--enforce`).
    pub enforcement: Enforcement,
}

/// How the authorization gateway acts on its decisions (`--enforce`). Keyward's own IAM and
/// STS calls are always enforced: learn mode is the gateway's only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Enforcement {
    /// Denied requests are refused in the service's shape.
    #[default]
    Strict,
    /// Every request is forwarded; what strict mode would have denied (and operations Keyward
    /// cannot map) is recorded in the audit log, for `keyward policy generate`.
    Learn,
}

impl Enforcement {
    /// The mode's name on the command line and in audit records.
    pub fn as_str(self) -> &'static str {
        match self {
            Enforcement::Strict => "strict",
            Enforcement::Learn => "learn",
        }
    }
}

impl std::str::FromStr for Enforcement {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "strict" => Ok(Enforcement::Strict),
            "learn" => Ok(Enforcement::Learn),
            other => Err(format!("expected strict or learn, not {other:?}")),
        }
    }
}

/// One `--upstream SERVICE=URL[,key=ID:SECRET|,unsigned]`: the gateway forwards allowed
/// requests of `service` (a SigV4 signing name such as `s3`, or `*` for every service without
/// an upstream of its own) to `url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upstream {
    /// The signing name, or `*`.
    pub service: String,
    /// Base URL: scheme, host, port and an optional path prefix.
    pub url: String,
    /// How forwarded requests are signed.
    pub signing: UpstreamSigning,
}

/// How the gateway signs what it forwards.
#[derive(Clone, PartialEq, Eq)]
pub enum UpstreamSigning {
    /// Not signed: the caller's signature and credentials are removed.
    Unsigned,
    /// Re-signed with SigV4 with these credentials, in the request's region and service.
    Key {
        /// Access key id.
        access_key_id: String,
        /// Secret access key.
        secret_access_key: String,
    },
}

impl std::fmt::Debug for UpstreamSigning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpstreamSigning::Unsigned => f.write_str("Unsigned"),
            UpstreamSigning::Key { access_key_id, .. } => f
                .debug_struct("Key")
                .field("access_key_id", access_key_id)
                .field("secret_access_key", &"<redacted>")
                .finish(),
        }
    }
}

impl std::str::FromStr for Upstream {
    type Err = String;

    /// `SERVICE=URL`, `SERVICE=URL,unsigned` or `SERVICE=URL,key=ID:SECRET`.
    fn from_str(text: &str) -> Result<Self, String> {
        let usage = "expected SERVICE=URL[,unsigned|,key=ACCESS_KEY_ID:SECRET], e.g. s3=http://127.0.0.1:5000";
        let (service, rest) = text.split_once('=').ok_or(usage)?;
        let (url, option) = match rest.split_once(',') {
            Some((url, option)) => (url, Some(option)),
            None => (rest, None),
        };
        let signing = match option {
            None | Some("unsigned") => UpstreamSigning::Unsigned,
            Some(option) => {
                let (id, secret) = option
                    .strip_prefix("key=")
                    .and_then(|pair| pair.split_once(':'))
                    .ok_or(usage)?;
                if id.is_empty() || secret.is_empty() {
                    return Err(usage.to_owned());
                }
                UpstreamSigning::Key {
                    access_key_id: id.to_owned(),
                    secret_access_key: secret.to_owned(),
                }
            }
        };
        let valid_service = service == "*"
            || (!service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        if !valid_service {
            return Err(format!(
                "{service:?} is not a SigV4 service name or *; {usage}"
            ));
        }
        let url = url.trim_end_matches('/');
        if !(url.starts_with("http://") || url.starts_with("https://"))
            || url.parse::<axum::http::Uri>().is_err()
        {
            return Err(format!(
                "{url:?} is not an http:// or https:// URL; {usage}"
            ));
        }
        Ok(Upstream {
            service: service.to_owned(),
            url: url.to_owned(),
            signing,
        })
    }
}

/// Where the listeners' certificate comes from (`--tls-cert`/`--tls-key` or `--tls-self-signed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsSource {
    /// A PEM certificate chain (leaf first) and its PEM private key.
    Files {
        /// The certificate chain.
        cert: PathBuf,
        /// The private key (PKCS#8, PKCS#1 or SEC1).
        key: PathBuf,
    },
    /// A local CA and a certificate for `localhost`, made once in the data dir.
    SelfSigned,
}

/// How the audit log (`DATA_DIR/audit.log`) is rotated, how many rotated files are kept, and
/// how much disk space is held for records not yet written (`--audit-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuditSettings {
    /// Rotate once the file holds this many bytes; 0 never rotates by size.
    pub rotate_bytes: u64,
    /// Rotate a non-empty file this long after it was opened; `None` never rotates by time.
    pub rotate_interval: Option<std::time::Duration>,
    /// Rotated files kept (the oldest are deleted past it); 0 keeps them all.
    pub retain: usize,
    /// Disk space allocated ahead of the records, so a record claimed before a change runs can
    /// always be written: a change that cannot claim room is refused before it runs.
    pub reserve_bytes: u64,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            rotate_bytes: 256 * 1024 * 1024,
            rotate_interval: None,
            retain: 0,
            reserve_bytes: 4 * 1024 * 1024,
        }
    }
}

/// How many connections the API listener holds and how long it waits for them
/// (`--max-connections`, `--header-timeout`, `--idle-timeout`, `--body-timeout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections served at once; more are answered `503` and closed. Lowered at start to fit
    /// the process's open-file limit.
    pub max_connections: usize,
    /// Time a client has to send a request's headers, once it has started.
    pub header_timeout: std::time::Duration,
    /// Time a connection may send and receive nothing before it is closed.
    pub idle_timeout: std::time::Duration,
    /// Time a request's body has to arrive once its headers have.
    pub body_timeout: std::time::Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: 10_000,
            header_timeout: std::time::Duration::from_secs(10),
            idle_timeout: std::time::Duration::from_secs(60),
            body_timeout: std::time::Duration::from_secs(30),
        }
    }
}

/// What one request may send and make the server compute (`--max-body-bytes`,
/// `--simulation-evaluations`, `--simulations-at-once`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLimits {
    /// Largest request body read; a larger one is answered `413 RequestEntityTooLarge` once
    /// this many bytes have arrived.
    pub max_body_bytes: usize,
    /// Evaluations (actions × resources) one page of a `Simulate*` call computes; a page
    /// holds fewer actions when each has many resources, and says `IsTruncated`.
    pub simulation_evaluations: usize,
    /// `Simulate*` calls computed at once, off the threads that serve requests; more wait.
    pub simulations_at_once: usize,
}

impl Default for RequestLimits {
    fn default() -> Self {
        RequestLimits {
            // Room for IAM's largest certificate input (a 2 MiB `CertificateChain`) once
            // URL-encoding has grown its PEM text.
            max_body_bytes: 8 * 1024 * 1024,
            simulation_evaluations: 10_000,
            simulations_at_once: 2,
        }
    }
}

impl ServerConfig {
    /// A configuration with only the essentials set and every optional endpoint off.
    pub fn new(listen: std::net::SocketAddr, data_dir: PathBuf, account_id: String) -> Self {
        ServerConfig {
            listen,
            data_dir,
            account_id,
            root_credentials: None,
            master_key: None,
            root_password: None,
            store_url: None,
            clock_offset_seconds: 0,
            imds: Vec::new(),
            container: Vec::new(),
            cql: None,
            connections: ConnectionLimits::default(),
            requests: RequestLimits::default(),
            metrics: true,
            credential_endpoints_tls: false,
            issuer_url: None,
            tls: None,
            audit: AuditSettings::default(),
            delegation_partners: None,
            upstreams: Vec::new(),
            enforcement: Enforcement::Strict,
        }
    }
}

/// The server's idea of now: the real time, shifted by `--clock-offset`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clock {
    offset: time::Duration,
}

impl Clock {
    /// A clock running `offset_seconds` ahead of real time (behind, if negative).
    pub fn with_offset(offset_seconds: i64) -> Self {
        Clock {
            offset: time::Duration::seconds(offset_seconds),
        }
    }

    /// The current time.
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + self.offset
    }
}

/// A root access key pair given by the operator.
#[derive(Clone)]
pub struct RootCredentials {
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: String,
}

/// A console password for the root user; never printed.
#[derive(Clone)]
pub struct RootPassword(pub String);

impl std::fmt::Debug for RootPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RootPassword(..)")
    }
}

impl std::fmt::Debug for RootCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RootCredentials({}, ..)", self.access_key_id)
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A file in the data directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
    /// The store refused to open or to answer.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// The configuration contradicts the data directory.
    #[error("{0}")]
    Config(String),
}

/// `--imds-*`: an EC2 instance-metadata endpoint for one instance.
#[derive(Clone, Debug)]
pub struct ImdsConfig {
    /// Address to listen on (SDKs find it through `AWS_EC2_METADATA_SERVICE_ENDPOINT`).
    pub listen: SocketAddr,
    /// The instance profile the instance was launched with.
    pub instance_profile: String,
    /// The region the instance reports.
    pub region: String,
    /// Answer IMDSv1 requests (without a session token), which AWS allows unless disabled.
    pub allow_v1: bool,
}

/// Which container service a container-credentials endpoint imitates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerService {
    /// An ECS task role (`ecs-tasks.amazonaws.com`).
    Ecs,
    /// An EKS Pod Identity association (`pods.eks.amazonaws.com`).
    Eks,
}

impl ContainerService {
    pub(crate) fn principal(self) -> &'static str {
        match self {
            ContainerService::Ecs => "ecs-tasks.amazonaws.com",
            ContainerService::Eks => "pods.eks.amazonaws.com",
        }
    }
}

/// `--container-*`: a container-credentials endpoint for one task or pod.
#[derive(Clone, Debug)]
pub struct ContainerConfig {
    /// Address to listen on (SDKs find it through `AWS_CONTAINER_CREDENTIALS_FULL_URI`).
    pub listen: SocketAddr,
    /// The task's (or pod's) role.
    pub role: String,
    /// The file holding the task's authorization token.
    pub token_file: PathBuf,
    /// ECS or EKS.
    pub service: ContainerService,
}

/// `--cql-*`: the CQL front.
#[derive(Clone, Debug)]
pub struct CqlConfig {
    /// Address drivers connect to.
    pub listen: SocketAddr,
    /// The Cassandra or ScyllaDB node statements are relayed to, as `HOST:PORT`.
    pub upstream: String,
    /// The region drivers sign for, and that resource ARNs name.
    pub region: String,
    /// PasswordAuthenticator credentials for the upstream, if it requires authentication.
    pub upstream_credentials: Option<UpstreamCredentials>,
    /// Speak TLS to drivers (as Amazon Keyspaces does, on 9142) with the server's certificate.
    pub tls: bool,
}

/// A user name and password for the upstream.
#[derive(Clone)]
pub struct UpstreamCredentials {
    /// The upstream role.
    pub username: String,
    /// Its password.
    pub password: String,
}

impl std::fmt::Debug for UpstreamCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UpstreamCredentials({}, ..)", self.username)
    }
}
