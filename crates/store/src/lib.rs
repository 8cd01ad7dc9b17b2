//! Storage for Keyward: the [`Store`] trait that every handler talks to, its embedded SQLite
//! backend, and its PostgreSQL backend for many replicas sharing one database. Handlers do not
//! know which one they talk to; [`open_store`] picks it from a URL.
//!
//! Backends enforce the invariants that would otherwise race between concurrent requests
//! (case-insensitive name uniqueness, the per-user access-key quota, delete conflicts), so that
//! handlers never read-then-write.

#![warn(missing_docs)]

pub mod events;
mod graph;
mod latency;
mod migrations;
mod model;
mod postgres;
mod postgres_events;
mod postgres_graph;
mod postgres_tls;
mod rules;
pub mod secrets;
mod sqlite;
mod sqlite_events;
mod sqlite_graph;

use std::sync::Arc;

use async_trait::async_trait;

pub use events::{EventCursor, EventFilter, EventPage, EventQuery, IndexedEvent, LogPosition};
pub use graph::{
    attributes, Dependent, Document, DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate,
    Relation, RelationKind, RelationLimit, TotalSizeLimit, WhenFull,
};
pub use latency::{observe_latency, Access};
pub use model::{AccessKey, AccessKeyLastUsed, AccessKeyStatus, KeyOwner, Page, Tag, User, UserId};
pub use postgres::{PostgresStore, POLL_INTERVAL, WATCHER_NAME};
pub use secrets::{MasterKey, SealedSecret};
pub use sqlite::SqliteStore;

/// Why a store operation failed. Handlers map each variant to one AWS error.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StoreError {
    /// The named entity does not exist.
    #[error("entity not found")]
    NotFound,
    /// An entity with the same (case-insensitive) name or id exists.
    #[error("entity already exists")]
    AlreadyExists,
    /// The entity still has dependents.
    #[error("entity has dependents: {0:?}")]
    DeleteConflict(Dependent),
    /// A quota would be exceeded.
    #[error("quota exceeded")]
    LimitExceeded,
    /// A sealed secret does not open with this master key: it was sealed under another key
    /// (or for another record). At start, the sign of a wrong master key for the data.
    #[error("sealed secret does not open with this master key")]
    WrongMasterKey,
    /// The backend failed; the message is for logs and never contains secrets.
    #[error("storage failure: {0}")]
    Backend(String),
    /// The store URL or its settings are unusable (unknown scheme, bad parameter, unreadable
    /// certificate, a schema newer than this Keyward); the message never echoes a password.
    #[error("store configuration: {0}")]
    Config(String),
}

/// Ordering and paging parameters of a listing.
#[derive(Clone, Copy, Debug)]
pub struct PageRequest<'a> {
    /// Marker returned by the previous page, if any.
    pub marker: Option<&'a str>,
    /// Largest number of items to return (1..=1000).
    pub max_items: usize,
}

