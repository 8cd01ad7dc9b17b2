//! The PostgreSQL side of entities, relations and documents: the statements of
//! `sqlite_graph`, one for one, run inside the backend's transactions (see `postgres` for why
//! each public operation is one atomic check-then-write across replicas).

use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

use crate::graph::{
    Dependent, Document, DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, Relation,
    RelationKind, RelationLimit, TotalSizeLimit,
};
use crate::postgres::{count, execute, from_unix, query, query_opt, tag_page, Failure};
use crate::rules::{
    self, check_deletable, check_not_over, check_rename, check_room, check_total_size,
    delete_blockers, entity_ref, limit_of, name_key, page_of, relation_marker, relation_room,
    split_relation_marker, to_unix, Room,
};
use crate::{Page, StoreError, Tag};

const ENTITY_COLUMNS: &str = "entity_id, kind, name, path, create_date";

fn entity_from_row(row: &Row) -> Result<Entity, Failure> {
    Ok(rules::entity(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
    )?)
}

/// Fills in the attributes of several entities with one statement.
async fn with_attributes<C: GenericClient>(
    c: &C,
    mut entities: Vec<Entity>,
) -> Result<Vec<Entity>, Failure> {
    if entities.is_empty() {
        return Ok(entities);
    }
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    let rows = query(
        c,
        "SELECT entity_id, name, value FROM entity_attributes WHERE entity_id = ANY($1)",
        &[&ids],
    )
    .await?;
    for row in rows {
        let id: String = row.try_get(0)?;
        if let Some(entity) = entities.iter_mut().find(|e| e.id == id) {
            entity.attributes.insert(row.try_get(1)?, row.try_get(2)?);
        }
    }
    Ok(entities)
}

async fn one_entity<C: GenericClient>(c: &C, row: Option<Row>) -> Result<Entity, Failure> {
    let entity = entity_from_row(&row.ok_or(StoreError::NotFound)?)?;
    let mut filled = with_attributes(c, vec![entity]).await?;
    filled.pop().ok_or_else(|| StoreError::NotFound.into())
}

pub(crate) async fn entity_by_name<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
) -> Result<Entity, Failure> {
    let row = query_opt(
        c,
        &format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE kind = $1 AND name_key = $2"),
        &[&kind.as_str(), &name_key(name)],
    )
    .await?;
    one_entity(c, row).await
}

pub(crate) async fn entity_by_id<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    id: &str,
) -> Result<Entity, Failure> {
    let row = query_opt(
        c,
        &format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE kind = $1 AND entity_id = $2"),
        &[&kind.as_str(), &id],
    )
    .await?;
    one_entity(c, row).await
}

/// Whether a stored end of a relation or a document owner exists; external ends always do.
async fn exists<C: GenericClient>(c: &C, r: &EntityRef) -> Result<bool, Failure> {
    let found = match r.kind {
        EntityKind::External => return Ok(true),
        EntityKind::User => {
            query_opt(c, "SELECT 1 FROM users WHERE user_id = $1", &[&r.id]).await?
        }
        kind => {
            query_opt(
                c,
                "SELECT 1 FROM entities WHERE entity_id = $1 AND kind = $2",
                &[&r.id, &kind.as_str()],
            )
            .await?
        }
    };
    Ok(found.is_some())
}

