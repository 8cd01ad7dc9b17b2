//! The PostgreSQL backend, for many stateless replicas sharing one database.
//!
//! # Schema
//!
//! `migrations/postgres/NNNN_*.sql` (listed in `migrations.rs`), applied in order at open
//! (and by [`crate::migrate`]), each version recorded in `schema_version`. Starts take a transaction-scoped advisory lock
//! first, so replicas starting together migrate one at a time, and a database migrated by a
//! newer Keyward is refused rather than misread.
//!
//! # Consistency
//!
//! Every write runs in one transaction whose first statement bumps the single row of
//! `change_counter`. That row lock is held until commit, so write transactions take turns
//! across every process and connection, exactly as SQLite's one writer does; and since each
//! later statement runs under READ COMMITTED with a fresh snapshot taken after the lock was
//! granted, every check-then-write (quotas, uniqueness, delete conflicts, relation limits)
//! sees all earlier commits and no concurrent writer. The embedded store's semantics carry
//! over unchanged, across replicas. The one write outside that order is
//! [`Store::record_access_key_uses`]: a single statement that touches only last-used columns,
//! which no invariant reads, and which must not invalidate caches. Reads of more than one
//! statement run in a REPEATABLE READ read-only transaction, so they see one snapshot.
//!
//! Transactions failing with a serialization failure or a deadlock (possible only between
//! concurrent batches of last-used updates) are retried a few times.
//!
//! # Change notification
//!
//! The counter bump also queues `NOTIFY keyward_changes`, delivered at commit. A background
//! task per store LISTENs on a dedicated connection, re-reads the counter on every
//! notification and every [`POLL_INTERVAL`] (the fallback should a notification be lost),
//! and publishes it through [`Store::changes`]. The bound: while the watcher is connected, a
//! commit made through any replica is seen by every other within `POLL_INTERVAL` plus one
//! round trip (under 300 ms; in practice the notification arrives within milliseconds). When
//! its connection fails the watcher reconnects after `POLL_INTERVAL` and publishes the
//! counter at once, which covers whatever changed meanwhile; a connection that hangs instead
//! of failing is given up after 2 s. So the one-second bound holds whenever the database is
//! reachable and the connection does not hang.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{
    GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod, Transaction,
};
use futures_util::StreamExt;
use tokio::sync::{mpsc, watch};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{AsyncMessage, IsolationLevel, Row};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::migrations::{self, pending};
use crate::postgres_events as events;
use crate::postgres_graph as graph;
use crate::postgres_tls::{PostgresTls, SslMode};
use crate::rules::{
    self, check_not_over, check_rename, check_room, latest_uses, limit_of, name_key, owner_column,
    page_of, to_unix, KeyRow,
};
use crate::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, Document, DocumentKind, Entity,
    EntityKind, EntityRef, EntityUpdate, EventPage, EventQuery, IndexedEvent, KeyOwner,
    LogPosition, Page, PageRequest, Relation, RelationKind, RelationLimit, Store, StoreError, Tag,
    TotalSizeLimit, User, UserId,
};

/// Key of the transaction-scoped advisory lock that makes concurrent starts migrate one at a
/// time (`'keyward1'` in ASCII).
const MIGRATION_LOCK: i64 = 0x6b65_7977_6172_6431;

/// The first statement of every write transaction: takes the writers' turn, counts the
/// change and queues the notification sent at commit.
const BUMP: &str = "UPDATE change_counter SET value = value + 1 WHERE id = 1
                    RETURNING pg_notify('keyward_changes', '')";

/// What the change watcher listens to: the channel of [`BUMP`].
const LISTEN: &str = "LISTEN keyward_changes";

/// How often the change watcher re-reads the counter without a notification, and how long it
/// waits before reconnecting. While the watcher is connected, a commit through any replica is
/// published by [`Store::changes`] on every other within this interval plus one round trip
/// (in practice the notification arrives within milliseconds); after a connection failure,
/// within this interval of the database being reachable again.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// `application_name` of the change watcher's connection, to tell it apart in
/// `pg_stat_activity`.
pub const WATCHER_NAME: &str = "keyward-changes";

/// Longest wait for one round trip of the change watcher before it reconnects.
const WATCH_TIMEOUT: Duration = Duration::from_secs(2);

/// Connections per store when the URL does not say (`pool_size=N`).
const DEFAULT_POOL_SIZE: usize = 16;

/// Attempts of a transaction that fails with a serialization failure or a deadlock.
const MAX_ATTEMPTS: u32 = 8;

