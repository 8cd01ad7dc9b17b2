//! The embedded backend: one SQLite database in the data directory, in WAL mode with
//! `synchronous=FULL`, so that a committed transaction survives a crash or power loss.
//!
//! SQLite calls block, so each operation runs on tokio's blocking pool. One connection guarded
//! by a mutex serialises writers, which is what SQLite does anyway, and makes every
//! check-then-write (quotas, uniqueness) atomic.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use time::OffsetDateTime;

use crate::sqlite_graph as graph;
use crate::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, Document, DocumentKind, Entity,
    EntityKind, EntityRef, EntityUpdate, KeyOwner, Page, PageRequest, Relation, RelationKind,
    RelationLimit, SealedSecret, Store, StoreError, Tag, TotalSizeLimit, User, UserId,
};

/// Migrations applied in order; the index + 1 is the schema version kept in `user_version`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE users (
    user_id     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,
    create_date INTEGER NOT NULL
);
CREATE INDEX users_path ON users(path);
CREATE TABLE user_tags (
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    key_key TEXT NOT NULL,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (user_id, key_key)
);
CREATE TABLE access_keys (
    access_key_id     TEXT PRIMARY KEY,
    owner             TEXT NOT NULL,
    status            TEXT NOT NULL,
    create_date       INTEGER NOT NULL,
    secret            BLOB NOT NULL,
    last_used_date    INTEGER,
    last_used_service TEXT,
    last_used_region  TEXT
);
CREATE INDEX access_keys_owner ON access_keys(owner);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#,
    graph::MIGRATION,
];

/// The schema version an opened database is at.
pub(crate) const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Store owner column value for the root user; IAM user ids never contain `:`.
const ROOT_OWNER: &str = ":root";

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

fn owner_column(owner: &KeyOwner) -> &str {
    match owner {
        KeyOwner::Root => ROOT_OWNER,
        KeyOwner::User(id) => &id.0,
    }
}

pub(crate) fn to_unix(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

pub(crate) fn from_unix(secs: i64) -> rusqlite::Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(secs).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Integer, Box::new(e))
    })
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
    let owner: String = row.get(1)?;
    let status: String = row.get(2)?;
    let last_used_date: Option<i64> = row.get(5)?;
    let last_used = match last_used_date {
        Some(secs) => Some(AccessKeyLastUsed {
            date: from_unix(secs)?,
            service: row.get::<_, Option<String>>(6)?.unwrap_or_default(),
            region: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(AccessKey {
        access_key_id: row.get(0)?,
        owner: if owner == ROOT_OWNER {
            KeyOwner::Root
        } else {
            KeyOwner::User(UserId(owner))
        },
        status: AccessKeyStatus::parse(&status).unwrap_or(AccessKeyStatus::Inactive),
        create_date: from_unix(row.get(3)?)?,
        secret: SealedSecret::from_bytes(row.get(4)?),
        last_used,
    })
}

pub(crate) fn name_key(name: &str) -> String {
    name.to_lowercase()
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

/// Markers are the sort key of the first item of the next page, so they stay valid across
/// concurrent inserts and deletes.
pub(crate) fn page_of<T>(mut items: Vec<(String, T)>, max_items: usize) -> Page<T> {
    let next_marker = if items.len() > max_items {
        items.truncate(max_items + 1);
        items.pop().map(|(k, _)| k)
    } else {
        None
    };
    Page {
        items: items.into_iter().map(|(_, v)| v).collect(),
        next_marker,
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(backend)?;
        Self::init(conn)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(backend)?)
    }

    fn init(mut conn: Connection) -> Result<Self, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(backend)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(backend)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(backend)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(backend)?;
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .map_err(backend)? as usize;
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Exclusive)
                .map_err(backend)?;
            tx.execute_batch(migration).map_err(backend)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(backend)?;
            tx.commit().map_err(backend)?;
        }
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
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| StoreError::Backend("connection lock poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
    }

    /// Runs `f` inside an immediate (write-locked) transaction and commits it.
    async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError> + Send + 'static,
    {
        self.run(move |conn| {
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
            upsert_tags(tx, &user.user_id.0, &tags)?;
            let own = EntityRef::new(EntityKind::User, user.user_id.0.clone());
            graph::add_initial_relations(tx, &own, &relations)
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
                .query_map(params![prefix, marker, (max + 1) as i64], |r| {
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
                if taken.is_some_and(|other| other != id) {
                    return Err(StoreError::AlreadyExists);
                }
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
            if count as usize > max_tags {
                return Err(StoreError::LimitExceeded);
            }
            Ok(())
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
                .query_map(params![id, marker, (max + 1) as i64], |r| {
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
            if count as usize >= max_per_owner {
                return Err(StoreError::LimitExceeded);
            }
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
        let uses = uses.to_vec();
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
