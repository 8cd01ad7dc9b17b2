//! The PostgreSQL side of entities, relations and documents: the statements of
//! `sqlite_graph`, one for one, run inside the backend's transactions (see `postgres` for why
//! each public operation is one atomic check-then-write across replicas).

use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

use crate::graph::{
    Dependent, Document, DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, Relation,
    RelationKind, RelationLimit, TotalSizeLimit, WhenFull,
};
use crate::postgres::{
    count, exceeds, execute, from_unix, limit_of, query, query_opt, reached, tag_page, Failure,
};
use crate::sqlite::{name_key, page_of};
use crate::{Page, StoreError, Tag};

const ENTITY_COLUMNS: &str = "entity_id, kind, name, path, create_date";

fn entity_from_row(row: &Row) -> Result<Entity, Failure> {
    let kind: String = row.try_get(1)?;
    Ok(Entity {
        id: row.try_get(0)?,
        kind: EntityKind::parse(&kind).unwrap_or(EntityKind::External),
        name: row.try_get(2)?,
        path: row.try_get(3)?,
        create_date: from_unix(row.try_get(4)?)?,
        attributes: Default::default(),
    })
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

fn ref_from(kind: &str, id: String) -> EntityRef {
    EntityRef::new(EntityKind::parse(kind).unwrap_or(EntityKind::External), id)
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

/// The first reason `id` cannot be deleted, if any: blocking relations on either side in
/// [`RelationKind::ALL`] order, then non-default documents.
pub(crate) async fn blocking_dependent<C: GenericClient>(
    c: &C,
    id: &str,
) -> Result<Option<Dependent>, Failure> {
    for kind in RelationKind::ALL {
        if kind.blocks_source_delete()
            && count(
                c,
                "SELECT count(*) FROM relations WHERE kind = $1 AND from_id = $2",
                &[&kind.as_str(), &id],
            )
            .await?
                > 0
        {
            return Ok(Some(Dependent::Source(kind)));
        }
        if count(
            c,
            "SELECT count(*) FROM relations WHERE kind = $1 AND to_id = $2",
            &[&kind.as_str(), &id],
        )
        .await?
            > 0
        {
            return Ok(Some(Dependent::Target(kind)));
        }
    }
    for kind in [DocumentKind::InlinePolicy, DocumentKind::PolicyVersion] {
        if count(
            c,
            "SELECT count(*) FROM documents WHERE owner_id = $1 AND kind = $2 AND NOT is_default",
            &[&id, &kind.as_str()],
        )
        .await?
            > 0
        {
            return Ok(Some(Dependent::Documents(kind)));
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
            &d.create_date.unix_timestamp(),
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
            &entity.create_date.unix_timestamp(),
        ],
    )
    .await?;
    if inserted == 0 {
        return Err(StoreError::AlreadyExists.into());
    }
    for (k, v) in &entity.attributes {
        set_attribute(c, &entity.id, k, Some(v)).await?;
    }
    upsert_entity_tags(c, &entity.id, tags).await?;
    for d in documents {
        if d.owner.id != entity.id {
            return Err(StoreError::NotFound.into());
        }
        insert_document(c, d).await?;
    }
    add_initial_relations(c, &entity.reference(), relations).await
}

/// Adds the relations a new entity is created with; each must start at the new entity.
pub(crate) async fn add_initial_relations<C: GenericClient>(
    c: &C,
    own: &EntityRef,
    relations: &[Relation],
) -> Result<(), Failure> {
    let unlimited = RelationLimit {
        max_per_source: usize::MAX,
        when_full: WhenFull::Refuse,
    };
    for r in relations {
        if &r.from != own {
            return Err(StoreError::NotFound.into());
        }
        add_relation(c, r.kind, &r.from, &r.to, unlimited).await?;
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
        if let Some(row) = taken {
            if row.try_get::<_, String>(0)? != entity.id {
                return Err(StoreError::AlreadyExists.into());
            }
        }
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
    if exceeds(held, max_tags) {
        return Err(StoreError::LimitExceeded.into());
    }
    Ok(())
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
    if reached(held, limit.max_per_source) {
        match limit.when_full {
            WhenFull::Refuse => return Err(StoreError::LimitExceeded.into()),
            WhenFull::Replace => {
                execute(
                    c,
                    "DELETE FROM relations WHERE kind = $1 AND from_id = $2",
                    &[&kind.as_str(), &from.id],
                )
                .await?;
            }
        }
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

/// Markers are `from_id` and `to_id` joined by `|`, as in the embedded store. Each filter
/// shape gets its own statement, so PostgreSQL walks the matching index in order.
pub(crate) async fn list_relations<C: GenericClient>(
    c: &C,
    kind: RelationKind,
    from: Option<&EntityRef>,
    to: Option<&EntityRef>,
    marker: &str,
    max: usize,
) -> Result<Page<Relation>, Failure> {
    let (marker_from, marker_to) = marker.split_once('|').unwrap_or((marker, ""));
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
                format!("{from_id}|{to_id}"),
                Relation {
                    kind,
                    from: ref_from(r.try_get(0)?, from_id),
                    to: ref_from(r.try_get(2)?, to_id),
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
        let mut total = (limit.measure)(&d.text);
        let rows = query(
            c,
            "SELECT text FROM documents WHERE owner_id = $1 AND kind = $2 AND name != $3",
            &[&d.owner.id, &d.kind.as_str(), &d.name],
        )
        .await?;
        for row in rows {
            total = total.saturating_add((limit.measure)(row.try_get(0)?));
        }
        if total > limit.max {
            return Err(StoreError::LimitExceeded.into());
        }
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
    if reached(held, max_per_owner) {
        return Err(StoreError::LimitExceeded.into());
    }
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
            let mut highest = 0;
            for row in rows {
                let name: &str = row.try_get(0)?;
                if let Some(n) = name
                    .strip_prefix(prefix)
                    .and_then(|n| n.parse::<i64>().ok())
                {
                    highest = highest.max(n);
                }
            }
            highest.saturating_add(1)
        }
    };
    execute(
        c,
        "INSERT INTO document_sequences (owner_id, kind, next) VALUES ($1, $2, $3)
         ON CONFLICT (owner_id, kind) DO UPDATE SET next = excluded.next",
        &[&d.owner.id, &d.kind.as_str(), &next.saturating_add(1)],
    )
    .await?;
    let stored = Document {
        name: format!("{prefix}{next}"),
        ..d.clone()
    };
    insert_document(c, &stored).await?;
    Ok(stored)
}

const DOCUMENT_COLUMNS: &str = "owner_kind, owner_id, kind, name, text, create_date, is_default";

fn document_from_row(kind: DocumentKind, r: &Row) -> Result<Document, Failure> {
    Ok(Document {
        owner: ref_from(r.try_get(0)?, r.try_get(1)?),
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
    let d = get_document(c, owner, kind, name).await?;
    if d.is_default {
        return Err(StoreError::DeleteConflict(Dependent::DefaultDocument).into());
    }
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
