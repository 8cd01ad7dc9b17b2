//! The SQLite side of entities, relations and documents: synchronous functions run inside
//! the backend's transactions, so each public operation is one atomic check-then-write.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::graph::{
    Dependent, Document, DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, Relation,
    RelationKind, RelationLimit, TotalSizeLimit,
};
use crate::rules::{
    self, check_deletable, check_not_over, check_rename, check_room, check_total_size,
    delete_blockers, entity_ref, limit_of, name_key, page_of, relation_marker, relation_room,
    split_relation_marker, to_unix, Room,
};
use crate::sqlite::{backend, date_error, from_unix};
use crate::{Page, StoreError, Tag};

const ENTITY_COLUMNS: &str = "entity_id, kind, name, path, create_date";

fn entity_from_row(row: &Row<'_>) -> rusqlite::Result<Entity> {
    let kind: String = row.get(1)?;
    rules::entity(row.get(0)?, &kind, row.get(2)?, row.get(3)?, row.get(4)?)
        .map_err(|e| date_error(4, e))
}

fn with_attributes(conn: &Connection, mut entity: Entity) -> Result<Entity, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT name, value FROM entity_attributes WHERE entity_id = ?1")
        .map_err(backend)?;
    let rows = stmt
        .query_map([&entity.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(backend)?;
    for row in rows {
        let (k, v): (String, String) = row.map_err(backend)?;
        entity.attributes.insert(k, v);
    }
    Ok(entity)
}

pub(crate) fn entity_by_name(
    conn: &Connection,
    kind: EntityKind,
    name: &str,
) -> Result<Entity, StoreError> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {ENTITY_COLUMNS} FROM entities WHERE kind = ?1 AND name_key = ?2"
        ))
        .map_err(backend)?
        .query_row(params![kind.as_str(), name_key(name)], entity_from_row)
        .optional()
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    with_attributes(conn, found)
}

pub(crate) fn entity_by_id(
    conn: &Connection,
    kind: EntityKind,
    id: &str,
) -> Result<Entity, StoreError> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {ENTITY_COLUMNS} FROM entities WHERE kind = ?1 AND entity_id = ?2"
        ))
        .map_err(backend)?
        .query_row(params![kind.as_str(), id], entity_from_row)
        .optional()
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    with_attributes(conn, found)
}

/// Whether a stored end of a relation or a document owner exists; external ends always do.
fn exists(conn: &Connection, r: &EntityRef) -> Result<bool, StoreError> {
    let found: Option<i64> = match r.kind {
        EntityKind::External => return Ok(true),
        EntityKind::User => conn
            .query_row("SELECT 1 FROM users WHERE user_id = ?1", [&r.id], |r| {
                r.get(0)
            })
            .optional(),
        kind => conn
            .query_row(
                "SELECT 1 FROM entities WHERE entity_id = ?1 AND kind = ?2",
                params![r.id, kind.as_str()],
                |r| r.get(0),
            )
            .optional(),
    }
    .map_err(backend)?;
    Ok(found.is_some())
}

