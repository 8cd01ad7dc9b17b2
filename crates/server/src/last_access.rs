//! What IAM's access advisor reports from: when each user and each role (a role's sessions
//! count as the role) last attempted each action, and from which region.
//!
//! Recording costs a request one map update in memory, never a store write. A background
//! task ([`LastAccessRecorder::flush`]) writes what changed every [`FLUSH_INTERVAL`]: a
//! principal's first use of an action at once, a later use only once the stored time is
//! [`REFRESH_AFTER`] old, and everything exactly at shutdown. AWS itself reports with up to four
//! hours of delay; Keyward's reports merge the stored times with the ones in memory, so they are
//! never behind on the replica that served the requests, and the store is never more than an
//! hour behind a replica's memory (less after a clean shutdown), at most one write per
//! principal and action per hour under steady traffic.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use keyward_store::{Entity, EntityKind, EntityRef, EntityUpdate, Store, StoreError};
use time::OffsetDateTime;

/// How often changed last-access times are written to the store.
pub const FLUSH_INTERVAL: Duration = Duration::from_secs(10);

/// How old a stored time must be before a newer use of the same action is written again.
pub const REFRESH_AFTER: time::Duration = time::Duration::hours(1);

/// The latest attempt of one action by one principal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastAccess {
    /// When (AWS reports seconds; milliseconds are kept, to order attempts within a second).
    pub time: OffsetDateTime,
    /// The region the request was signed for.
    pub region: String,
}

impl LastAccess {
    /// The stored spelling: Unix milliseconds, a space, the region.
    fn encode(&self) -> String {
        format!(
            "{} {}",
            self.time.unix_timestamp_nanos() / 1_000_000,
            self.region
        )
    }

    fn decode(text: &str) -> Option<LastAccess> {
        let (millis, region) = text.split_once(' ')?;
        let millis: i128 = millis.parse().ok()?;
        let time = OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000).ok()?;
        Some(LastAccess {
            time,
            region: region.to_owned(),
        })
    }
}

/// One action's latest attempt in memory, and the time the store holds for it.
struct Entry {
    last: LastAccess,
    stored: Option<OffsetDateTime>,
}

/// Per principal (a user or a role, by id), per action (`iam:CreateUser`), the latest attempt.
type Entries = HashMap<EntityRef, HashMap<String, Entry>>;

/// Last-access times in memory, written to the store by [`Self::flush`].
#[derive(Default)]
pub struct LastAccessRecorder {
    entries: Mutex<Entries>,
}

/// The writes of one flush for one principal.
struct PendingWrite {
    principal: EntityRef,
    actions: Vec<(String, LastAccess)>,
}

impl LastAccessRecorder {
    /// Notes that `principal` (a user or role reference) attempted `action` at `time` from
    /// `region`. The request path's only cost: a lock and a map update, allocating only for a
    /// principal's first use of an action.
    pub fn record(&self, principal: &EntityRef, action: &str, region: &str, time: OffsetDateTime) {
        let mut entries = self.lock();
        if !entries.contains_key(principal) {
            entries.insert(principal.clone(), HashMap::new());
        }
        let Some(actions) = entries.get_mut(principal) else {
            return;
        };
        match actions.get_mut(action) {
            Some(entry) => {
                if time >= entry.last.time {
                    entry.last.time = time;
                    if entry.last.region != region {
                        region.clone_into(&mut entry.last.region);
                    }
                }
            }
            None => {
                actions.insert(
                    action.to_owned(),
                    Entry {
                        last: LastAccess {
                            time,
                            region: region.to_owned(),
                        },
                        stored: None,
                    },
                );
            }
        }
    }

    /// Every action `principal` attempted, with the latest attempt: the store's times merged
    /// with this replica's newer ones.
    pub async fn of(
        &self,
        store: &dyn Store,
        principal: &EntityRef,
    ) -> Result<HashMap<String, LastAccess>, StoreError> {
        let mut out = stored(store, &principal.id).await?;
        let entries = self.lock();
        for (action, entry) in entries.get(principal).into_iter().flatten() {
            match out.get(action) {
                Some(known) if known.time >= entry.last.time => {}
                _ => {
                    out.insert(action.clone(), entry.last.clone());
                }
            }
        }
        Ok(out)
    }

    /// Writes the times the store lacks: new actions, and newer uses of actions stored more
    /// than [`REFRESH_AFTER`] ago — or, when `exact` (at shutdown), every newer use. One
    /// read and one write per principal with something to write; a time another replica
    /// stored later is kept.
    pub async fn flush(&self, store: &dyn Store, exact: bool) -> Result<(), StoreError> {
        let writes = self.due(exact);
        let mut result = Ok(());
        for write in writes {
            match write_principal(store, &write).await {
                Ok(()) => self.mark_stored(&write),
                Err(e) => result = Err(e),
            }
        }
        result
    }

    /// What a flush must write.
    fn due(&self, exact: bool) -> Vec<PendingWrite> {
        let entries = self.lock();
        entries
            .iter()
            .filter_map(|(principal, actions)| {
                let actions: Vec<(String, LastAccess)> = actions
                    .iter()
                    .filter(|(_, entry)| match entry.stored {
                        None => true,
                        Some(stored) if exact => stored < entry.last.time,
                        Some(stored) => entry.last.time - stored >= REFRESH_AFTER,
                    })
                    .map(|(action, entry)| (action.clone(), entry.last.clone()))
                    .collect();
                (!actions.is_empty()).then(|| PendingWrite {
                    principal: principal.clone(),
                    actions,
                })
            })
            .collect()
    }