/// Why a statement failed: for the caller, or worth running the transaction again.
pub(crate) enum Failure {
    Store(StoreError),
    Retry(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<tokio_postgres::Error> for Failure {
    fn from(e: tokio_postgres::Error) -> Self {
        let message = describe(&e);
        match e.code() {
            Some(code)
                if *code == SqlState::T_R_SERIALIZATION_FAILURE
                    || *code == SqlState::T_R_DEADLOCK_DETECTED =>
            {
                Failure::Retry(message)
            }
            _ => Failure::Store(StoreError::Backend(message)),
        }
    }
}

impl From<deadpool_postgres::PoolError> for Failure {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        // The causes say why (a TLS handshake's "invalid peer certificate: UnknownIssuer");
        // the outer errors' texts do not.
        let mut message = format!("database connection: {e}");
        let mut cause = std::error::Error::source(&e);
        while let Some(inner) = cause {
            let text = inner.to_string();
            if !message.ends_with(&text) {
                message = format!("{message}: {text}");
            }
            cause = inner.source();
        }
        Failure::Store(StoreError::Backend(message))
    }
}

impl From<time::error::ComponentRange> for Failure {
    fn from(e: time::error::ComponentRange) -> Self {
        Failure::Store(StoreError::Backend(format!(
            "stored date out of range: {e}"
        )))
    }
}

impl From<Failure> for StoreError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Store(e) => e,
            Failure::Retry(message) => StoreError::Backend(message),
        }
    }
}

/// The server's message and SQLSTATE when there is one: `tokio_postgres::Error`'s own
/// display says only "db error".
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

/// Parameters of one statement.
pub(crate) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// Runs a statement through the connection's prepared-statement cache.
pub(crate) async fn query<C: GenericClient>(
    c: &C,
    sql: &str,
    params: Params<'_>,
) -> Result<Vec<Row>, Failure> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query(&statement, params).await?)
}

/// Runs a statement that returns at most one row.
pub(crate) async fn query_opt<C: GenericClient>(
    c: &C,
    sql: &str,
    params: Params<'_>,
) -> Result<Option<Row>, Failure> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query_opt(&statement, params).await?)
}

/// Runs a statement that returns exactly one row.
pub(crate) async fn query_one<C: GenericClient>(
    c: &C,
    sql: &str,
    params: Params<'_>,
) -> Result<Row, Failure> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.query_one(&statement, params).await?)
}

/// Runs a statement and returns how many rows it changed.
pub(crate) async fn execute<C: GenericClient>(
    c: &C,
    sql: &str,
    params: Params<'_>,
) -> Result<u64, Failure> {
    let statement = c.prepare_cached(sql).await?;
    Ok(c.execute(&statement, params).await?)
}

/// Runs a `SELECT count(*)`.
pub(crate) async fn count<C: GenericClient>(
    c: &C,
    sql: &str,
    params: Params<'_>,
) -> Result<i64, Failure> {
    Ok(query_one(c, sql, params).await?.try_get(0)?)
}

/// A stored date.
pub(crate) fn from_unix(secs: i64) -> Result<time::OffsetDateTime, Failure> {
    Ok(rules::from_unix(secs)?)
}

/// Whether a transaction writes (and so takes its turn and notifies) or only reads.
#[derive(Clone, Copy)]
enum Mode {
    Write,
    Read,
    /// A write that changes no IAM state (the event index): no turn, no notification.
    Index,
}

impl Mode {
    fn access(self) -> crate::Access {
        match self {
            Mode::Write | Mode::Index => crate::Access::Write,
            Mode::Read => crate::Access::Read,
        }
    }
}

/// Begins a transaction. A write takes its turn on `change_counter` first (see the module
/// documentation) and queues the notification sent at commit; a read sees one snapshot.
async fn begin(
    client: &mut deadpool_postgres::Object,
    mode: Mode,
) -> Result<Transaction<'_>, Failure> {
    let tx = match mode {
        Mode::Write | Mode::Index => client.transaction().await?,
        Mode::Read => {
            client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .await?
        }
    };
    if let Mode::Write = mode {
        execute(&tx, BUMP, &[]).await?;
    }
    Ok(tx)
}

/// How long to wait before attempt `attempt + 1` of a transaction.
fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(5 * u64::from(attempt))
}