fn count(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<i64, StoreError> {
    conn.query_row(sql, args, |r| r.get(0)).map_err(backend)
}

/// The first reason `id` cannot be deleted, if any, in [`delete_blockers`] order.
pub(crate) fn blocking_dependent(
    conn: &Connection,
    id: &str,
) -> Result<Option<Dependent>, StoreError> {
    for blocker in delete_blockers() {
        let held = match blocker {
            Dependent::Source(kind) => count(
                conn,
                "SELECT count(*) FROM relations WHERE kind = ?1 AND from_id = ?2",
                params![kind.as_str(), id],
            )?,
            Dependent::Target(kind) => count(
                conn,
                "SELECT count(*) FROM relations WHERE kind = ?1 AND to_id = ?2",
                params![kind.as_str(), id],
            )?,
            Dependent::Documents(kind) => count(
                conn,
                "SELECT count(*) FROM documents
                 WHERE owner_id = ?1 AND kind = ?2 AND is_default = 0",
                params![id, kind.as_str()],
            )?,
            // Not among the blockers: keys block only users (checked by the caller).
            Dependent::AccessKeys | Dependent::DefaultDocument => 0,
        };
        if held > 0 {
            return Ok(Some(blocker));
        }
    }
    Ok(None)
}

/// Removes what goes with a deleted entity: its remaining (non-blocking) relations and its
/// default documents.
pub(crate) fn remove_belongings(conn: &Connection, id: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM relations WHERE from_id = ?1", [id])
        .map_err(backend)?;
    conn.execute("DELETE FROM documents WHERE owner_id = ?1", [id])
        .map_err(backend)?;
    conn.execute("DELETE FROM document_sequences WHERE owner_id = ?1", [id])
        .map_err(backend)?;
    Ok(())
}

fn set_attribute(
    conn: &Connection,
    id: &str,
    name: &str,
    value: Option<&str>,
) -> Result<(), StoreError> {
    match value {
        Some(v) => conn.execute(
            "INSERT INTO entity_attributes (entity_id, name, value) VALUES (?1, ?2, ?3)
             ON CONFLICT(entity_id, name) DO UPDATE SET value = excluded.value",
            params![id, name, v],
        ),
        None => conn.execute(
            "DELETE FROM entity_attributes WHERE entity_id = ?1 AND name = ?2",
            params![id, name],
        ),
    }
    .map_err(backend)?;
    Ok(())
}

fn upsert_entity_tags(conn: &Connection, id: &str, tags: &[Tag]) -> Result<(), StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO entity_tags (entity_id, key_key, key, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(entity_id, key_key) DO UPDATE SET key = excluded.key, value = excluded.value",
        )
        .map_err(backend)?;
    for tag in tags {
        stmt.execute(params![id, name_key(&tag.key), tag.key, tag.value])
            .map_err(backend)?;
    }
    Ok(())
}

fn insert_document(conn: &Connection, d: &Document) -> Result<(), StoreError> {
    if d.is_default {
        conn.execute(
            "UPDATE documents SET is_default = 0 WHERE owner_id = ?1 AND kind = ?2",
            params![d.owner.id, d.kind.as_str()],
        )
        .map_err(backend)?;
    }
    conn.execute(
        "INSERT INTO documents (owner_kind, owner_id, kind, name, text, create_date, is_default)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(owner_id, kind, name) DO UPDATE SET text = excluded.text,
             create_date = excluded.create_date, is_default = excluded.is_default",
        params![
            d.owner.kind.as_str(),
            d.owner.id,
            d.kind.as_str(),
            d.name,
            d.text,
            to_unix(d.create_date),
            d.is_default
        ],
    )
    .map_err(backend)?;
    Ok(())
}

pub(crate) fn create_entity(
    tx: &Connection,
    entity: &Entity,
    tags: &[Tag],
    documents: &[Document],
    relations: &[Relation],
) -> Result<(), StoreError> {
    let inserted = tx
        .execute(
            "INSERT INTO entities (entity_id, kind, name, name_key, path, create_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            params![
                entity.id,
                entity.kind.as_str(),
                entity.name,
                name_key(&entity.name),
                entity.path,
                to_unix(entity.create_date)
            ],
        )
        .map_err(backend)?;
    if inserted == 0 {
        return Err(StoreError::AlreadyExists);
    }
    let limit = rules::check_creation(&entity.reference(), documents, relations)?;
    for (k, v) in &entity.attributes {
        set_attribute(tx, &entity.id, k, Some(v))?;
    }
    upsert_entity_tags(tx, &entity.id, tags)?;
    for d in documents {
        insert_document(tx, d)?;
    }
    add_relations(tx, relations, limit)
}

/// Adds the relations a new entity or user is created with (checked by
/// [`rules::check_creation`]).
pub(crate) fn add_relations(
    tx: &Connection,
    relations: &[Relation],
    limit: RelationLimit,
) -> Result<(), StoreError> {
    for r in relations {
        add_relation(tx, r.kind, &r.from, &r.to, limit)?;
    }
    Ok(())
}

