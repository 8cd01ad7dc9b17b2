//! The embedded backend: one SQLite database in the data directory, in WAL mode with
//! `synchronous=FULL`, so that a committed transaction survives a crash or power loss.
//!
//! SQLite calls block, so each operation runs on tokio's blocking pool. One connection guarded
//! by a mutex serialises writers, which is what SQLite does anyway, and makes every
//! check-then-write (quotas, uniqueness) atomic.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use time::OffsetDateTime;

use crate::migrations::{self, pending};
use crate::rules::{
    self, check_not_over, check_rename, check_room, latest_uses, name_key, owner_column, page_of,
    to_unix, KeyRow,
};
use crate::sqlite_events as events;
use crate::sqlite_graph as graph;
use crate::Access;
use crate::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, Document, DocumentKind, Entity,
    EntityKind, EntityRef, EntityUpdate, EventPage, EventQuery, IndexedEvent, KeyOwner,
    LogPosition, Page, PageRequest, Relation, RelationKind, RelationLimit, Store, StoreError, Tag,
    TotalSizeLimit, User, UserId,
};

/// The embedded SQLite backend.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteStore")
    }
}

pub(crate) fn backend(e: rusqlite::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// A stored date out of range, as the error of a row mapping.
pub(crate) fn date_error(column: usize, e: time::error::ComponentRange) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Integer, Box::new(e))
}

/// A stored date, inside a row mapping.
pub(crate) fn from_unix(secs: i64) -> rusqlite::Result<OffsetDateTime> {
    rules::from_unix(secs).map_err(|e| date_error(0, e))
}

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        user_id: UserId(row.get(0)?),
        name: row.get(1)?,
        path: row.get(2)?,
        create_date: from_unix(row.get(3)?)?,
    })
}

const USER_COLUMNS: &str = "user_id, name, path, create_date";
const KEY_COLUMNS: &str = "access_key_id, owner, status, create_date, secret, \
                           last_used_date, last_used_service, last_used_region";

fn key_from_row(row: &Row<'_>) -> rusqlite::Result<AccessKey> {
    KeyRow {
        access_key_id: row.get(0)?,
        owner: row.get(1)?,
        status: row.get(2)?,
        create_date: row.get(3)?,
        secret: row.get(4)?,
        last_used_date: row.get(5)?,
        last_used_service: row.get(6)?,
        last_used_region: row.get(7)?,
    }
    .into_key()
    .map_err(|e| date_error(3, e))
}

fn user_id_by_name(conn: &Connection, name: &str) -> Result<String, StoreError> {
    conn.query_row(
        "SELECT user_id FROM users WHERE name_key = ?1",
        [name_key(name)],
        |r| r.get(0),
    )
    .optional()
    .map_err(backend)?
    .ok_or(StoreError::NotFound)
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(backend)?;
        Self::init(conn)
    }

    /// A private in-memory database with the same schema and behaviour as a file, gone when
    /// the last clone is dropped: for tests that need a store but no disk. Clones share it.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(backend)?)
    }

    fn init(mut conn: Connection) -> Result<Self, StoreError> {
        // First, so that a process opening the file while another migrates it waits its turn.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(backend)?;
        enable_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(backend)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(backend)?;
        migrate(&mut conn)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with exclusive access to the connection on the blocking pool.
    async fn run<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.run_as(Access::Read, f).await
    }

    /// [`Self::run`], its time reported as `access`.
    async fn run_as<T, F>(&self, access: Access, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let started = Instant::now();
        let conn = Arc::clone(&self.conn);
        let result = tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| StoreError::Backend("connection lock poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?;
        crate::latency::observed(access, started);
        result
    }

    /// Runs `f` inside an immediate (write-locked) transaction and commits it.
    async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError> + Send + 'static,
    {
        self.run_as(Access::Write, move |conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(backend)?;
            let out = f(&tx)?;
            tx.commit().map_err(backend)?;
            Ok(out)
        })
        .await
    }
}

/// How long a statement waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Switches to WAL. While another process switches a new file, SQLite refuses at once rather
/// than calling the busy handler, so this retries within [`BUSY_TIMEOUT`].
fn enable_wal(conn: &Connection) -> Result<(), StoreError> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result.map_err(backend),
        }
    }
}

/// Applies pending migrations in one exclusive transaction, reading the version inside it so
/// that processes opening the same file together migrate it once.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Exclusive)
        .map_err(backend)?;
    let current: i64 = tx
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(backend)?;
    for (version, migration) in pending(migrations::SQLITE, current)? {
        tx.execute_batch(migration.sql)
            .map_err(|e| StoreError::Backend(format!("migration {}: {e}", migration.name)))?;
        tx.pragma_update(None, "user_version", version)
            .map_err(backend)?;
    }
    tx.commit().map_err(backend)
}

