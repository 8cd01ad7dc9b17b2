//! The rules every backend keeps, written once: case-insensitive names, quotas, paging
//! markers, how stored columns read back, delete-conflict order, version numbering and the
//! checks of creations. Backends hold only their SQL and call these, so that the same call
//! gets the same answer from SQLite and PostgreSQL.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::graph::{Dependent, Document, DocumentKind, EntityKind, EntityRef, RelationKind};
use crate::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, Entity, KeyOwner, Page, Relation, RelationLimit,
    SealedSecret, StoreError, TotalSizeLimit, UserId, WhenFull,
};

/// The key that makes names and tag keys unique case-insensitively, and orders listings.
pub(crate) fn name_key(name: &str) -> String {
    name.to_lowercase()
}

/// Cuts the rows of a page query (fetched with [`limit_of`]) into a page. Each row carries
/// its sort key, and a marker is the sort key of the first item of the next page, so markers
/// stay valid across concurrent inserts and deletes.
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

/// `LIMIT` of a page query: one more than the page, to learn whether it is truncated.
pub(crate) fn limit_of(max_items: usize) -> i64 {
    i64::try_from(max_items.saturating_add(1)).unwrap_or(i64::MAX)
}

/// Markers of relation listings: `from_id` and `to_id` joined by `|`, the sort key of the
/// next relation (printable, as markers travel in XML).
pub(crate) fn relation_marker(from_id: &str, to_id: &str) -> String {
    format!("{from_id}|{to_id}")
}

/// The two halves of a relation marker. Source ids are generated and never contain `|`, so
/// the first `|` splits it; an empty marker starts at the beginning.
pub(crate) fn split_relation_marker(marker: &str) -> (&str, &str) {
    marker.split_once('|').unwrap_or((marker, ""))
}

/// Refuses a write after which `held` rows (counted after it) exceed a quota of `max`.
pub(crate) fn check_not_over(held: i64, max: usize) -> Result<(), StoreError> {
    if usize::try_from(held).is_ok_and(|held| held > max) {
        return Err(StoreError::LimitExceeded);
    }
    Ok(())
}

/// Refuses one more row when `held` rows already fill a quota of `max`.
pub(crate) fn check_room(held: i64, max: usize) -> Result<(), StoreError> {
    if is_full(held, max) {
        return Err(StoreError::LimitExceeded);
    }
    Ok(())
}

fn is_full(held: i64, max: usize) -> bool {
    usize::try_from(held).is_ok_and(|held| held >= max)
}

/// What [`crate::Store::add_relation`] does before inserting, given how many relations of
/// the kind the source holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Room {
    /// Insert.
    Free,
    /// Delete the source's relations of the kind, then insert.
    ReplaceExisting,
}

/// The room for one more relation of a source holding `held` (`LimitExceeded` if the limit
/// refuses).
pub(crate) fn relation_room(held: i64, limit: RelationLimit) -> Result<Room, StoreError> {
    if !is_full(held, limit.max_per_source) {
        return Ok(Room::Free);
    }
    match limit.when_full {
        WhenFull::Refuse => Err(StoreError::LimitExceeded),
        WhenFull::Replace => Ok(Room::ReplaceExisting),
    }
}

/// The limit of the relations an entity is created with: none.
const UNLIMITED: RelationLimit = RelationLimit {
    max_per_source: usize::MAX,
    when_full: WhenFull::Refuse,
};

/// Checks what an entity (or a user, as `own`) is created with, before anything is written:
/// its documents must belong to it and its relations start at it (`NotFound` otherwise, as
/// for a missing relation target). Returns the limit to add the relations with.
pub(crate) fn check_creation(
    own: &EntityRef,
    documents: &[Document],
    relations: &[Relation],
) -> Result<RelationLimit, StoreError> {
    if documents.iter().any(|d| d.owner.id != own.id) || relations.iter().any(|r| &r.from != own) {
        return Err(StoreError::NotFound);
    }
    Ok(UNLIMITED)
}