/// The storage interface of Keyward. Every write is durable when the future resolves `Ok`.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Creates a user with its initial tags and relations (its permissions boundary), all or
    /// nothing; `AlreadyExists` if the name is taken in any case, `NotFound` if a relation's
    /// target is missing.
    async fn create_user(
        &self,
        user: &User,
        tags: &[Tag],
        relations: &[Relation],
    ) -> Result<(), StoreError>;
    /// Reads a user by name, case-insensitively.
    async fn get_user(&self, name: &str) -> Result<User, StoreError>;
    /// Reads a user by its stable id.
    async fn get_user_by_id(&self, id: &UserId) -> Result<User, StoreError>;
    /// Lists users whose path starts with `path_prefix`, ordered by name.
    async fn list_users(
        &self,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<User>, StoreError>;
    /// Renames and/or moves a user; returns the updated record.
    async fn update_user(
        &self,
        name: &str,
        new_name: Option<&str>,
        new_path: Option<&str>,
    ) -> Result<User, StoreError>;
    /// Deletes a user with no access keys, group memberships, attached or inline policies;
    /// `DeleteConflict` otherwise. Tags and the permissions boundary go with it.
    async fn delete_user(&self, name: &str) -> Result<User, StoreError>;
    /// Adds or overwrites tags; `LimitExceeded` if the user would carry more than `max_tags`.
    async fn tag_user(&self, name: &str, tags: &[Tag], max_tags: usize) -> Result<(), StoreError>;
    /// Removes tags by key (case-insensitive); absent keys are ignored as AWS does.
    async fn untag_user(&self, name: &str, keys: &[String]) -> Result<(), StoreError>;
    /// Lists a user's tags ordered by key.
    async fn list_user_tags(
        &self,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError>;

    /// Stores a new access key; `LimitExceeded` if its owner already has `max_per_owner`.
    async fn create_access_key(
        &self,
        key: &AccessKey,
        max_per_owner: usize,
    ) -> Result<(), StoreError>;
    /// Reads one access key by id.
    async fn get_access_key(&self, access_key_id: &str) -> Result<AccessKey, StoreError>;
    /// Lists the keys of one owner, oldest first.
    async fn list_access_keys(&self, owner: &KeyOwner) -> Result<Vec<AccessKey>, StoreError>;
    /// Every access key; used to warm the authentication cache.
    async fn all_access_keys(&self) -> Result<Vec<AccessKey>, StoreError>;
    /// Changes a key's status; `NotFound` unless the key belongs to `owner`.
    async fn update_access_key_status(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
        status: AccessKeyStatus,
    ) -> Result<(), StoreError>;
    /// Deletes a key; `NotFound` unless the key belongs to `owner`.
    async fn delete_access_key(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
    ) -> Result<(), StoreError>;
    /// Rewrites a key's creation time (`NotFound` if there is no such key). Only the operator's
    /// `keyward admin backdate-key` calls it: AWS never changes `CreateDate`, but testing a
    /// key-rotation script needs keys older than the test.
    async fn set_access_key_create_date(
        &self,
        access_key_id: &str,
        create_date: time::OffsetDateTime,
    ) -> Result<(), StoreError>;
    /// Records the latest use of several keys in one write (uses are coalesced by the caller).
    async fn record_access_key_uses(
        &self,
        uses: &[(String, AccessKeyLastUsed)],
    ) -> Result<(), StoreError>;

    /// Creates an entity with its tags, initial documents (a managed policy's `v1`) and
    /// initial relations (a role's permissions boundary), all or nothing; `AlreadyExists` if
    /// the kind already has the name in any case, `NotFound` if a relation's target is missing.
    async fn create_entity(
        &self,
        entity: &Entity,
        tags: &[Tag],
        documents: &[Document],
        relations: &[Relation],
    ) -> Result<(), StoreError>;
    /// Reads an entity by name, case-insensitively.
    async fn get_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError>;
    /// Reads an entity by its stable id.
    async fn get_entity_by_id(&self, kind: EntityKind, id: &str) -> Result<Entity, StoreError>;
    /// Lists entities of a kind whose path starts with `path_prefix`, ordered by name.
    async fn list_entities(
        &self,
        kind: EntityKind,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Entity>, StoreError>;
    /// Applies `update` atomically and returns the updated entity.
    async fn update_entity(
        &self,
        kind: EntityKind,
        name: &str,
        update: &EntityUpdate,
    ) -> Result<Entity, StoreError>;
    /// Deletes an entity; `DeleteConflict` while it has blocking relations (either side) or
    /// non-default documents. Tags, attributes, default documents and non-blocking relations
    /// go with it.
    async fn delete_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError>;
    /// Adds or overwrites tags on an entity; `LimitExceeded` beyond `max_tags`.
    async fn tag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        tags: &[Tag],
        max_tags: usize,
    ) -> Result<(), StoreError>;
    /// Removes tags by key (case-insensitive); absent keys are ignored.
    async fn untag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        keys: &[String],
    ) -> Result<(), StoreError>;
    /// Lists an entity's tags ordered by key.
    async fn list_entity_tags(
        &self,
        kind: EntityKind,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError>;

    /// Relates `from` to `to`; returns `false` if they were related already. `NotFound` if
    /// either stored end is missing; `LimitExceeded` if `from` is full and the limit refuses.
    async fn add_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: &EntityRef,
        limit: RelationLimit,
    ) -> Result<bool, StoreError>;
    /// Removes the relation from `from` to `to`, or all of `from`'s relations of the kind
    /// when `to` is `None`; `NotFound` if nothing was removed.
    async fn remove_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: Option<&EntityRef>,
    ) -> Result<(), StoreError>;
    /// Lists relations of a kind, filtered by either end, ordered by (source id, target id).
    async fn list_relations(
        &self,
        kind: RelationKind,
        from: Option<&EntityRef>,
        to: Option<&EntityRef>,
        page: PageRequest<'_>,
    ) -> Result<Page<Relation>, StoreError>;

    /// Creates or replaces a named document; `NotFound` if the owner is missing,
    /// `LimitExceeded` if the owner's documents of the kind would exceed `limit` together.
    async fn put_document(
        &self,
        document: &Document,
        limit: Option<TotalSizeLimit>,
    ) -> Result<(), StoreError>;
    /// Adds the next numbered document of its kind (`{prefix}1`, `{prefix}2`, …; numbers are
    /// never reused); `LimitExceeded` if the owner already has `max_per_owner`. The name is
    /// chosen by the store and returned with the stored document.
    async fn add_document_version(
        &self,
        document: &Document,
        prefix: &str,
        max_per_owner: usize,
    ) -> Result<Document, StoreError>;
    /// Reads one document.
    async fn get_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<Document, StoreError>;
    /// Lists an owner's documents of a kind ordered by name.
    async fn list_documents(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        page: PageRequest<'_>,
    ) -> Result<Page<Document>, StoreError>;
    /// Deletes a document; `DeleteConflict(DefaultDocument)` for the default one.
    async fn delete_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError>;
    /// Makes the named document the owner's default of its kind.
    async fn set_default_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError>;

    /// Reads a deployment setting (e.g. the root user's key id).
    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes a deployment setting only if it is not set yet; returns the value in force.
    async fn init_setting(&self, key: &str, value: &str) -> Result<String, StoreError>;

    /// Whether the store accepts writes now, for readiness: the embedded store commits a
    /// probe row (so a full disk shows); PostgreSQL answers from a pooled connection whether
    /// it is a primary, without a write that every replica would see as a change.
    async fn check_writable(&self) -> Result<(), StoreError>;

    /// Indexes audit `events` (one row per event id: a record indexed again is kept once) and
    /// records that `log_id`'s log is indexed up to `position`, in one transaction, so an
    /// indexer that stops anywhere resumes without skipping or repeating a record. Not a
    /// change of IAM state: caches of other replicas are not dropped.
    async fn index_events(
        &self,
        log_id: &str,
        position: LogPosition,
        events: Vec<IndexedEvent>,
    ) -> Result<(), StoreError>;

    /// How far `log_id`'s log is indexed, if it ever was.
    async fn event_log_position(&self, log_id: &str) -> Result<Option<LogPosition>, StoreError>;

    /// One page of indexed events matching `query`, newest first.
    async fn lookup_events(&self, query: EventQuery) -> Result<EventPage, StoreError>;

    /// A counter that changes whenever any process commits a write to the shared store, so
    /// that caches of store data can be dropped when another replica changes something.
    /// `None` for stores that only this process writes (the embedded one), whose writes the
    /// caller already sees. Last-used updates ([`Store::record_access_key_uses`]) do not count
    /// as changes. For PostgreSQL, a commit is published to every replica within
    /// [`POLL_INTERVAL`] plus one round trip while the database is reachable.
    fn changes(&self) -> Option<tokio::sync::watch::Receiver<u64>> {
        None
    }
}