pub(crate) fn list_entities(
    conn: &Connection,
    kind: EntityKind,
    prefix: &str,
    marker: &str,
    max: usize,
) -> Result<Page<Entity>, StoreError> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {ENTITY_COLUMNS}, name_key FROM entities
             WHERE kind = ?1 AND substr(path, 1, length(?2)) = ?2 AND name_key >= ?3
             ORDER BY name_key LIMIT ?4"
        ))
        .map_err(backend)?
        .query_map(params![kind.as_str(), prefix, marker, limit_of(max)], |r| {
            Ok((r.get::<_, String>(5)?, entity_from_row(r)?))
        })
        .map_err(backend)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(backend)?;
    let page = page_of(rows, max);
    let items = page
        .items
        .into_iter()
        .map(|e| with_attributes(conn, e))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        next_marker: page.next_marker,
    })
}

pub(crate) fn update_entity(
    tx: &Connection,
    kind: EntityKind,
    name: &str,
    update: &EntityUpdate,
) -> Result<Entity, StoreError> {
    let entity = entity_by_name(tx, kind, name)?;
    if let Some(new_name) = &update.new_name {
        let taken: Option<String> = tx
            .query_row(
                "SELECT entity_id FROM entities WHERE kind = ?1 AND name_key = ?2",
                params![kind.as_str(), name_key(new_name)],
                |r| r.get(0),
            )
            .optional()
            .map_err(backend)?;
        check_rename(taken.as_deref(), &entity.id)?;
        tx.execute(
            "UPDATE entities SET name = ?2, name_key = ?3 WHERE entity_id = ?1",
            params![entity.id, new_name, name_key(new_name)],
        )
        .map_err(backend)?;
    }
    if let Some(new_path) = &update.new_path {
        tx.execute(
            "UPDATE entities SET path = ?2 WHERE entity_id = ?1",
            params![entity.id, new_path],
        )
        .map_err(backend)?;
    }
    for (k, v) in &update.attributes {
        set_attribute(tx, &entity.id, k, v.as_deref())?;
    }
    entity_by_id(tx, kind, &entity.id)
}

pub(crate) fn delete_entity(
    tx: &Connection,
    kind: EntityKind,
    name: &str,
) -> Result<Entity, StoreError> {
    let entity = entity_by_name(tx, kind, name)?;
    if let Some(dependent) = blocking_dependent(tx, &entity.id)? {
        return Err(StoreError::DeleteConflict(dependent));
    }
    remove_belongings(tx, &entity.id)?;
    tx.execute("DELETE FROM entities WHERE entity_id = ?1", [&entity.id])
        .map_err(backend)?;
    Ok(entity)
}

pub(crate) fn tag_entity(
    tx: &Connection,
    kind: EntityKind,
    name: &str,
    tags: &[Tag],
    max_tags: usize,
) -> Result<(), StoreError> {
    let id = entity_by_name(tx, kind, name)?.id;
    upsert_entity_tags(tx, &id, tags)?;
    let n = count(
        tx,
        "SELECT count(*) FROM entity_tags WHERE entity_id = ?1",
        [&id],
    )?;
    check_not_over(n, max_tags)
}

pub(crate) fn untag_entity(
    tx: &Connection,
    kind: EntityKind,
    name: &str,
    keys: &[String],
) -> Result<(), StoreError> {
    let id = entity_by_name(tx, kind, name)?.id;
    for key in keys {
        tx.execute(
            "DELETE FROM entity_tags WHERE entity_id = ?1 AND key_key = ?2",
            params![id, name_key(key)],
        )
        .map_err(backend)?;
    }
    Ok(())
}