/// Refuses a rename onto a name (`taken` is the id holding it, if any) that another record
/// holds; renaming a record to another spelling of its own name is allowed.
pub(crate) fn check_rename(taken: Option<&str>, own_id: &str) -> Result<(), StoreError> {
    match taken {
        Some(other) if other != own_id => Err(StoreError::AlreadyExists),
        _ => Ok(()),
    }
}

/// Everything that can block a delete, in the order conflicts are reported: per relation kind
/// (in [`RelationKind::ALL`] order) the kinds that block their source, then the target side;
/// then non-default documents. A backend reports the first one it finds.
pub(crate) fn delete_blockers() -> impl Iterator<Item = Dependent> {
    RelationKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let source = kind
                .blocks_source_delete()
                .then_some(Dependent::Source(kind));
            source.into_iter().chain([Dependent::Target(kind)])
        })
        .chain([DocumentKind::InlinePolicy, DocumentKind::PolicyVersion].map(Dependent::Documents))
}

/// Refuses deleting an owner's default document, which goes only with its owner.
pub(crate) fn check_deletable(document: &Document) -> Result<(), StoreError> {
    if document.is_default {
        return Err(StoreError::DeleteConflict(Dependent::DefaultDocument));
    }
    Ok(())
}

/// Refuses a document whose owner's documents of its kind would together exceed `limit`:
/// `others` are the texts of the owner's other documents of the kind.
pub(crate) fn check_total_size<'a>(
    limit: TotalSizeLimit,
    text: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<(), StoreError> {
    let total = others
        .into_iter()
        .fold((limit.measure)(text), |total, other| {
            total.saturating_add((limit.measure)(other))
        });
    if total > limit.max {
        return Err(StoreError::LimitExceeded);
    }
    Ok(())
}

/// The number of the next document version when no sequence is stored yet (data from before
/// sequences): one past the highest `{prefix}N` among the owner's document names.
pub(crate) fn first_free_version<'a>(
    prefix: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> i64 {
    names
        .into_iter()
        .filter_map(|name| name.strip_prefix(prefix)?.parse::<i64>().ok())
        .fold(0, i64::max)
        .saturating_add(1)
}

/// The document a new version is stored as: `{prefix}{number}`.
pub(crate) fn numbered(document: &Document, prefix: &str, number: i64) -> Document {
    Document {
        name: format!("{prefix}{number}"),
        ..document.clone()
    }
}

/// Of several uses of one key in a batch, the last wins; keys come out in id order, the
/// order rows are updated in (so that concurrent batches lock rows in one order).
pub(crate) fn latest_uses(
    uses: &[(String, AccessKeyLastUsed)],
) -> BTreeMap<&str, &AccessKeyLastUsed> {
    uses.iter().map(|(id, used)| (id.as_str(), used)).collect()
}

/// The owner column of the root user's keys; IAM user ids never contain `:`.
const ROOT_OWNER: &str = ":root";

/// How a key's owner is stored.
pub(crate) fn owner_column(owner: &KeyOwner) -> &str {
    match owner {
        KeyOwner::Root => ROOT_OWNER,
        KeyOwner::User(id) => &id.0,
    }
}

/// An entity kind as stored; an unknown spelling (from a newer Keyward) reads as external,
/// which is never looked up.
pub(crate) fn entity_kind(stored: &str) -> EntityKind {
    EntityKind::parse(stored).unwrap_or(EntityKind::External)
}

/// A relation end or document owner as stored.
pub(crate) fn entity_ref(kind: &str, id: String) -> EntityRef {
    EntityRef::new(entity_kind(kind), id)
}

/// Seconds since the epoch, as dates are stored (second precision).
pub(crate) fn to_unix(date: OffsetDateTime) -> i64 {
    date.unix_timestamp()
}

/// A stored date.
pub(crate) fn from_unix(secs: i64) -> Result<OffsetDateTime, time::error::ComponentRange> {
    OffsetDateTime::from_unix_timestamp(secs)
}

/// The columns of an access key as both backends store them.
pub(crate) struct KeyRow {
    pub(crate) access_key_id: String,
    pub(crate) owner: String,
    pub(crate) status: String,
    pub(crate) create_date: i64,
    pub(crate) secret: Vec<u8>,
    pub(crate) last_used_date: Option<i64>,
    pub(crate) last_used_service: Option<String>,
    pub(crate) last_used_region: Option<String>,
}