    fn mark_stored(&self, write: &PendingWrite) {
        let mut entries = self.lock();
        let Some(actions) = entries.get_mut(&write.principal) else {
            return;
        };
        for (action, written) in &write.actions {
            if let Some(entry) = actions.get_mut(action) {
                entry.stored = Some(entry.stored.map_or(written.time, |s| s.max(written.time)));
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The stored times of one principal (by id); empty if it never used anything.
async fn stored(
    store: &dyn Store,
    principal_id: &str,
) -> Result<HashMap<String, LastAccess>, StoreError> {
    let entity = match store
        .get_entity(EntityKind::ServiceLastAccess, principal_id)
        .await
    {
        Ok(entity) => entity,
        Err(StoreError::NotFound) => return Ok(HashMap::new()),
        Err(e) => return Err(e),
    };
    Ok(entity
        .attributes
        .iter()
        .filter_map(|(action, text)| Some((action.clone(), LastAccess::decode(text)?)))
        .collect())
}

/// Writes one principal's due times, keeping any later time already stored.
async fn write_principal(store: &dyn Store, write: &PendingWrite) -> Result<(), StoreError> {
    let name = &write.principal.id;
    let known = stored(store, name).await?;
    let attributes: Vec<(String, Option<String>)> = write
        .actions
        .iter()
        .filter(|(action, last)| known.get(action).is_none_or(|k| k.time < last.time))
        .map(|(action, last)| (action.clone(), Some(last.encode())))
        .collect();
    if attributes.is_empty() {
        return Ok(());
    }
    let update = EntityUpdate {
        attributes: attributes.clone(),
        ..EntityUpdate::default()
    };
    match store
        .update_entity(EntityKind::ServiceLastAccess, name, &update)
        .await
    {
        Ok(_) => return Ok(()),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e),
    }
    let now = OffsetDateTime::now_utc();
    let entity = Entity {
        kind: EntityKind::ServiceLastAccess,
        id: name.clone(),
        name: name.clone(),
        path: "/".to_owned(),
        create_date: now.replace_nanosecond(0).unwrap_or(now),
        attributes: attributes
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect(),
    };
    match store.create_entity(&entity, &[], &[], &[]).await {
        // Another replica stored its first times meanwhile.
        Err(StoreError::AlreadyExists) => store
            .update_entity(EntityKind::ServiceLastAccess, name, &update)
            .await
            .map(|_| ()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyward_store::SqliteStore;

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).unwrap()
    }

    fn alice() -> EntityRef {
        EntityRef::new(EntityKind::User, "AIDAALICE")
    }

    #[tokio::test]
    async fn the_latest_attempt_wins_and_reaches_the_store_on_flush() {
        let store = SqliteStore::in_memory().unwrap();
        let recorder = LastAccessRecorder::default();
        recorder.record(&alice(), "iam:ListUsers", "us-east-1", at(10));
        recorder.record(&alice(), "iam:ListUsers", "eu-west-1", at(20));
        // An older attempt reported late changes nothing.
        recorder.record(&alice(), "iam:ListUsers", "ap-south-1", at(15));
        assert!(stored(&store, "AIDAALICE").await.unwrap().is_empty());
        let seen = recorder.of(&store, &alice()).await.unwrap();
        assert_eq!(seen["iam:ListUsers"].region, "eu-west-1");

        recorder.flush(&store, false).await.unwrap();
        let on_disk = stored(&store, "AIDAALICE").await.unwrap();
        assert_eq!(
            on_disk["iam:ListUsers"],
            LastAccess {
                time: at(20),
                region: "eu-west-1".into()
            }
        );
        // A fresh recorder (a restart) reads what was flushed.
        let restarted = LastAccessRecorder::default();
        assert_eq!(restarted.of(&store, &alice()).await.unwrap(), on_disk);
    }

    #[tokio::test]
    async fn later_uses_are_written_after_an_hour_or_at_shutdown() {
        let store = SqliteStore::in_memory().unwrap();
        let recorder = LastAccessRecorder::default();
        recorder.record(&alice(), "iam:CreateUser", "us-east-1", at(0));
        recorder.flush(&store, false).await.unwrap();
        recorder.record(&alice(), "iam:CreateUser", "us-east-1", at(60));
        assert!(recorder.due(false).is_empty(), "a minute later is not due");
        recorder.flush(&store, false).await.unwrap();
        assert_eq!(
            stored(&store, "AIDAALICE").await.unwrap()["iam:CreateUser"].time,
            at(0)
        );
        // The report still sees the newest time.
        assert_eq!(
            recorder.of(&store, &alice()).await.unwrap()["iam:CreateUser"].time,
            at(60)
        );

        recorder.record(&alice(), "iam:CreateUser", "us-east-1", at(3600));
        assert_eq!(recorder.due(false).len(), 1, "an hour later is due");
        recorder.record(&alice(), "iam:CreateUser", "us-east-1", at(3700));
        recorder.flush(&store, true).await.unwrap();
        assert_eq!(
            stored(&store, "AIDAALICE").await.unwrap()["iam:CreateUser"].time,
            at(3700)
        );
        assert!(recorder.due(true).is_empty());
    }

    #[tokio::test]
    async fn a_later_time_stored_by_another_replica_is_kept() {
        let store = SqliteStore::in_memory().unwrap();
        let other = LastAccessRecorder::default();
        other.record(&alice(), "sts:AssumeRole", "us-west-2", at(500));
        other.flush(&store, true).await.unwrap();
        let this = LastAccessRecorder::default();
        this.record(&alice(), "sts:AssumeRole", "us-east-1", at(100));
        this.flush(&store, true).await.unwrap();
        let on_disk = stored(&store, "AIDAALICE").await.unwrap();
        assert_eq!(on_disk["sts:AssumeRole"].region, "us-west-2");
        assert_eq!(
            this.of(&store, &alice()).await.unwrap()["sts:AssumeRole"].time,
            at(500)
        );
    }
}