fn upsert_tags(tx: &Connection, user_id: &str, tags: &[Tag]) -> Result<(), StoreError> {
    let mut stmt = tx
        .prepare_cached(
            "INSERT INTO user_tags (user_id, key_key, key, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(user_id, key_key) DO UPDATE SET key = excluded.key, value = excluded.value",
        )
        .map_err(backend)?;
    for tag in tags {
        stmt.execute(params![user_id, name_key(&tag.key), tag.key, tag.value])
            .map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl Store for SqliteStore {
    async fn create_user(
        &self,
        user: &User,
        tags: &[Tag],
        relations: &[Relation],
    ) -> Result<(), StoreError> {
        let user = user.clone();
        let tags = tags.to_vec();
        let relations = relations.to_vec();
        self.write(move |tx| {
            let inserted = tx
                .execute(
                    "INSERT INTO users (user_id, name, name_key, path, create_date)
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                    params![
                        user.user_id.0,
                        user.name,
                        name_key(&user.name),
                        user.path,
                        to_unix(user.create_date)
                    ],
                )
                .map_err(backend)?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists);
            }
            let own = EntityRef::new(EntityKind::User, user.user_id.0.clone());
            let limit = rules::check_creation(&own, &[], &relations)?;
            upsert_tags(tx, &user.user_id.0, &tags)?;
            graph::add_relations(tx, &relations, limit)
        })
        .await
    }

    async fn get_user(&self, name: &str) -> Result<User, StoreError> {
        let key = name_key(name);
        self.run(move |conn| {
            conn.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM users WHERE name_key = ?1"
            ))
            .map_err(backend)?
            .query_row([key], user_from_row)
            .optional()
            .map_err(backend)?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    async fn get_user_by_id(&self, id: &UserId) -> Result<User, StoreError> {
        let id = id.0.clone();
        self.run(move |conn| {
            conn.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM users WHERE user_id = ?1"
            ))
            .map_err(backend)?
            .query_row([id], user_from_row)
            .optional()
            .map_err(backend)?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    async fn list_users(
        &self,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<User>, StoreError> {
        let prefix = path_prefix.to_owned();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| {
            let mut stmt = conn
                .prepare_cached(&format!(
                    "SELECT {USER_COLUMNS}, name_key FROM users
                     WHERE substr(path, 1, length(?1)) = ?1 AND name_key >= ?2
                     ORDER BY name_key LIMIT ?3"
                ))
                .map_err(backend)?;
            let rows = stmt
                .query_map(params![prefix, marker, rules::limit_of(max)], |r| {
                    Ok((r.get::<_, String>(4)?, user_from_row(r)?))
                })
                .map_err(backend)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(backend)?;
            Ok(page_of(rows, max))
        })
        .await
    }

    async fn update_user(
        &self,
        name: &str,
        new_name: Option<&str>,
        new_path: Option<&str>,
    ) -> Result<User, StoreError> {
        let name = name.to_owned();
        let new_name = new_name.map(str::to_owned);
        let new_path = new_path.map(str::to_owned);
        self.write(move |tx| {
            let id = user_id_by_name(tx, &name)?;
            if let Some(new_name) = &new_name {
                let taken: Option<String> = tx
                    .query_row(
                        "SELECT user_id FROM users WHERE name_key = ?1",
                        [name_key(new_name)],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(backend)?;
                check_rename(taken.as_deref(), &id)?;
                tx.execute(
                    "UPDATE users SET name = ?2, name_key = ?3 WHERE user_id = ?1",
                    params![id, new_name, name_key(new_name)],
                )
                .map_err(backend)?;
            }
            if let Some(new_path) = &new_path {
                tx.execute(
                    "UPDATE users SET path = ?2 WHERE user_id = ?1",
                    params![id, new_path],
                )
                .map_err(backend)?;
            }
            tx.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE user_id = ?1"),
                [&id],
                user_from_row,
            )
            .map_err(backend)
        })
        .await
    }

    async fn delete_user(&self, name: &str) -> Result<User, StoreError> {
        let name = name.to_owned();
        self.write(move |tx| {
            let user = tx
                .query_row(
                    &format!("SELECT {USER_COLUMNS} FROM users WHERE name_key = ?1"),
                    [name_key(&name)],
                    user_from_row,
                )
                .optional()
                .map_err(backend)?
                .ok_or(StoreError::NotFound)?;
            let keys: i64 = tx
                .query_row(
                    "SELECT count(*) FROM access_keys WHERE owner = ?1",
                    [&user.user_id.0],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            if keys > 0 {
                return Err(StoreError::DeleteConflict(Dependent::AccessKeys));
            }
            if let Some(dependent) = graph::blocking_dependent(tx, &user.user_id.0)? {
                return Err(StoreError::DeleteConflict(dependent));
            }
            graph::remove_belongings(tx, &user.user_id.0)?;
            tx.execute("DELETE FROM users WHERE user_id = ?1", [&user.user_id.0])
                .map_err(backend)?;
            Ok(user)
        })
        .await
    }

    async fn tag_user(&self, name: &str, tags: &[Tag], max_tags: usize) -> Result<(), StoreError> {
        let name = name.to_owned();
        let tags = tags.to_vec();
        self.write(move |tx| {
            let id = user_id_by_name(tx, &name)?;
            upsert_tags(tx, &id, &tags)?;
            let count: i64 = tx
                .query_row(
                    "SELECT count(*) FROM user_tags WHERE user_id = ?1",
                    [&id],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            check_not_over(count, max_tags)
        })
        .await
    }

    async fn untag_user(&self, name: &str, keys: &[String]) -> Result<(), StoreError> {
        let name = name.to_owned();
        let keys = keys.to_vec();
        self.write(move |tx| {
            let id = user_id_by_name(tx, &name)?;
            for key in &keys {
                tx.execute(
                    "DELETE FROM user_tags WHERE user_id = ?1 AND key_key = ?2",
                    params![id, name_key(key)],
                )
                .map_err(backend)?;
            }
            Ok(())
        })
        .await
    }

    async fn list_user_tags(
        &self,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError> {
        let name = name.to_owned();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| {
            let id = user_id_by_name(conn, &name)?;
            let mut stmt = conn
                .prepare_cached(
                    "SELECT key_key, key, value FROM user_tags
                     WHERE user_id = ?1 AND key_key >= ?2 ORDER BY key_key LIMIT ?3",
                )
                .map_err(backend)?;
            let rows = stmt
                .query_map(params![id, marker, rules::limit_of(max)], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Tag {
                            key: r.get(1)?,
                            value: r.get(2)?,
                        },
                    ))
                })
                .map_err(backend)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(backend)?;
            Ok(page_of(rows, max))
        })
        .await
    }

    async fn create_access_key(
        &self,
        key: &AccessKey,
        max_per_owner: usize,
    ) -> Result<(), StoreError> {
        let key = key.clone();
        self.write(move |tx| {
            let owner = owner_column(&key.owner);
            if let KeyOwner::User(id) = &key.owner {
                let exists: Option<i64> = tx
                    .query_row("SELECT 1 FROM users WHERE user_id = ?1", [&id.0], |r| {
                        r.get(0)
                    })
                    .optional()
                    .map_err(backend)?;
                if exists.is_none() {
                    return Err(StoreError::NotFound);
                }
            }
            let count: i64 = tx
                .query_row(
                    "SELECT count(*) FROM access_keys WHERE owner = ?1",
                    [owner],
                    |r| r.get(0),
                )
                .map_err(backend)?;
            check_room(count, max_per_owner)?;
            let inserted = tx
                .execute(
                    "INSERT INTO access_keys (access_key_id, owner, status, create_date, secret)
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                    params![
                        key.access_key_id,
                        owner,
                        key.status.as_str(),
                        to_unix(key.create_date),
                        key.secret.as_bytes()
                    ],
                )
                .map_err(backend)?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists);
            }
            Ok(())
        })
        .await
    }

    async fn get_access_key(&self, access_key_id: &str) -> Result<AccessKey, StoreError> {
        let id = access_key_id.to_owned();
        self.run(move |conn| {
            conn.prepare_cached(&format!(
                "SELECT {KEY_COLUMNS} FROM access_keys WHERE access_key_id = ?1"
            ))
            .map_err(backend)?
            .query_row([id], key_from_row)
            .optional()
            .map_err(backend)?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    async fn list_access_keys(&self, owner: &KeyOwner) -> Result<Vec<AccessKey>, StoreError> {
        let owner = owner_column(owner).to_owned();
        self.run(move |conn| {
            conn.prepare_cached(&format!(
                "SELECT {KEY_COLUMNS} FROM access_keys WHERE owner = ?1
                 ORDER BY create_date, access_key_id"
            ))
            .map_err(backend)?
            .query_map([owner], key_from_row)
            .map_err(backend)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(backend)
        })
        .await
    }

    async fn all_access_keys(&self) -> Result<Vec<AccessKey>, StoreError> {
        self.run(move |conn| {
            conn.prepare(&format!("SELECT {KEY_COLUMNS} FROM access_keys"))
                .map_err(backend)?
                .query_map([], key_from_row)
                .map_err(backend)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(backend)
        })
        .await
    }

    async fn update_access_key_status(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
        status: AccessKeyStatus,
    ) -> Result<(), StoreError> {
        let owner = owner_column(owner).to_owned();
        let id = access_key_id.to_owned();
        self.write(move |tx| {
            let changed = tx
                .execute(
                    "UPDATE access_keys SET status = ?3 WHERE access_key_id = ?1 AND owner = ?2",
                    params![id, owner, status.as_str()],
                )
                .map_err(backend)?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
        .await
    }

    async fn set_access_key_create_date(
        &self,
        access_key_id: &str,
        create_date: time::OffsetDateTime,
    ) -> Result<(), StoreError> {
        let id = access_key_id.to_owned();
        self.write(move |tx| {
            let changed = tx
                .execute(
                    "UPDATE access_keys SET create_date = ?2 WHERE access_key_id = ?1",
                    params![id, to_unix(create_date)],
                )
                .map_err(backend)?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
        .await
    }

    async fn delete_access_key(
        &self,
        owner: &KeyOwner,
        access_key_id: &str,
    ) -> Result<(), StoreError> {
        let owner = owner_column(owner).to_owned();
        let id = access_key_id.to_owned();
        self.write(move |tx| {
            let changed = tx
                .execute(
                    "DELETE FROM access_keys WHERE access_key_id = ?1 AND owner = ?2",
                    params![id, owner],
                )
                .map_err(backend)?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
        .await
    }

    async fn record_access_key_uses(
        &self,
        uses: &[(String, AccessKeyLastUsed)],
    ) -> Result<(), StoreError> {
        let uses: Vec<(String, AccessKeyLastUsed)> = latest_uses(uses)
            .into_iter()
            .map(|(id, used)| (id.to_owned(), used.clone()))
            .collect();
        self.write(move |tx| {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE access_keys SET last_used_date = ?2, last_used_service = ?3,
                     last_used_region = ?4 WHERE access_key_id = ?1",
                )
                .map_err(backend)?;
            for (id, used) in &uses {
                stmt.execute(params![id, to_unix(used.date), used.service, used.region])
                    .map_err(backend)?;
            }
            Ok(())
        })
        .await
    }

    async fn create_entity(
        &self,
        entity: &Entity,
        tags: &[Tag],
        documents: &[Document],
        relations: &[Relation],
    ) -> Result<(), StoreError> {
        let entity = entity.clone();
        let tags = tags.to_vec();
        let documents = documents.to_vec();
        let relations = relations.to_vec();
        self.write(move |tx| graph::create_entity(tx, &entity, &tags, &documents, &relations))
            .await
    }

    async fn get_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError> {
        let name = name.to_owned();
        self.run(move |conn| graph::entity_by_name(conn, kind, &name))
            .await
    }

    async fn get_entity_by_id(&self, kind: EntityKind, id: &str) -> Result<Entity, StoreError> {
        let id = id.to_owned();
        self.run(move |conn| graph::entity_by_id(conn, kind, &id))
            .await
    }

    async fn list_entities(
        &self,
        kind: EntityKind,
        path_prefix: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Entity>, StoreError> {
        let prefix = path_prefix.to_owned();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| graph::list_entities(conn, kind, &prefix, &marker, max))
            .await
    }

    async fn update_entity(
        &self,
        kind: EntityKind,
        name: &str,
        update: &EntityUpdate,
    ) -> Result<Entity, StoreError> {
        let name = name.to_owned();
        let update = update.clone();
        self.write(move |tx| graph::update_entity(tx, kind, &name, &update))
            .await
    }

    async fn delete_entity(&self, kind: EntityKind, name: &str) -> Result<Entity, StoreError> {
        let name = name.to_owned();
        self.write(move |tx| graph::delete_entity(tx, kind, &name))
            .await
    }

    async fn tag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        tags: &[Tag],
        max_tags: usize,
    ) -> Result<(), StoreError> {
        let name = name.to_owned();
        let tags = tags.to_vec();
        self.write(move |tx| graph::tag_entity(tx, kind, &name, &tags, max_tags))
            .await
    }

    async fn untag_entity(
        &self,
        kind: EntityKind,
        name: &str,
        keys: &[String],
    ) -> Result<(), StoreError> {
        let name = name.to_owned();
        let keys = keys.to_vec();
        self.write(move |tx| graph::untag_entity(tx, kind, &name, &keys))
            .await
    }

    async fn list_entity_tags(
        &self,
        kind: EntityKind,
        name: &str,
        page: PageRequest<'_>,
    ) -> Result<Page<Tag>, StoreError> {
        let name = name.to_owned();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| graph::list_entity_tags(conn, kind, &name, &marker, max))
            .await
    }

    async fn add_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: &EntityRef,
        limit: RelationLimit,
    ) -> Result<bool, StoreError> {
        let from = from.clone();
        let to = to.clone();
        self.write(move |tx| graph::add_relation(tx, kind, &from, &to, limit))
            .await
    }

    async fn remove_relation(
        &self,
        kind: RelationKind,
        from: &EntityRef,
        to: Option<&EntityRef>,
    ) -> Result<(), StoreError> {
        let from = from.clone();
        let to = to.cloned();
        self.write(move |tx| graph::remove_relation(tx, kind, &from, to.as_ref()))
            .await
    }

    async fn list_relations(
        &self,
        kind: RelationKind,
        from: Option<&EntityRef>,
        to: Option<&EntityRef>,
        page: PageRequest<'_>,
    ) -> Result<Page<Relation>, StoreError> {
        let from = from.cloned();
        let to = to.cloned();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| {
            graph::list_relations(conn, kind, from.as_ref(), to.as_ref(), &marker, max)
        })
        .await
    }

    async fn put_document(
        &self,
        document: &Document,
        limit: Option<TotalSizeLimit>,
    ) -> Result<(), StoreError> {
        let document = document.clone();
        self.write(move |tx| graph::put_document(tx, &document, limit))
            .await
    }

    async fn add_document_version(
        &self,
        document: &Document,
        prefix: &str,
        max_per_owner: usize,
    ) -> Result<Document, StoreError> {
        let document = document.clone();
        let prefix = prefix.to_owned();
        self.write(move |tx| graph::add_document_version(tx, &document, &prefix, max_per_owner))
            .await
    }

    async fn get_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<Document, StoreError> {
        let owner = owner.clone();
        let name = name.to_owned();
        self.run(move |conn| graph::get_document(conn, &owner, kind, &name))
            .await
    }

    async fn list_documents(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        page: PageRequest<'_>,
    ) -> Result<Page<Document>, StoreError> {
        let owner = owner.clone();
        let marker = page.marker.unwrap_or("").to_owned();
        let max = page.max_items;
        self.run(move |conn| graph::list_documents(conn, &owner, kind, &marker, max))
            .await
    }

    async fn delete_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError> {
        let owner = owner.clone();
        let name = name.to_owned();
        self.write(move |tx| graph::delete_document(tx, &owner, kind, &name))
            .await
    }

    async fn set_default_document(
        &self,
        owner: &EntityRef,
        kind: DocumentKind,
        name: &str,
    ) -> Result<(), StoreError> {
        let owner = owner.clone();
        let name = name.to_owned();
        self.write(move |tx| graph::set_default_document(tx, &owner, kind, &name))
            .await
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let key = key.to_owned();
        self.run(move |conn| {
            conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(backend)
        })
        .await
    }

    async fn index_events(
        &self,
        log_id: &str,
        position: LogPosition,
        indexed: Vec<IndexedEvent>,
    ) -> Result<(), StoreError> {
        let log_id = log_id.to_owned();
        self.write(move |tx| events::index(tx, &log_id, &position, &indexed))
            .await
    }

    async fn event_log_position(&self, log_id: &str) -> Result<Option<LogPosition>, StoreError> {
        let log_id = log_id.to_owned();
        self.run(move |conn| events::position(conn, &log_id)).await
    }

    async fn lookup_events(&self, query: EventQuery) -> Result<EventPage, StoreError> {
        self.run(move |conn| events::lookup(conn, &query)).await
    }

    async fn check_writable(&self) -> Result<(), StoreError> {
        let now = OffsetDateTime::now_utc().unix_timestamp_nanos().to_string();
        self.write(move |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('readiness_probe', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [now],
            )
            .map(|_| ())
            .map_err(backend)
        })
        .await
    }

    async fn init_setting(&self, key: &str, value: &str) -> Result<String, StoreError> {
        let key = key.to_owned();
        let value = value.to_owned();
        self.write(move |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![key, value],
            )
            .map_err(backend)?;
            tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .map_err(backend)
        })
        .await
    }
}