impl KeyRow {
    /// The key a row stores. An unknown status reads as inactive, so a key never
    /// authenticates by mistake; a last use is present when its date is.
    pub(crate) fn into_key(self) -> Result<AccessKey, time::error::ComponentRange> {
        let last_used = match self.last_used_date {
            Some(secs) => Some(AccessKeyLastUsed {
                date: from_unix(secs)?,
                service: self.last_used_service.unwrap_or_default(),
                region: self.last_used_region.unwrap_or_default(),
            }),
            None => None,
        };
        Ok(AccessKey {
            access_key_id: self.access_key_id,
            owner: if self.owner == ROOT_OWNER {
                KeyOwner::Root
            } else {
                KeyOwner::User(UserId(self.owner))
            },
            status: AccessKeyStatus::parse(&self.status).unwrap_or(AccessKeyStatus::Inactive),
            create_date: from_unix(self.create_date)?,
            secret: SealedSecret::from_bytes(self.secret),
            last_used,
        })
    }
}

/// The columns of an entity row, without its attributes (stored in their own table).
pub(crate) fn entity(
    id: String,
    kind: &str,
    name: String,
    path: String,
    create_date: i64,
) -> Result<Entity, time::error::ComponentRange> {
    Ok(Entity {
        id,
        kind: entity_kind(kind),
        name,
        path,
        create_date: from_unix(create_date)?,
        attributes: BTreeMap::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_end_with_the_sort_key_of_the_next_item() {
        let rows = |n: usize| (0..n).map(|i| (format!("k{i}"), i)).collect::<Vec<_>>();
        let page = page_of(rows(3), 2);
        assert_eq!(
            (page.items, page.next_marker.as_deref()),
            (vec![0, 1], Some("k2"))
        );
        let page = page_of(rows(2), 2);
        assert_eq!((page.items, page.next_marker), (vec![0, 1], None));
        assert_eq!(limit_of(usize::MAX), i64::MAX);
        assert_eq!(
            split_relation_marker(&relation_marker("a", "b")),
            ("a", "b")
        );
        assert_eq!(split_relation_marker(""), ("", ""));
    }

    #[test]
    fn quotas_refuse_at_the_limit() {
        assert_eq!(check_room(1, 2), Ok(()));
        assert_eq!(check_room(2, 2), Err(StoreError::LimitExceeded));
        assert_eq!(check_not_over(2, 2), Ok(()));
        assert_eq!(check_not_over(3, 2), Err(StoreError::LimitExceeded));
        let replace = RelationLimit {
            max_per_source: 1,
            when_full: WhenFull::Replace,
        };
        assert_eq!(relation_room(0, replace), Ok(Room::Free));
        assert_eq!(relation_room(1, replace), Ok(Room::ReplaceExisting));
        assert_eq!(relation_room(usize::MAX as i64, UNLIMITED), Ok(Room::Free));
    }

    #[test]
    fn delete_conflicts_are_reported_in_a_fixed_order() {
        let order: Vec<Dependent> = delete_blockers().collect();
        assert_eq!(
            order[..3],
            [
                Dependent::Source(RelationKind::InstanceProfileRole),
                Dependent::Target(RelationKind::InstanceProfileRole),
                Dependent::Source(RelationKind::GroupMember),
            ]
        );
        assert!(!order.contains(&Dependent::Source(RelationKind::PermissionsBoundary)));
        assert_eq!(
            order.last(),
            Some(&Dependent::Documents(DocumentKind::PolicyVersion))
        );
    }

    #[test]
    fn versions_continue_after_the_highest_number() {
        assert_eq!(first_free_version("v", ["v1", "v10", "v3", "x7", "vx"]), 11);
        assert_eq!(first_free_version("v", []), 1);
    }

    #[test]
    fn renames_may_change_the_case_of_their_own_name() {
        assert_eq!(check_rename(None, "A"), Ok(()));
        assert_eq!(check_rename(Some("A"), "A"), Ok(()));
        assert_eq!(check_rename(Some("B"), "A"), Err(StoreError::AlreadyExists));
    }
}