pub(crate) fn list_entity_tags(
    conn: &Connection,
    kind: EntityKind,
    name: &str,
    marker: &str,
    max: usize,
) -> Result<Page<Tag>, StoreError> {
    let id = entity_by_name(conn, kind, name)?.id;
    let rows = conn
        .prepare_cached(
            "SELECT key_key, key, value FROM entity_tags
             WHERE entity_id = ?1 AND key_key >= ?2 ORDER BY key_key LIMIT ?3",
        )
        .map_err(backend)?
        .query_map(params![id, marker, limit_of(max)], |r| {
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
}

pub(crate) fn add_relation(
    tx: &Connection,
    kind: RelationKind,
    from: &EntityRef,
    to: &EntityRef,
    limit: RelationLimit,
) -> Result<bool, StoreError> {
    if !exists(tx, from)? || !exists(tx, to)? {
        return Err(StoreError::NotFound);
    }
    let present = count(
        tx,
        "SELECT count(*) FROM relations WHERE kind = ?1 AND from_id = ?2 AND to_id = ?3",
        params![kind.as_str(), from.id, to.id],
    )?;
    if present > 0 {
        return Ok(false);
    }
    let held = count(
        tx,
        "SELECT count(*) FROM relations WHERE kind = ?1 AND from_id = ?2",
        params![kind.as_str(), from.id],
    )?;
    if relation_room(held, limit)? == Room::ReplaceExisting {
        tx.execute(
            "DELETE FROM relations WHERE kind = ?1 AND from_id = ?2",
            params![kind.as_str(), from.id],
        )
        .map_err(backend)?;
    }
    tx.execute(
        "INSERT INTO relations (kind, from_kind, from_id, to_kind, to_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            kind.as_str(),
            from.kind.as_str(),
            from.id,
            to.kind.as_str(),
            to.id
        ],
    )
    .map_err(backend)?;
    Ok(true)
}

pub(crate) fn remove_relation(
    tx: &Connection,
    kind: RelationKind,
    from: &EntityRef,
    to: Option<&EntityRef>,
) -> Result<(), StoreError> {
    let removed = match to {
        Some(to) => tx.execute(
            "DELETE FROM relations WHERE kind = ?1 AND from_id = ?2 AND to_id = ?3",
            params![kind.as_str(), from.id, to.id],
        ),
        None => tx.execute(
            "DELETE FROM relations WHERE kind = ?1 AND from_id = ?2",
            params![kind.as_str(), from.id],
        ),
    }
    .map_err(backend)?;
    if removed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Markers are [`relation_marker`]s. Each filter shape gets its own statement so SQLite walks
/// the matching index in order.
pub(crate) fn list_relations(
    conn: &Connection,
    kind: RelationKind,
    from: Option<&EntityRef>,
    to: Option<&EntityRef>,
    marker: &str,
    max: usize,
) -> Result<Page<Relation>, StoreError> {
    let filter = match (from, to) {
        (Some(_), Some(_)) => "AND from_id = ?2 AND to_id = ?3",
        (Some(_), None) => "AND from_id = ?2",
        (None, Some(_)) => "AND to_id = ?3",
        (None, None) => "",
    };
    let (marker_from, marker_to) = split_relation_marker(marker);
    let rows = conn
        .prepare_cached(&format!(
            "SELECT from_kind, from_id, to_kind, to_id FROM relations
             WHERE kind = ?1 {filter} AND (from_id, to_id) >= (?4, ?5)
             ORDER BY from_id, to_id LIMIT ?6"
        ))
        .map_err(backend)?
        .query_map(
            params![
                kind.as_str(),
                from.map(|f| f.id.as_str()),
                to.map(|t| t.id.as_str()),
                marker_from,
                marker_to,
                limit_of(max)
            ],
            |r| {
                let from_id: String = r.get(1)?;
                let to_id: String = r.get(3)?;
                Ok((
                    relation_marker(&from_id, &to_id),
                    Relation {
                        kind,
                        from: entity_ref(&r.get::<_, String>(0)?, from_id),
                        to: entity_ref(&r.get::<_, String>(2)?, to_id),
                    },
                ))
            },
        )
        .map_err(backend)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(backend)?;
    Ok(page_of(rows, max))
}

pub(crate) fn put_document(
    tx: &Connection,
    d: &Document,
    limit: Option<TotalSizeLimit>,
) -> Result<(), StoreError> {
    if !exists(tx, &d.owner)? {
        return Err(StoreError::NotFound);
    }
    if let Some(limit) = limit {
        let others = tx
            .prepare_cached(
                "SELECT text FROM documents WHERE owner_id = ?1 AND kind = ?2 AND name != ?3",
            )
            .map_err(backend)?
            .query_map(params![d.owner.id, d.kind.as_str(), d.name], |r| {
                r.get::<_, String>(0)
            })
            .map_err(backend)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(backend)?;
        check_total_size(limit, &d.text, others.iter().map(String::as_str))?;
    }
    insert_document(tx, d)
}

pub(crate) fn add_document_version(
    tx: &Connection,
    d: &Document,
    prefix: &str,
    max_per_owner: usize,
) -> Result<Document, StoreError> {
    if !exists(tx, &d.owner)? {
        return Err(StoreError::NotFound);
    }
    let held = count(
        tx,
        "SELECT count(*) FROM documents WHERE owner_id = ?1 AND kind = ?2",
        params![d.owner.id, d.kind.as_str()],
    )?;
    check_room(held, max_per_owner)?;
    let stored: Option<i64> = tx
        .query_row(
            "SELECT next FROM document_sequences WHERE owner_id = ?1 AND kind = ?2",
            params![d.owner.id, d.kind.as_str()],
            |r| r.get(0),
        )
        .optional()
        .map_err(backend)?;
    let next = match stored {
        Some(n) => n,
        None => {
            let names = tx
                .prepare_cached("SELECT name FROM documents WHERE owner_id = ?1 AND kind = ?2")
                .map_err(backend)?
                .query_map(params![d.owner.id, d.kind.as_str()], |r| {
                    r.get::<_, String>(0)
                })
                .map_err(backend)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(backend)?;
            rules::first_free_version(prefix, names.iter().map(String::as_str))
        }
    };
    tx.execute(
        "INSERT INTO document_sequences (owner_id, kind, next) VALUES (?1, ?2, ?3)
         ON CONFLICT(owner_id, kind) DO UPDATE SET next = excluded.next",
        params![d.owner.id, d.kind.as_str(), next.saturating_add(1)],
    )
    .map_err(backend)?;
    let stored = rules::numbered(d, prefix, next);
    insert_document(tx, &stored)?;
    Ok(stored)
}

const DOCUMENT_COLUMNS: &str = "owner_kind, owner_id, kind, name, text, create_date, is_default";

fn document_from_row(kind: DocumentKind, r: &Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        owner: entity_ref(&r.get::<_, String>(0)?, r.get(1)?),
        kind,
        name: r.get(3)?,
        text: r.get(4)?,
        create_date: from_unix(r.get(5)?)?,
        is_default: r.get(6)?,
    })
}