/// Runs `$body` (a block evaluating to the result, using `?` and `return Err(..)` freely) in
/// one transaction on `$tx`, committing at its end and rolling back on any error before the
/// connection goes back to the pool; retried on serialization failures and deadlocks.
/// Evaluates to `Result<_, StoreError>`. A macro rather than a function taking a closure, so
/// the body can borrow the caller's arguments.
macro_rules! transaction {
    ($store:expr, $mode:expr, |$tx:ident| $body:block) => {{
        let mut attempt = 1;
        let started = std::time::Instant::now();
        let outcome = loop {
            let result = async {
                let mut client = $store.pool.get().await?;
                let $tx = begin(&mut client, $mode).await?;
                let out = async { Ok::<_, Failure>($body) }.await;
                match out {
                    Ok(out) => {
                        $tx.commit().await?;
                        Ok(out)
                    }
                    Err(failure) => {
                        // The failure is what the caller needs; a failed rollback only means
                        // the connection is gone, and the server rolls back then anyway.
                        let _ = $tx.rollback().await;
                        Err(failure)
                    }
                }
            }
            .await;
            match result {
                Ok(out) => break Ok(out),
                Err(Failure::Retry(_)) if attempt < MAX_ATTEMPTS => {
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                }
                Err(failure) => break Err(StoreError::from(failure)),
            }
        };
        $crate::latency::observed($mode.access(), started);
        outcome
    }};
}

/// The PostgreSQL backend, for many replicas sharing one database: a connection pool and the
/// watcher behind [`Store::changes`]. Write transactions take turns on one row, so every
/// invariant the embedded store keeps (quotas, case-insensitive uniqueness, delete conflicts)
/// holds across replicas, with the same errors, ordering and markers.
///
/// # URL
///
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?PARAMS]` (or `postgresql://`), with
/// libpq's parameters that tokio-postgres reads — `sslmode`, `options` (e.g.
/// `options=-c%20search_path%3Dkeyward` to keep Keyward's tables in their own schema),
/// `connect_timeout`, `application_name`, a Unix socket as a percent-encoded host — and two
/// of Keyward's own: `pool_size=N`, the connections per replica (16 by default).
///
/// `sslmode` and `sslrootcert` behave as libpq's (see [`crate::postgres_tls`]): `prefer` (the
/// default) and `require` encrypt without verifying — a stock server's self-signed
/// certificate works, with a warning at start — `verify-ca` and `verify-full` verify against
/// `sslrootcert` (default `~/.postgresql/root.crt`; `system` for the system's roots).
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    changes: watch::Receiver<u64>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PostgresStore")
    }
}

/// A `postgres://` URL split into what tokio-postgres understands and Keyward's own
/// parameters, which it would refuse.
struct Settings {
    config: tokio_postgres::Config,
    tls: PostgresTls,
    pool_size: usize,
}

fn config_error(message: impl Into<String>) -> StoreError {
    StoreError::Config(message.into())
}

/// Parses the URL (see [`PostgresStore`]), taking out Keyward's own parameters. Errors never
/// echo the URL, which may hold a password.
fn parse_url(url: &str) -> Result<Settings, StoreError> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept = Vec::new();
    let mut root_cert = None;
    let mut ssl_mode = None;
    let mut pool_size = DEFAULT_POOL_SIZE;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decoded = percent_encoding::percent_decode_str(value)
            .decode_utf8()
            .map_err(|_| config_error(format!("store URL parameter {key} is not UTF-8")))?;
        match key {
            "sslrootcert" => root_cert = Some(decoded.into_owned()),
            "sslmode" => ssl_mode = Some(decoded.into_owned()),
            "pool_size" => {
                pool_size = decoded
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        config_error("store URL parameter pool_size must be 1 or more")
                    })?;
            }
            _ => kept.push(pair),
        }
    }
    let libpq_url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    let mut config = tokio_postgres::Config::from_str(&libpq_url)
        .map_err(|e| config_error(format!("invalid PostgreSQL URL: {e}")))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_application_name().is_none() {
        config.application_name("keyward");
    }
    let tls = PostgresTls::new(
        SslMode::parse(ssl_mode.as_deref())?,
        root_cert.as_deref(),
        std::env::var_os("HOME").map(std::path::PathBuf::from),
    )?;
    config.ssl_mode(tls.wire_mode);
    Ok(Settings {
        config,
        tls,
        pool_size,
    })
}

/// Applies pending migrations, one process at a time; returns the schema version in force.
/// Refuses a database migrated by a newer Keyward, whose schema this one does not know.
async fn apply_migrations(pool: &Pool) -> Result<u32, StoreError> {
    let mut client = pool.get().await.map_err(Failure::from)?;
    let tx = client.transaction().await.map_err(Failure::from)?;
    match migrate_in(&tx).await {
        Ok(version) => {
            tx.commit().await.map_err(Failure::from)?;
            Ok(version)
        }
        Err(failure) => {
            // The failure is what the caller needs; a failed rollback only means the
            // connection is gone, and the server rolls back then anyway.
            let _ = tx.rollback().await;
            Err(failure.into())
        }
    }
}

