//! Start-up: the data directory, the master key, the store, the account's root credentials, and
//! the shared state every request reads.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;

use keyward_sigv4::SigningKeyCache;
use keyward_store::{
    AccessKey, AccessKeyStatus, KeyOwner, MasterKey, SqliteStore, Store, StoreError,
};
use time::OffsetDateTime;

use crate::accounts::{Accounts, MemberStorage};
use crate::arn::AccountId;
use crate::audit::{AuditLog, AuditWriter};
use crate::auth::identity::Identity;
use crate::auth::keys::KeyCache;
use crate::authz::PolicyCache;
use crate::config::{Clock, RequestLimits, ServerConfig, StartError};
use crate::ids;
use crate::last_access::LastAccessRecorder;

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StartError + '_ {
    move |source| StartError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Everything requests share.
pub struct AppState {
    /// Persistent storage of this account.
    pub store: Arc<dyn Store>,
    /// Seals and opens secrets; one key for every account of the server.
    pub master: Arc<MasterKey>,
    /// Access keys for authentication.
    pub keys: KeyCache,
    /// Compiled policies per principal, for authorization.
    pub policies: PolicyCache,
    /// When each user and role last attempted each action, for the access advisor.
    pub last_access: LastAccessRecorder,
    /// Derived SigV4 signing keys, shared by every account (keyed by access key id).
    pub signing_keys: Arc<SigningKeyCache>,
    /// The account served.
    pub account: AccountId,
    /// The time sessions and signatures are checked against.
    pub clock: Clock,
    /// When the account was created (first start), reported for the root user.
    pub created_at: OffsetDateTime,
    /// The audit log.
    pub audit: AuditLog,
    /// OIDC issuers' signing keys, for web identity federation.
    pub jwks: Arc<crate::auth::web_identity::JwksCache>,
    /// This server's own issuer URL, for the tokens `GetWebIdentityToken` signs.
    pub issuer: String,
    /// The partners onboarded for temporary delegation.
    pub partners: crate::delegation::Partners,
    /// What one request may send and make the server compute.
    pub limits: RequestLimits,
    /// Permits of the `Simulate*` calls computed at once ([`RequestLimits::simulations_at_once`]).
    pub simulations: Arc<tokio::sync::Semaphore>,
    /// Where the authorization gateway forwards allowed requests.
    pub upstreams: Vec<crate::config::Upstream>,
    /// Every account this server serves, the way to another account's state (cross-account
    /// role assumption, routing a request to its caller's account).
    pub accounts: Arc<Accounts>,
    /// Whether the gateway refuses what IAM denies or only records it.
    pub enforcement: crate::config::Enforcement,
}

/// Writes `contents` to a new file readable only by its owner; fails if it exists.
fn write_private(path: &Path, contents: &str) -> Result<(), StartError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err(path))?;
    file.write_all(contents.as_bytes()).map_err(io_err(path))?;
    file.sync_all().map_err(io_err(path))
}

fn load_master_key(config: &ServerConfig) -> Result<MasterKey, StartError> {
    if let Some(text) = &config.master_key {
        return MasterKey::from_base64(text)
            .map_err(|e| StartError::Config(format!("KEYWARD_MASTER_KEY: {e}")));
    }
    let path = config.data_dir.join("master.key");
    match std::fs::read_to_string(&path) {
        Ok(text) => MasterKey::from_base64(&text)
            .map_err(|e| StartError::Config(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let (key, raw) = MasterKey::generate();
            write_private(&path, &(MasterKey::encode(&raw) + "\n"))?;
            Ok(key)
        }
        Err(e) => Err(io_err(&path)(e)),
    }
}

/// Opens the data directory and builds the shared state. Returns the audit writer so the
/// caller can drain it at shutdown.
pub async fn open(config: &ServerConfig) -> Result<(Arc<AppState>, AuditWriter), StartError> {
    if config.account_id.len() != 12 || !config.account_id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StartError::Config(format!(
            "account id '{}' is not twelve digits",
            config.account_id
        )));
    }
    let dir = &config.data_dir;
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io_err(dir))?;
    let master = load_master_key(config)?;
    let store: Arc<dyn Store> = match &config.store_url {
        Some(url) => keyward_store::open_store(url).await?,
        None => Arc::new(SqliteStore::open(&dir.join("keyward.db"))?),
    };

    let account = store.init_setting("account_id", &config.account_id).await?;
    if account != config.account_id {
        return Err(StartError::Config(format!(
            "{} belongs to account {account}, not {}; start with --account-id {account} or use \
             another --data-dir",
            dir.display(),
            config.account_id
        )));
    }
    let now = OffsetDateTime::now_utc();
    let created = store
        .init_setting("created_at", &now.unix_timestamp().to_string())
        .await?;
    let created_at = created
        .parse::<i64>()
        .ok()
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or(now);

    crate::auth::keys::verify_master_key(store.as_ref(), &master)
        .await
        .map_err(|e| match e {
            StoreError::WrongMasterKey => StartError::Config(format!(
                "{e}; use the master key this data directory was created with"
            )),
            other => StartError::Store(other),
        })?;
    let keys = KeyCache::default();
    install_root_credentials(config, store.as_ref(), &master, &keys).await?;

    let partners = match &config.delegation_partners {
        Some(path) => crate::delegation::Partners::load(path)
            .map_err(|e| StartError::Config(e.to_string()))?,
        None => crate::delegation::Partners::default(),
    };
    let (audit, writer) = AuditLog::open(&dir.join("audit.log"), config.audit)
        .await
        .map_err(io_err(&dir.join("audit.log")))?;
    let accounts = Arc::new(Accounts::new(
        AccountId(config.account_id.clone()),
        member_storage(config),
    ));
    let state = AppState {
        store,
        master: Arc::new(master),
        keys,
        policies: PolicyCache::default(),
        last_access: LastAccessRecorder::default(),
        signing_keys: Arc::new(SigningKeyCache::new(4096)),
        account: AccountId(config.account_id.clone()),
        clock: Clock::with_offset(config.clock_offset_seconds),
        created_at,
        audit,
        jwks: Arc::default(),
        issuer: issuer_url(config),
        partners,
        limits: config.requests,
        simulations: Arc::new(tokio::sync::Semaphore::new(
            config.requests.simulations_at_once.max(1),
        )),
        upstreams: config.upstreams.clone(),
        enforcement: config.enforcement,
        accounts: Arc::clone(&accounts),
    };
    let state = Arc::new(state);
    accounts.set_management(&state);
    Ok((state, writer))
}