/// The first reason `id` cannot be deleted, if any, in [`delete_blockers`] order.
pub(crate) async fn blocking_dependent<C: GenericClient>(
    c: &C,
    id: &str,
) -> Result<Option<Dependent>, Failure> {
    for blocker in delete_blockers() {
        let held = match blocker {
            Dependent::Source(kind) => {
                count(
                    c,
                    "SELECT count(*) FROM relations WHERE kind = $1 AND from_id = $2",
                    &[&kind.as_str(), &id],
                )
                .await?
            }
            Dependent::Target(kind) => {
                count(
                    c,
                    "SELECT count(*) FROM relations WHERE kind = $1 AND to_id = $2",
                    &[&kind.as_str(), &id],
                )
                .await?
            }
            Dependent::Documents(kind) => {
                count(
                    c,
                    "SELECT count(*) FROM documents
                     WHERE owner_id = $1 AND kind = $2 AND NOT is_default",
                    &[&id, &kind.as_str()],
                )
                .await?
            }
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
pub(crate) async fn remove_belongings<C: GenericClient>(c: &C, id: &str) -> Result<(), Failure> {
    execute(c, "DELETE FROM relations WHERE from_id = $1", &[&id]).await?;
    execute(c, "DELETE FROM documents WHERE owner_id = $1", &[&id]).await?;
    execute(
        c,
        "DELETE FROM document_sequences WHERE owner_id = $1",
        &[&id],
    )
    .await?;
    Ok(())
}

async fn set_attribute<C: GenericClient>(
    c: &C,
    id: &str,
    name: &str,
    value: Option<&str>,
) -> Result<(), Failure> {
    match value {
        Some(v) => {
            execute(
                c,
                "INSERT INTO entity_attributes (entity_id, name, value) VALUES ($1, $2, $3)
                 ON CONFLICT (entity_id, name) DO UPDATE SET value = excluded.value",
                &[&id, &name, &v],
            )
            .await?
        }
        None => {
            execute(
                c,
                "DELETE FROM entity_attributes WHERE entity_id = $1 AND name = $2",
                &[&id, &name],
            )
            .await?
        }
    };
    Ok(())
}

async fn upsert_entity_tags<C: GenericClient>(
    c: &C,
    id: &str,
    tags: &[Tag],
) -> Result<(), Failure> {
    for tag in tags {
        execute(
            c,
            "INSERT INTO entity_tags (entity_id, key_key, key, value) VALUES ($1, $2, $3, $4)
             ON CONFLICT (entity_id, key_key) DO UPDATE SET key = excluded.key, value = excluded.value",
            &[&id, &name_key(&tag.key), &tag.key, &tag.value],
        )
        .await?;
    }
    Ok(())
}

async fn insert_document<C: GenericClient>(c: &C, d: &Document) -> Result<(), Failure> {
    if d.is_default {
        execute(
            c,
            "UPDATE documents SET is_default = FALSE WHERE owner_id = $1 AND kind = $2",
            &[&d.owner.id, &d.kind.as_str()],
        )
        .await?;
    }
    execute(
        c,
        "INSERT INTO documents (owner_kind, owner_id, kind, name, text, create_date, is_default)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (owner_id, kind, name) DO UPDATE SET text = excluded.text,
             create_date = excluded.create_date, is_default = excluded.is_default",
        &[
            &d.owner.kind.as_str(),
            &d.owner.id,
            &d.kind.as_str(),
            &d.name,
            &d.text,
            &to_unix(d.create_date),
            &d.is_default,
        ],
    )
    .await?;
    Ok(())
}

pub(crate) async fn create_entity<C: GenericClient>(
    c: &C,
    entity: &Entity,
    tags: &[Tag],
    documents: &[Document],
    relations: &[Relation],
) -> Result<(), Failure> {
    let inserted = execute(
        c,
        "INSERT INTO entities (entity_id, kind, name, name_key, path, create_date)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[
            &entity.id,
            &entity.kind.as_str(),
            &entity.name,
            &name_key(&entity.name),
            &entity.path,
            &to_unix(entity.create_date),
        ],
    )
    .await?;
    if inserted == 0 {
        return Err(StoreError::AlreadyExists.into());
    }
    let limit = rules::check_creation(&entity.reference(), documents, relations)?;
    for (k, v) in &entity.attributes {
        set_attribute(c, &entity.id, k, Some(v)).await?;
    }
    upsert_entity_tags(c, &entity.id, tags).await?;
    for d in documents {
        insert_document(c, d).await?;
    }
    add_relations(c, relations, limit).await
}

/// Adds the relations a new entity or user is created with (checked by
/// [`rules::check_creation`]).
pub(crate) async fn add_relations<C: GenericClient>(
    c: &C,
    relations: &[Relation],
    limit: RelationLimit,
) -> Result<(), Failure> {
    for r in relations {
        add_relation(c, r.kind, &r.from, &r.to, limit).await?;
    }
    Ok(())
}

pub(crate) async fn list_entities<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    prefix: &str,
    marker: &str,
    max: usize,
) -> Result<Page<Entity>, Failure> {
    let rows = query(
        c,
        &format!(
            "SELECT {ENTITY_COLUMNS}, name_key FROM entities
             WHERE kind = $1 AND left(path, char_length($2::text)) = $2::text AND name_key >= $3
             ORDER BY name_key LIMIT $4"
        ),
        &[&kind.as_str(), &prefix, &marker, &limit_of(max)],
    )
    .await?;
    let items = rows
        .iter()
        .map(|r| Ok((r.try_get::<_, String>(5)?, entity_from_row(r)?)))
        .collect::<Result<Vec<_>, Failure>>()?;
    let page = page_of(items, max);
    Ok(Page {
        items: with_attributes(c, page.items).await?,
        next_marker: page.next_marker,
    })
}

pub(crate) async fn update_entity<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
    update: &EntityUpdate,
) -> Result<Entity, Failure> {
    let entity = entity_by_name(c, kind, name).await?;
    if let Some(new_name) = &update.new_name {
        let taken = query_opt(
            c,
            "SELECT entity_id FROM entities WHERE kind = $1 AND name_key = $2",
            &[&kind.as_str(), &name_key(new_name)],
        )
        .await?;
        let taken: Option<String> = taken.map(|row| row.try_get(0)).transpose()?;
        check_rename(taken.as_deref(), &entity.id)?;
        execute(
            c,
            "UPDATE entities SET name = $2, name_key = $3 WHERE entity_id = $1",
            &[&entity.id, new_name, &name_key(new_name)],
        )
        .await?;
    }
    if let Some(new_path) = &update.new_path {
        execute(
            c,
            "UPDATE entities SET path = $2 WHERE entity_id = $1",
            &[&entity.id, new_path],
        )
        .await?;
    }
    for (k, v) in &update.attributes {
        set_attribute(c, &entity.id, k, v.as_deref()).await?;
    }
    entity_by_id(c, kind, &entity.id).await
}