/// Where a store lives, parsed from a store URL.
enum Location<'a> {
    /// `sqlite://PATH` (`sqlite:///abs/path` for an absolute path) or `sqlite://:memory:`.
    Sqlite(&'a str),
    /// `postgres://…` or `postgresql://…`, passed to the driver.
    Postgres(&'a str),
}

fn locate(url: &str) -> Result<Location<'_>, StoreError> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        if path.is_empty() {
            return Err(StoreError::Config("sqlite:// URL without a path".into()));
        }
        return Ok(Location::Sqlite(path));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Location::Postgres(url));
    }
    Err(StoreError::Config(
        "unsupported store URL: expected sqlite://PATH, postgres://… or postgresql://…".into(),
    ))
}

async fn open_sqlite(path: &str) -> Result<SqliteStore, StoreError> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || {
        if path == ":memory:" {
            SqliteStore::in_memory()
        } else {
            SqliteStore::open(std::path::Path::new(&path))
        }
    })
    .await
    .map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
}

/// Opens the store a URL names, applying pending migrations: `sqlite://PATH` (relative to the
/// working directory; `sqlite:///abs/path` for an absolute one) or `postgres://…` /
/// `postgresql://…` (see [`PostgresStore`] for its parameters). Must run inside a tokio
/// runtime.
pub async fn open_store(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    Ok(match locate(url)? {
        Location::Sqlite(path) => Arc::new(open_sqlite(path).await?),
        Location::Postgres(url) => Arc::new(PostgresStore::open(url).await?),
    })
}

/// Applies pending schema migrations to the store a URL names and returns the schema version
/// now in force, for `keyward migrate`. Safe while other processes start or run on the same
/// database: migrations are applied one process at a time.
pub async fn migrate(url: &str) -> Result<u32, StoreError> {
    match locate(url)? {
        Location::Sqlite(path) => {
            open_sqlite(path).await?;
            Ok(migrations::latest(migrations::SQLITE))
        }
        Location::Postgres(url) => PostgresStore::migrate(url).await,
    }
}
