//! The authentication cache: every access key with its opened secret and owner, in memory, so
//! that verifying a request never waits for the store. The cache is filled from the store at
//! start and changed only together with the store (write first, then cache), so it never
//! grants more than the store holds.
//!
//! Last-used times are kept here and written to the store in batches, so authentication never
//! turns into a database write.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use keyward_store::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, KeyOwner, MasterKey, Store, StoreError, User,
    UserId,
};

use crate::identity::Principal;

/// One access key as authentication needs it.
pub struct CachedKey {
    /// Who the key belongs to.
    pub principal: Principal,
    /// Inactive keys are refused as if unknown.
    pub status: AccessKeyStatus,
    /// The secret access key, opened.
    pub secret: String,
}

/// In-memory map from access key id to key, plus the pending last-used records.
#[derive(Default)]
pub struct KeyCache {
    keys: RwLock<HashMap<String, Arc<CachedKey>>>,
    pending_uses: Mutex<HashMap<String, AccessKeyLastUsed>>,
}

impl KeyCache {
    /// Loads every key from the store, opening secrets with the master key. Fails if a secret
    /// does not open, which means the master key is not the one the data was written with.
    pub async fn load(store: &dyn Store, master: &MasterKey) -> Result<Self, StoreError> {
        let cache = KeyCache::default();
        let mut owners: HashMap<UserId, User> = HashMap::new();
        for key in store.all_access_keys().await? {
            let principal = match &key.owner {
                KeyOwner::Root => Principal::Root,
                KeyOwner::User(id) => {
                    if !owners.contains_key(id) {
                        owners.insert(id.clone(), store.get_user_by_id(id).await?);
                    }
                    Principal::User(owners[id].clone())
                }
            };
            cache.insert(&key, principal, master)?;
        }
        Ok(cache)
    }

    /// Adds or replaces a key after the store accepted it.
    pub fn insert(
        &self,
        key: &AccessKey,
        principal: Principal,
        master: &MasterKey,
    ) -> Result<(), StoreError> {
        let secret = master.open(&key.secret, &key.access_key_id)?;
        let entry = Arc::new(CachedKey {
            principal,
            status: key.status,
            secret,
        });
        self.write().insert(key.access_key_id.clone(), entry);
        Ok(())
    }

    /// The key with this id, if any.
    pub fn get(&self, access_key_id: &str) -> Option<Arc<CachedKey>> {
        self.keys
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(access_key_id)
            .cloned()
    }

    /// Changes a key's status after the store did.
    pub fn set_status(&self, access_key_id: &str, status: AccessKeyStatus) {
        let mut keys = self.write();
        if let Some(old) = keys.get(access_key_id) {
            let entry = CachedKey {
                principal: old.principal.clone(),
                status,
                secret: old.secret.clone(),
            };
            keys.insert(access_key_id.to_owned(), Arc::new(entry));
        }
    }

    /// Forgets a deleted key.
    pub fn remove(&self, access_key_id: &str) {
        self.write().remove(access_key_id);
        self.pending().remove(access_key_id);
    }

    /// Points every key of a renamed or moved user at its new record.
    pub fn update_user(&self, user: &User) {
        let mut keys = self.write();
        for entry in keys.values_mut() {
            if matches!(&entry.principal, Principal::User(u) if u.user_id == user.user_id) {
                *entry = Arc::new(CachedKey {
                    principal: Principal::User(user.clone()),
                    status: entry.status,
                    secret: entry.secret.clone(),
                });
            }
        }
    }

    /// Notes that a key authenticated a request; written to the store by [`Self::flush`].
    pub fn record_use(&self, access_key_id: &str, used: AccessKeyLastUsed) {
        self.pending().insert(access_key_id.to_owned(), used);
    }

    /// The newest last-use not yet written to the store.
    pub fn pending_use(&self, access_key_id: &str) -> Option<AccessKeyLastUsed> {
        self.pending().get(access_key_id).cloned()
    }

    /// Writes the pending last-use records in one store write.
    pub async fn flush(&self, store: &dyn Store) -> Result<(), StoreError> {
        let uses: Vec<_> = self.pending().drain().collect();
        if uses.is_empty() {
            return Ok(());
        }
        if let Err(e) = store.record_access_key_uses(&uses).await {
            let mut pending = self.pending();
            for (id, used) in uses {
                pending.entry(id).or_insert(used);
            }
            return Err(e);
        }
        Ok(())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<CachedKey>>> {
        self.keys
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<String, AccessKeyLastUsed>> {
        self.pending_uses
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