/// The body of [`apply_migrations`], inside its transaction.
async fn migrate_in(tx: &Transaction<'_>) -> Result<u32, Failure> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .await?;
    let current: i32 = tx
        .query_one("SELECT COALESCE(max(version), 0) FROM schema_version", &[])
        .await?
        .try_get(0)?;
    for (version, migration) in pending(migrations::POSTGRES, current.into())? {
        tx.batch_execute(migration.sql).await.map_err(|e| {
            StoreError::Backend(format!("migration {}: {}", migration.name, describe(&e)))
        })?;
        let version = i32::try_from(version).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await?;
    }
    Ok(migrations::latest(migrations::POSTGRES))
}

/// A first connection's failure, with the TLS advice of [`PostgresTls::explain`].
fn explain_connection(error: StoreError, tls: &PostgresTls) -> StoreError {
    match error {
        StoreError::Backend(message) => StoreError::Backend(tls.explain(&message)),
        other => other,
    }
}

fn build_pool(settings: &Settings) -> Result<Pool, StoreError> {
    let manager = Manager::from_config(
        settings.config.clone(),
        settings.tls.connector.clone(),
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(settings.pool_size)
        .build()
        .map_err(|e| config_error(format!("connection pool: {e}")))
}

impl PostgresStore {
    /// Connects to the database at `url` (see the type's documentation for its parameters),
    /// applies pending migrations and starts the change watcher. Must be called inside a
    /// tokio runtime, which then runs the watcher until the store and every receiver of
    /// [`Store::changes`] are dropped.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let settings = parse_url(url)?;
        let pool = build_pool(&settings)?;
        apply_migrations(&pool)
            .await
            .map_err(|e| explain_connection(e, &settings.tls))?;
        if let Some(warning) = settings.tls.unverified_warning() {
            tracing::warn!("{warning}");
        }
        let client = pool.get().await.map_err(Failure::from)?;
        let first = read_counter(&client).await?;
        drop(client);
        let (sender, changes) = watch::channel(first);
        let mut watch_config = settings.config;
        watch_config.application_name(WATCHER_NAME);
        tokio::spawn(watch_changes(watch_config, settings.tls.connector, sender));
        Ok(PostgresStore { pool, changes })
    }

    /// Applies pending migrations to the database at `url` and returns the schema version in
    /// force, without starting a store (for `keyward migrate`).
    pub async fn migrate(url: &str) -> Result<u32, StoreError> {
        let settings = parse_url(url)?;
        let pool = build_pool(&settings)?;
        apply_migrations(&pool)
            .await
            .map_err(|e| explain_connection(e, &settings.tls))
    }

    /// A pooled connection, for reads of one statement.
    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        Ok(self.pool.get().await.map_err(Failure::from)?)
    }
}

async fn read_counter<C: GenericClient>(c: &C) -> Result<u64, Failure> {
    let value: i64 = query_one(c, "SELECT value FROM change_counter WHERE id = 1", &[])
        .await?
        .try_get(0)?;
    Ok(u64::try_from(value).unwrap_or_default())
}

/// Publishes the change counter until every receiver is gone, reconnecting as needed.
async fn watch_changes(
    config: tokio_postgres::Config,
    tls: MakeRustlsConnect,
    sender: watch::Sender<u64>,
) {
    loop {
        // A failed connection or round trip ends one session; the next one starts after a
        // pause, and its first read publishes whatever changed meanwhile.
        let _ = watch_session(&config, &tls, &sender).await;
        tokio::select! {
            _ = sender.closed() => return,
            _ = tokio::time::sleep(POLL_INTERVAL) => {}
        }
    }
}

/// One connection's worth of watching: LISTEN, then re-read the counter on each
/// notification and each poll tick. Returns when the connection fails or nobody listens.
async fn watch_session(
    config: &tokio_postgres::Config,
    tls: &MakeRustlsConnect,
    sender: &watch::Sender<u64>,
) -> Result<(), Failure> {
    let (client, mut connection) = tokio::time::timeout(WATCH_TIMEOUT, config.connect(tls.clone()))
        .await
        .map_err(|_| Failure::Store(StoreError::Backend("connect timed out".into())))??;
    let (notify, mut notifications) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            if let AsyncMessage::Notification(_) = message {
                if notify.send(()).is_err() {
                    return;
                }
            }
        }
    });
    let timed_out = || Failure::Store(StoreError::Backend("change watch timed out".into()));
    tokio::time::timeout(WATCH_TIMEOUT, client.batch_execute(LISTEN))
        .await
        .map_err(|_| timed_out())??;
    let mut tick = tokio::time::interval(POLL_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        while notifications.try_recv().is_ok() {}
        let value: i64 = tokio::time::timeout(
            WATCH_TIMEOUT,
            client.query_one("SELECT value FROM change_counter WHERE id = 1", &[]),
        )
        .await
        .map_err(|_| timed_out())??
        .try_get(0)?;
        let value = u64::try_from(value).unwrap_or_default();
        sender.send_if_modified(|seen| {
            let changed = *seen != value;
            *seen = value;
            changed
        });
        tokio::select! {
            _ = sender.closed() => return Ok(()),
            note = notifications.recv() => {
                if note.is_none() {
                    return Ok(());
                }
            }
            _ = tick.tick() => {}
        }
    }
}