pub(crate) fn get_document(
    conn: &Connection,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<Document, StoreError> {
    conn.prepare_cached(&format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents WHERE owner_id = ?1 AND kind = ?2 AND name = ?3"
    ))
    .map_err(backend)?
    .query_row(params![owner.id, kind.as_str(), name], |r| {
        document_from_row(kind, r)
    })
    .optional()
    .map_err(backend)?
    .ok_or(StoreError::NotFound)
}

pub(crate) fn list_documents(
    conn: &Connection,
    owner: &EntityRef,
    kind: DocumentKind,
    marker: &str,
    max: usize,
) -> Result<Page<Document>, StoreError> {
    if !exists(conn, owner)? {
        return Err(StoreError::NotFound);
    }
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents
             WHERE owner_id = ?1 AND kind = ?2 AND name >= ?3 ORDER BY name LIMIT ?4"
        ))
        .map_err(backend)?
        .query_map(
            params![owner.id, kind.as_str(), marker, limit_of(max)],
            |r| Ok((r.get::<_, String>(3)?, document_from_row(kind, r)?)),
        )
        .map_err(backend)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(backend)?;
    Ok(page_of(rows, max))
}

pub(crate) fn delete_document(
    tx: &Connection,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<(), StoreError> {
    check_deletable(&get_document(tx, owner, kind, name)?)?;
    tx.execute(
        "DELETE FROM documents WHERE owner_id = ?1 AND kind = ?2 AND name = ?3",
        params![owner.id, kind.as_str(), name],
    )
    .map_err(backend)?;
    Ok(())
}

pub(crate) fn set_default_document(
    tx: &Connection,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<(), StoreError> {
    get_document(tx, owner, kind, name)?;
    tx.execute(
        "UPDATE documents SET is_default = (name = ?3) WHERE owner_id = ?1 AND kind = ?2",
        params![owner.id, kind.as_str(), name],
    )
    .map_err(backend)?;
    Ok(())
}