/// The state of an existing data directory, for a tool that runs beside its server: the
/// same store (or `--store-url`) and master key, caches of its own and a discarding audit
/// log. Nothing is created: a directory without a database is refused.
pub async fn open_existing(config: &ServerConfig) -> Result<Arc<AppState>, StartError> {
    let dir = &config.data_dir;
    let store: Arc<dyn Store> = match &config.store_url {
        Some(url) => keyward_store::open_store(url).await?,
        None => {
            let path = dir.join("keyward.db");
            if !path.exists() {
                return Err(StartError::Config(format!(
                    "{} holds no Keyward data",
                    dir.display()
                )));
            }
            Arc::new(SqliteStore::open(&path)?)
        }
    };
    let master = match &config.master_key {
        Some(text) => MasterKey::from_base64(text)
            .map_err(|e| StartError::Config(format!("KEYWARD_MASTER_KEY: {e}")))?,
        None => {
            let path = dir.join("master.key");
            let text = std::fs::read_to_string(&path).map_err(io_err(&path))?;
            MasterKey::from_base64(&text)
                .map_err(|e| StartError::Config(format!("{}: {e}", path.display())))?
        }
    };
    crate::auth::keys::verify_master_key(store.as_ref(), &master).await?;
    let account = store
        .get_setting("account_id")
        .await?
        .ok_or_else(|| StartError::Config(format!("{} holds no account", dir.display())))?;
    let (audit, _writer) = AuditLog::discard();
    let accounts = Arc::new(Accounts::new(
        AccountId(account.clone()),
        member_storage(config),
    ));
    let state = Arc::new(AppState {
        store,
        master: Arc::new(master),
        keys: KeyCache::default(),
        policies: PolicyCache::default(),
        last_access: LastAccessRecorder::default(),
        signing_keys: Arc::new(SigningKeyCache::new(64)),
        account: AccountId(account),
        clock: Clock::with_offset(config.clock_offset_seconds),
        created_at: OffsetDateTime::now_utc(),
        audit,
        jwks: Arc::default(),
        issuer: issuer_url(config),
        partners: crate::delegation::Partners::default(),
        limits: config.requests,
        simulations: Arc::new(tokio::sync::Semaphore::new(
            config.requests.simulations_at_once.max(1),
        )),
        upstreams: config.upstreams.clone(),
        enforcement: config.enforcement,
        accounts: Arc::clone(&accounts),
    });
    accounts.set_management(&state);
    Ok(state)
}

/// Where member accounts' stores live: beside the management account's SQLite database. With
/// PostgreSQL (`--store-url`) member accounts are not offered yet (they need a schema each).
fn member_storage(config: &ServerConfig) -> MemberStorage {
    match &config.store_url {
        Some(url) if !url.starts_with("sqlite:") => MemberStorage::Unsupported(
            "member accounts need the SQLite store of a data directory; with PostgreSQL \
             (--store-url) this Keyward serves only the management account",
        ),
        _ => MemberStorage::DataDir(config.data_dir.clone()),
    }
}