pub(crate) async fn delete_entity<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
) -> Result<Entity, Failure> {
    let entity = entity_by_name(c, kind, name).await?;
    if let Some(dependent) = blocking_dependent(c, &entity.id).await? {
        return Err(StoreError::DeleteConflict(dependent).into());
    }
    remove_belongings(c, &entity.id).await?;
    execute(
        c,
        "DELETE FROM entities WHERE entity_id = $1",
        &[&entity.id],
    )
    .await?;
    Ok(entity)
}

/// The id of an entity by name, without its attributes.
async fn entity_id<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
) -> Result<String, Failure> {
    let row = query_opt(
        c,
        "SELECT entity_id FROM entities WHERE kind = $1 AND name_key = $2",
        &[&kind.as_str(), &name_key(name)],
    )
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok(row.try_get(0)?)
}

pub(crate) async fn tag_entity<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
    tags: &[Tag],
    max_tags: usize,
) -> Result<(), Failure> {
    let id = entity_id(c, kind, name).await?;
    upsert_entity_tags(c, &id, tags).await?;
    let held = count(
        c,
        "SELECT count(*) FROM entity_tags WHERE entity_id = $1",
        &[&id],
    )
    .await?;
    Ok(check_not_over(held, max_tags)?)
}

pub(crate) async fn untag_entity<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
    keys: &[String],
) -> Result<(), Failure> {
    let id = entity_id(c, kind, name).await?;
    for key in keys {
        execute(
            c,
            "DELETE FROM entity_tags WHERE entity_id = $1 AND key_key = $2",
            &[&id, &name_key(key)],
        )
        .await?;
    }
    Ok(())
}

pub(crate) async fn list_entity_tags<C: GenericClient>(
    c: &C,
    kind: EntityKind,
    name: &str,
    marker: &str,
    max: usize,
) -> Result<Page<Tag>, Failure> {
    let id = entity_id(c, kind, name).await?;
    let rows = query(
        c,
        "SELECT key_key, key, value FROM entity_tags
         WHERE entity_id = $1 AND key_key >= $2 ORDER BY key_key LIMIT $3",
        &[&id, &marker, &limit_of(max)],
    )
    .await?;
    tag_page(rows, max)
}