const USER_COLUMNS: &str = "user_id, name, path, create_date";
const KEY_COLUMNS: &str = "access_key_id, owner, status, create_date, secret, \
                           last_used_date, last_used_service, last_used_region";

fn user_from_row(row: &Row) -> Result<User, Failure> {
    Ok(User {
        user_id: UserId(row.try_get(0)?),
        name: row.try_get(1)?,
        path: row.try_get(2)?,
        create_date: from_unix(row.try_get(3)?)?,
    })
}

fn key_from_row(row: &Row) -> Result<AccessKey, Failure> {
    Ok(KeyRow {
        access_key_id: row.try_get(0)?,
        owner: row.try_get(1)?,
        status: row.try_get(2)?,
        create_date: row.try_get(3)?,
        secret: row.try_get(4)?,
        last_used_date: row.try_get(5)?,
        last_used_service: row.try_get(6)?,
        last_used_region: row.try_get(7)?,
    }
    .into_key()?)
}

async fn user_id_by_name<C: GenericClient>(c: &C, name: &str) -> Result<String, Failure> {
    match query_opt(
        c,
        "SELECT user_id FROM users WHERE name_key = $1",
        &[&name_key(name)],
    )
    .await?
    {
        Some(row) => Ok(row.try_get(0)?),
        None => Err(StoreError::NotFound.into()),
    }
}

async fn user_by<C: GenericClient>(c: &C, column: &str, value: &str) -> Result<User, Failure> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE {column} = $1");
    match query_opt(c, &sql, &[&value]).await? {
        Some(row) => user_from_row(&row),
        None => Err(StoreError::NotFound.into()),
    }
}

async fn upsert_tags<C: GenericClient>(c: &C, user_id: &str, tags: &[Tag]) -> Result<(), Failure> {
    for tag in tags {
        execute(
            c,
            "INSERT INTO user_tags (user_id, key_key, key, value) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, key_key) DO UPDATE SET key = excluded.key, value = excluded.value",
            &[&user_id, &name_key(&tag.key), &tag.key, &tag.value],
        )
        .await?;
    }
    Ok(())
}

/// Tag pages, shared by users and entities: markers are lower-cased keys.
pub(crate) fn tag_page(rows: Vec<Row>, max: usize) -> Result<Page<Tag>, Failure> {
    let items = rows
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<_, String>(0)?,
                Tag {
                    key: r.try_get(1)?,
                    value: r.try_get(2)?,
                },
            ))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(page_of(items, max))
}