impl AppState {
    /// State over an in-memory store with a fresh master key and a discarding audit log, for
    /// tests that need no data directory. Must be called inside a Tokio runtime.
    pub fn in_memory(account_id: &str) -> Result<Arc<AppState>, StartError> {
        let (master, _) = MasterKey::generate();
        let (audit, _writer) = AuditLog::discard();
        let now = OffsetDateTime::now_utc();
        let accounts = Arc::new(Accounts::new(
            AccountId(account_id.to_owned()),
            MemberStorage::InMemory,
        ));
        let state = Arc::new(AppState {
            store: Arc::new(SqliteStore::in_memory()?),
            master: Arc::new(master),
            keys: KeyCache::default(),
            policies: PolicyCache::default(),
            last_access: LastAccessRecorder::default(),
            signing_keys: Arc::new(SigningKeyCache::new(64)),
            account: AccountId(account_id.to_owned()),
            clock: Clock::default(),
            created_at: now,
            audit,
            jwks: Arc::default(),
            issuer: "http://127.0.0.1".to_owned(),
            partners: crate::delegation::Partners::default(),
            limits: RequestLimits::default(),
            simulations: Arc::new(tokio::sync::Semaphore::new(
                RequestLimits::default().simulations_at_once,
            )),
            upstreams: Vec::new(),
            enforcement: crate::config::Enforcement::Strict,
            accounts: Arc::clone(&accounts),
        });
        accounts.set_management(&state);
        Ok(state)
    }

    /// The state of member account `account`, whose data is in `store`: caches of its own,
    /// everything else shared with this (the management account's) state.
    pub(crate) fn member(
        &self,
        account: AccountId,
        store: Arc<dyn Store>,
        created_at: OffsetDateTime,
    ) -> AppState {
        AppState {
            store,
            master: Arc::clone(&self.master),
            keys: KeyCache::default(),
            policies: PolicyCache::default(),
            last_access: LastAccessRecorder::default(),
            signing_keys: Arc::clone(&self.signing_keys),
            account,
            clock: self.clock,
            created_at,
            audit: self.audit.clone(),
            jwks: Arc::clone(&self.jwks),
            issuer: self.issuer.clone(),
            partners: self.partners.clone(),
            limits: self.limits,
            simulations: Arc::clone(&self.simulations),
            upstreams: self.upstreams.clone(),
            enforcement: self.enforcement,
            accounts: Arc::clone(&self.accounts),
        }
    }
}

/// The configured issuer URL without a trailing slash, or `http://` (`https://` with TLS) and
/// the listen address, with loopback for an unspecified address (verifiers on this machine can
/// reach it).
fn issuer_url(config: &ServerConfig) -> String {
    match &config.issuer_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let mut addr = config.listen;
            if addr.ip().is_unspecified() {
                addr.set_ip(match addr.ip() {
                    std::net::IpAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                    std::net::IpAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
                });
            }
            let scheme = if config.tls.is_some() {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{addr}")
        }
    }
}

/// The account id as a number, for the account bits of access key ids.
fn account_number(account_id: &str) -> u64 {
    account_id.parse().unwrap_or_default()
}

/// On first start, gives the root user an access key: the operator's, or a generated one
/// written to `DATA_DIR/root-credentials` (mode 0600). Later starts change nothing, so root may
/// rotate or delete its keys through the API.
async fn install_root_credentials(
    config: &ServerConfig,
    store: &dyn Store,
    master: &MasterKey,
    keys: &KeyCache,
) -> Result<(), StartError> {
    if store.get_setting("root_initialized").await?.is_some() {
        return Ok(());
    }
    let (access_key_id, secret, generated) = match &config.root_credentials {
        Some(c) => (c.access_key_id.clone(), c.secret_access_key.clone(), false),
        None => (
            ids::access_key_id(account_number(&config.account_id)),
            ids::secret_access_key(),
            true,
        ),
    };
    let path = config.data_dir.join("root-credentials");
    if generated {
        let _ = std::fs::remove_file(&path);
        write_private(
            &path,
            &format!(
                "# Root credentials of account {}, generated by keyward on first start.\n\
                 [default]\naws_access_key_id = {access_key_id}\naws_secret_access_key = {secret}\n",
                config.account_id
            ),
        )?;
    }
    let now = OffsetDateTime::now_utc();
    let key = AccessKey {
        access_key_id: access_key_id.clone(),
        owner: KeyOwner::Root,
        status: AccessKeyStatus::Active,
        create_date: now.replace_nanosecond(0).unwrap_or(now),
        secret: master.seal(&secret, &access_key_id)?,
        last_used: None,
    };
    match store.create_access_key(&key, 2).await {
        Ok(()) | Err(StoreError::AlreadyExists) => {}
        Err(e) => return Err(e.into()),
    }
    keys.insert(&key, Identity::Root, master)?;
    store.init_setting("root_initialized", "true").await?;
    if generated {
        println!(
            "Root credentials of account {} (access key {access_key_id}) written to {}",
            config.account_id,
            path.display()
        );
    } else {
        println!(
            "Root credentials of account {} installed from KEYWARD_ROOT_ACCESS_KEY_ID ({access_key_id})",
            config.account_id
        );
    }
    Ok(())
}