pub(crate) async fn add_relation<C: GenericClient>(
    c: &C,
    kind: RelationKind,
    from: &EntityRef,
    to: &EntityRef,
    limit: RelationLimit,
) -> Result<bool, Failure> {
    if !exists(c, from).await? || !exists(c, to).await? {
        return Err(StoreError::NotFound.into());
    }
    let present = count(
        c,
        "SELECT count(*) FROM relations WHERE kind = $1 AND from_id = $2 AND to_id = $3",
        &[&kind.as_str(), &from.id, &to.id],
    )
    .await?;
    if present > 0 {
        return Ok(false);
    }
    let held = count(
        c,
        "SELECT count(*) FROM relations WHERE kind = $1 AND from_id = $2",
        &[&kind.as_str(), &from.id],
    )
    .await?;
    if relation_room(held, limit)? == Room::ReplaceExisting {
        execute(
            c,
            "DELETE FROM relations WHERE kind = $1 AND from_id = $2",
            &[&kind.as_str(), &from.id],
        )
        .await?;
    }
    execute(
        c,
        "INSERT INTO relations (kind, from_kind, from_id, to_kind, to_id)
         VALUES ($1, $2, $3, $4, $5)",
        &[
            &kind.as_str(),
            &from.kind.as_str(),
            &from.id,
            &to.kind.as_str(),
            &to.id,
        ],
    )
    .await?;
    Ok(true)
}

pub(crate) async fn remove_relation<C: GenericClient>(
    c: &C,
    kind: RelationKind,
    from: &EntityRef,
    to: Option<&EntityRef>,
) -> Result<(), Failure> {
    let removed = match to {
        Some(to) => {
            execute(
                c,
                "DELETE FROM relations WHERE kind = $1 AND from_id = $2 AND to_id = $3",
                &[&kind.as_str(), &from.id, &to.id],
            )
            .await?
        }
        None => {
            execute(
                c,
                "DELETE FROM relations WHERE kind = $1 AND from_id = $2",
                &[&kind.as_str(), &from.id],
            )
            .await?
        }
    };
    if removed == 0 {
        return Err(StoreError::NotFound.into());
    }
    Ok(())
}