#[async_trait]
impl Store for PostgresStore {
    async fn create_user(
        &self,
        user: &User,
        tags: &[Tag],
        relations: &[Relation],
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            let inserted = execute(
                &tx,
                "INSERT INTO users (user_id, name, name_key, path, create_date)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &user.user_id.0,
                    &user.name,
                    &name_key(&user.name),
                    &user.path,
                    &to_unix(user.create_date),
                ],
            )
            .await?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists.into());
            }
            let own = EntityRef::new(EntityKind::User, user.user_id.0.clone());
            let limit = rules::check_creation(&own, &[], relations)?;
            upsert_tags(&tx, &user.user_id.0, tags).await?;
            graph::add_relations(&tx, relations, limit).await?
        })
    }

    async fn get_user(&self, name: &str) -> Result<User, StoreError> {
        let client = self.client().await?;
        Ok(user_by(&client, "name_key", &name_key(name)).await?)
    }

    async fn get_user_by_id(&self, id: &UserId) -> Result<User, StoreError> {
        let client = self.client().await?;
        Ok(user_by(&client, "user_id", &id.0).await?)
    }

    async fn list_users(
        &self,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<User>, StoreError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            &format!(
                "SELECT {USER_COLUMNS}, name_key FROM users
                 WHERE left(path, char_length($1::text)) = $1::text AND name_key >= $2
                 ORDER BY name_key LIMIT $3"
            ),
            &[
                &path_prefix,
                &page.marker.unwrap_or(""),
                &limit_of(page.max_items),
            ],
        )
        .await?;
        let items = rows
            .iter()
            .map(|r| Ok((r.try_get::<_, String>(4)?, user_from_row(r)?)))
            .collect::<Result<Vec<_>, Failure>>()?;
        Ok(page_of(items, page.max_items))
    }

    async fn update_user(
        &self,
        name: &str,
        new_name: Option<&str>,
        new_path: Option<&str>,
    ) -> Result<User, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            let id = user_id_by_name(&tx, name).await?;
            if let Some(new_name) = new_name {
                let taken = query_opt(
                    &tx,
                    "SELECT user_id FROM users WHERE name_key = $1",
                    &[&name_key(new_name)],
                )
                .await?;
                let taken: Option<String> = taken.map(|row| row.try_get(0)).transpose()?;
                check_rename(taken.as_deref(), &id)?;
                execute(
                    &tx,
                    "UPDATE users SET name = $2, name_key = $3 WHERE user_id = $1",
                    &[&id, &new_name, &name_key(new_name)],
                )
                .await?;
            }
            if let Some(new_path) = new_path {
                execute(
                    &tx,
                    "UPDATE users SET path = $2 WHERE user_id = $1",
                    &[&id, &new_path],
                )
                .await?;
            }
            user_by(&tx, "user_id", &id).await?
        })
    }

    async fn delete_user(&self, name: &str) -> Result<User, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            let user = user_by(&tx, "name_key", &name_key(name)).await?;
            let keys = count(
                &tx,
                "SELECT count(*) FROM access_keys WHERE owner = $1",
                &[&user.user_id.0],
            )
            .await?;
            if keys > 0 {
                return Err(StoreError::DeleteConflict(Dependent::AccessKeys).into());
            }
            if let Some(dependent) = graph::blocking_dependent(&tx, &user.user_id.0).await? {
                return Err(StoreError::DeleteConflict(dependent).into());
            }
            graph::remove_belongings(&tx, &user.user_id.0).await?;
            execute(
                &tx,
                "DELETE FROM users WHERE user_id = $1",
                &[&user.user_id.0],
            )
            .await?;
            user
        })
    }

    async fn tag_user(&self, name: &str, tags: &[Tag], max_tags: usize) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            let id = user_id_by_name(&tx, name).await?;
            upsert_tags(&tx, &id, tags).await?;
            let held = count(
                &tx,
                "SELECT count(*) FROM user_tags WHERE user_id = $1",
                &[&id],
            )
            .await?;
            check_not_over(held, max_tags)?;
        })
    }

    async fn untag_user(&self, name: &str, keys: &[String]) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            let id = user_id_by_name(&tx, name).await?;
            for key in keys {
                execute(
                    &tx,
                    "DELETE FROM user_tags WHERE user_id = $1 AND key_key = $2",
                    &[&id, &name_key(key)],
                )
                .await?;
            }
        })
    }

    async fn list_user_tags(
        &self,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError> {
        transaction!(self, Mode::Read, |tx| {
            let id = user_id_by_name(&tx, name).await?;
            let rows = query(
                &tx,
                "SELECT key_key, key, value FROM user_tags
                 WHERE user_id = $1 AND key_key >= $2 ORDER BY key_key LIMIT $3",
                &[&id, &page.marker.unwrap_or(""), &limit_of(page.max_items)],
            )
            .await?;
            tag_page(rows, page.max_items)?
        })
    }

    async fn create_access_key(
        &self,
        key: &AccessKey,
        max_per_owner: usize,
    ) -> Result<(), StoreError> {
        let owner = owner_column(&key.owner);
        transaction!(self, Mode::Write, |tx| {
            if let KeyOwner::User(id) = &key.owner {
                if query_opt(&tx, "SELECT 1 FROM users WHERE user_id = $1", &[&id.0])
                    .await?
                    .is_none()
                {
                    return Err(StoreError::NotFound.into());
                }
            }
            let held = count(
                &tx,
                "SELECT count(*) FROM access_keys WHERE owner = $1",
                &[&owner],
            )
            .await?;
            check_room(held, max_per_owner)?;
            let inserted = execute(
                &tx,
                "INSERT INTO access_keys (access_key_id, owner, status, create_date, secret)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &key.access_key_id,
                    &owner,
                    &key.status.as_str(),
                    &to_unix(key.create_date),
                    &key.secret.as_bytes(),
                ],
            )
            .await?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists.into());
            }
        })
    }

    async fn get_access_key(&self, access_key_id: &str) -> Result<AccessKey, StoreError> {
        let client = self.client().await?;
        let row = query_opt(
            &client,
            &format!("SELECT {KEY_COLUMNS} FROM access_keys WHERE access_key_id = $1"),
            &[&access_key_id],
        )
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(key_from_row(&row)?)
    }

    async fn list_access_keys(&self, owner: &KeyOwner) -> Result<Vec<AccessKey>, StoreError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            &format!(
                "SELECT {KEY_COLUMNS} FROM access_keys WHERE owner = $1
                 ORDER BY create_date, access_key_id"
            ),
            &[&owner_column(owner)],
        )
        .await?;
        Ok(rows.iter().map(key_from_row).collect::<Result<_, _>>()?)
    }

    async fn all_access_keys(&self) -> Result<Vec<AccessKey>, StoreError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            &format!("SELECT {KEY_COLUMNS} FROM access_keys"),
            &[],
        )
        .await?;
        Ok(rows.iter().map(key_from_row).collect::<Result<_, _>>()?)
    }

    async fn update_access_key_status(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
        status: AccessKeyStatus,
    ) -> Result<(), StoreError> {
        let owner = owner_column(owner);
        transaction!(self, Mode::Write, |tx| {
            let changed = execute(
                &tx,
                "UPDATE access_keys SET status = $3 WHERE access_key_id = $1 AND owner = $2",
                &[&access_key_id, &owner, &status.as_str()],
            )
            .await?;
            if changed == 0 {
                return Err(StoreError::NotFound.into());
            }
        })
    }

    async fn set_access_key_create_date(
        &self,
        access_key_id: &str,
        create_date: time::OffsetDateTime,
    ) -> Result<(), StoreError> {
        let seconds = to_unix(create_date);
        transaction!(self, Mode::Write, |tx| {
            let changed = execute(
                &tx,
                "UPDATE access_keys SET create_date = $2 WHERE access_key_id = $1",
                &[&access_key_id, &seconds],
            )
            .await?;
            if changed == 0 {
                return Err(StoreError::NotFound.into());
            }
        })
    }

    async fn delete_access_key(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
    ) -> Result<(), StoreError> {
        let owner = owner_column(owner);
        transaction!(self, Mode::Write, |tx| {
            let changed = execute(
                &tx,
                "DELETE FROM access_keys WHERE access_key_id = $1 AND owner = $2",
                &[&access_key_id, &owner],
            )
            .await?;
            if changed == 0 {
                return Err(StoreError::NotFound.into());
            }
        })
    }

    /// One statement for the whole batch. It does not bump the change counter: last-used
    /// data is not cached, and flushing it must not invalidate every replica's caches. Uses
    /// are coalesced by [`latest_uses`], and a deadlock with another replica's batch is
    /// retried.
    async fn record_access_key_uses(
        &self,
        uses: &[(String, AccessKeyLastUsed)],
    ) -> Result<(), StoreError> {
        let latest = latest_uses(uses);
        if latest.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = latest.keys().copied().collect();
        let dates: Vec<i64> = latest.values().map(|u| to_unix(u.date)).collect();
        let services: Vec<&str> = latest.values().map(|u| u.service.as_str()).collect();
        let regions: Vec<&str> = latest.values().map(|u| u.region.as_str()).collect();
        let mut attempt = 1;
        loop {
            let client = self.client().await?;
            let result = execute(
                &client,
                "UPDATE access_keys AS k SET last_used_date = u.date,
                     last_used_service = u.service, last_used_region = u.region
                 FROM (SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[])
                       AS u(id, date, service, region) ORDER BY id) AS u
                 WHERE k.access_key_id = u.id",
                &[&ids, &dates, &services, &regions],
            )
            .await;
            match result {
                Ok(_) => return Ok(()),
                Err(Failure::Retry(_)) if attempt < MAX_ATTEMPTS => {
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                }
                Err(failure) => return Err(failure.into()),
            }
        }
    }

    async fn create_entity(
        &self,
        entity: &Entity,
        tags: &[Tag],
        documents: &[Document],
        relations: &[Relation],
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::create_entity(&tx, entity, tags, documents, relations).await?
        })
    }

    async fn get_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError> {
        transaction!(self, Mode::Read, |tx| {
            graph::entity_by_name(&tx, kind, name).await?
        })
    }

    async fn get_entity_by_id(&self, kind: EntityKind, id: &str) -> Result<Entity, StoreError> {
        transaction!(self, Mode::Read, |tx| {
            graph::entity_by_id(&tx, kind, id).await?
        })
    }

    async fn list_entities(
        &self,
        kind: EntityKind,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Entity>, StoreError> {
        let marker = page.marker.unwrap_or("");
        transaction!(self, Mode::Read, |tx| {
            graph::list_entities(&tx, kind, path_prefix, marker, page.max_items).await?
        })
    }

    async fn update_entity(
        &self,
        kind: EntityKind,
        name: &str,
        update: &EntityUpdate,
    ) -> Result<Entity, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::update_entity(&tx, kind, name, update).await?
        })
    }

    async fn delete_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::delete_entity(&tx, kind, name).await?
        })
    }

    async fn tag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        tags: &[Tag],
        max_tags: usize,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::tag_entity(&tx, kind, name, tags, max_tags).await?
        })
    }

    async fn untag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        keys: &[String],
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::untag_entity(&tx, kind, name, keys).await?
        })
    }

    async fn list_entity_tags(
        &self,
        kind: EntityKind,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError> {
        let marker = page.marker.unwrap_or("");
        transaction!(self, Mode::Read, |tx| {
            graph::list_entity_tags(&tx, kind, name, marker, page.max_items).await?
        })
    }

    async fn add_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: &EntityRef,
        limit: RelationLimit,
    ) -> Result<bool, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::add_relation(&tx, kind, from, to, limit).await?
        })
    }

    async fn remove_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: Option<&EntityRef>,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::remove_relation(&tx, kind, from, to).await?
        })
    }

    async fn list_relations(
        &self,
        kind: RelationKind,
        from: Option<&EntityRef>,
        to: Option<&EntityRef>,
        page: PageRequest<'_>,
    ) -> Result<Page<Relation>, StoreError> {
        let client = self.client().await?;
        let marker = page.marker.unwrap_or("");
        Ok(graph::list_relations(&client, kind, from, to, marker, page.max_items).await?)
    }

    async fn put_document(
        &self,
        document: &Document,
        limit: Option<TotalSizeLimit>,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::put_document(&tx, document, limit).await?
        })
    }

    async fn add_document_version(
        &self,
        document: &Document,
        prefix: &str,
        max_per_owner: usize,
    ) -> Result<Document, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::add_document_version(&tx, document, prefix, max_per_owner).await?
        })
    }

    async fn get_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<Document, StoreError> {
        let client = self.client().await?;
        Ok(graph::get_document(&client, owner, kind, name).await?)
    }

    async fn list_documents(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        page: PageRequest<'_>,
    ) -> Result<Page<Document>, StoreError> {
        let marker = page.marker.unwrap_or("");
        transaction!(self, Mode::Read, |tx| {
            graph::list_documents(&tx, owner, kind, marker, page.max_items).await?
        })
    }

    async fn delete_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::delete_document(&tx, owner, kind, name).await?
        })
    }

    async fn set_default_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Write, |tx| {
            graph::set_default_document(&tx, owner, kind, name).await?
        })
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let client = self.client().await?;
        let row = query_opt(
            &client,
            "SELECT value FROM settings WHERE key = $1",
            &[&key],
        )
        .await?;
        Ok(row
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Failure::from)?)
    }

    async fn index_events(
        &self,
        log_id: &str,
        position: LogPosition,
        indexed: Vec<IndexedEvent>,
    ) -> Result<(), StoreError> {
        transaction!(self, Mode::Index, |tx| {
            events::index(&tx, log_id, &position, &indexed).await?
        })
    }

    async fn event_log_position(&self, log_id: &str) -> Result<Option<LogPosition>, StoreError> {
        let client = self.pool.get().await.map_err(Failure::from)?;
        Ok(events::position(&client, log_id).await?)
    }

    async fn lookup_events(&self, query: EventQuery) -> Result<EventPage, StoreError> {
        let client = self.pool.get().await.map_err(Failure::from)?;
        Ok(events::lookup(&client, &query).await?)
    }

    async fn check_writable(&self) -> Result<(), StoreError> {
        let client = self.pool.get().await.map_err(Failure::from)?;
        let in_recovery: bool = query_one(&client, "SELECT pg_is_in_recovery()", &[])
            .await?
            .try_get(0)
            .map_err(Failure::from)?;
        if in_recovery {
            return Err(StoreError::Backend(
                "the database is a standby in recovery and accepts no writes".to_owned(),
            ));
        }
        Ok(())
    }

    async fn init_setting(&self, key: &str, value: &str) -> Result<String, StoreError> {
        transaction!(self, Mode::Write, |tx| {
            execute(
                &tx,
                "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&key, &value],
            )
            .await?;
            query_one(&tx, "SELECT value FROM settings WHERE key = $1", &[&key])
                .await?
                .try_get::<_, String>(0)?
        })
    }

    fn changes(&self) -> Option<watch::Receiver<u64>> {
        Some(self.changes.clone())
    }
}