/// Markers are [`relation_marker`]s. Each filter shape gets its own statement, so PostgreSQL
/// walks the matching index in order.
pub(crate) async fn list_relations<C: GenericClient>(
    c: &C,
    kind: RelationKind,
    from: Option<&EntityRef>,
    to: Option<&EntityRef>,
    marker: &str,
    max: usize,
) -> Result<Page<Relation>, Failure> {
    let (marker_from, marker_to) = split_relation_marker(marker);
    let kind_str = kind.as_str();
    let limit = limit_of(max);
    let mut params: Vec<&(dyn ToSql + Sync)> = vec![&kind_str];
    let mut filter = String::new();
    if let Some(from) = from {
        params.push(&from.id);
        filter.push_str(&format!(" AND from_id = ${}", params.len()));
    }
    if let Some(to) = to {
        params.push(&to.id);
        filter.push_str(&format!(" AND to_id = ${}", params.len()));
    }
    let n = params.len();
    params.extend([
        &marker_from as &(dyn ToSql + Sync),
        &marker_to as &(dyn ToSql + Sync),
        &limit as &(dyn ToSql + Sync),
    ]);
    let sql = format!(
        "SELECT from_kind, from_id, to_kind, to_id FROM relations
         WHERE kind = $1{filter} AND (from_id, to_id) >= (${}::text, ${}::text)
         ORDER BY from_id, to_id LIMIT ${}",
        n + 1,
        n + 2,
        n + 3
    );
    let rows = query(c, &sql, &params).await?;
    let items = rows
        .iter()
        .map(|r| {
            let from_id: String = r.try_get(1)?;
            let to_id: String = r.try_get(3)?;
            Ok((
                relation_marker(&from_id, &to_id),
                Relation {
                    kind,
                    from: entity_ref(r.try_get(0)?, from_id),
                    to: entity_ref(r.try_get(2)?, to_id),
                },
            ))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(page_of(items, max))
}

pub(crate) async fn put_document<C: GenericClient>(
    c: &C,
    d: &Document,
    limit: Option<TotalSizeLimit>,
) -> Result<(), Failure> {
    if !exists(c, &d.owner).await? {
        return Err(StoreError::NotFound.into());
    }
    if let Some(limit) = limit {
        let rows = query(
            c,
            "SELECT text FROM documents WHERE owner_id = $1 AND kind = $2 AND name != $3",
            &[&d.owner.id, &d.kind.as_str(), &d.name],
        )
        .await?;
        let others = rows
            .iter()
            .map(|row| row.try_get(0))
            .collect::<Result<Vec<&str>, _>>()?;
        check_total_size(limit, &d.text, others)?;
    }
    insert_document(c, d).await
}

pub(crate) async fn add_document_version<C: GenericClient>(
    c: &C,
    d: &Document,
    prefix: &str,
    max_per_owner: usize,
) -> Result<Document, Failure> {
    if !exists(c, &d.owner).await? {
        return Err(StoreError::NotFound.into());
    }
    let held = count(
        c,
        "SELECT count(*) FROM documents WHERE owner_id = $1 AND kind = $2",
        &[&d.owner.id, &d.kind.as_str()],
    )
    .await?;
    check_room(held, max_per_owner)?;
    let stored = query_opt(
        c,
        "SELECT next FROM document_sequences WHERE owner_id = $1 AND kind = $2",
        &[&d.owner.id, &d.kind.as_str()],
    )
    .await?;
    let next: i64 = match stored {
        Some(row) => row.try_get(0)?,
        None => {
            let rows = query(
                c,
                "SELECT name FROM documents WHERE owner_id = $1 AND kind = $2",
                &[&d.owner.id, &d.kind.as_str()],
            )
            .await?;
            let names = rows
                .iter()
                .map(|row| row.try_get(0))
                .collect::<Result<Vec<&str>, _>>()?;
            rules::first_free_version(prefix, names)
        }
    };
    execute(
        c,
        "INSERT INTO document_sequences (owner_id, kind, next) VALUES ($1, $2, $3)
         ON CONFLICT (owner_id, kind) DO UPDATE SET next = excluded.next",
        &[&d.owner.id, &d.kind.as_str(), &next.saturating_add(1)],
    )
    .await?;
    let stored = rules::numbered(d, prefix, next);
    insert_document(c, &stored).await?;
    Ok(stored)
}

const DOCUMENT_COLUMNS: &str = "owner_kind, owner_id, kind, name, text, create_date, is_default";

fn document_from_row(kind: DocumentKind, r: &Row) -> Result<Document, Failure> {
    Ok(Document {
        owner: entity_ref(r.try_get(0)?, r.try_get(1)?),
        kind,
        name: r.try_get(3)?,
        text: r.try_get(4)?,
        create_date: from_unix(r.try_get(5)?)?,
        is_default: r.try_get(6)?,
    })
}

pub(crate) async fn get_document<C: GenericClient>(
    c: &C,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<Document, Failure> {
    let row = query_opt(
        c,
        &format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents
             WHERE owner_id = $1 AND kind = $2 AND name = $3"
        ),
        &[&owner.id, &kind.as_str(), &name],
    )
    .await?
    .ok_or(StoreError::NotFound)?;
    document_from_row(kind, &row)
}

pub(crate) async fn list_documents<C: GenericClient>(
    c: &C,
    owner: &EntityRef,
    kind: DocumentKind,
    marker: &str,
    max: usize,
) -> Result<Page<Document>, Failure> {
    if !exists(c, owner).await? {
        return Err(StoreError::NotFound.into());
    }
    let rows = query(
        c,
        &format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents
             WHERE owner_id = $1 AND kind = $2 AND name >= $3 ORDER BY name LIMIT $4"
        ),
        &[&owner.id, &kind.as_str(), &marker, &limit_of(max)],
    )
    .await?;
    let items = rows
        .iter()
        .map(|r| Ok((r.try_get::<_, String>(3)?, document_from_row(kind, r)?)))
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(page_of(items, max))
}

pub(crate) async fn delete_document<C: GenericClient>(
    c: &C,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<(), Failure> {
    check_deletable(&get_document(c, owner, kind, name).await?)?;
    execute(
        c,
        "DELETE FROM documents WHERE owner_id = $1 AND kind = $2 AND name = $3",
        &[&owner.id, &kind.as_str(), &name],
    )
    .await?;
    Ok(())
}

pub(crate) async fn set_default_document<C: GenericClient>(
    c: &C,
    owner: &EntityRef,
    kind: DocumentKind,
    name: &str,
) -> Result<(), Failure> {
    get_document(c, owner, kind, name).await?;
    execute(
        c,
        "UPDATE documents SET is_default = (name = $3) WHERE owner_id = $1 AND kind = $2",
        &[&owner.id, &kind.as_str(), &name],
    )
    .await?;
    Ok(())
}
