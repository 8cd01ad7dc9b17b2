//! The authentication cache: access keys with their opened secrets and owners, in memory, so
//! that verifying a request from a known key never waits for the store. Keys are loaded on
//! first use, so start-up time and memory do not grow with the number of keys stored.
//!
//! The cache is changed only together with the store (write first, then cache). Every change
//! bumps a generation counter, and a key loaded concurrently with a change is not kept, so the
//! cache never holds more than the store.
//!
//! Last-used times are kept here and written to the store in batches, so authentication never
//! turns into a database write.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, KeyOwner, MasterKey, SealedSecret, Store,
    StoreError, User,
};

use crate::auth::identity::Identity;
use crate::metrics::{metrics, Cache};

/// Keys kept in memory at most; beyond it, some are dropped and reloaded when next used.
const DEFAULT_CAPACITY: usize = 200_000;
/// The setting holding a value sealed with the master key, to detect a wrong key at start.
const MASTER_KEY_CHECK: &str = "master_key_check";
/// What the check value seals.
const MASTER_KEY_CHECK_TEXT: &str = "keyward";

/// One access key as authentication needs it.
pub struct CachedKey {
    /// Who the key belongs to.
    pub identity: Identity,
    /// Inactive keys are refused as if unknown.
    pub status: AccessKeyStatus,
    /// The secret access key, opened.
    pub secret: String,
}

/// Map from access key id to key, filled on demand, plus the pending last-used records.
pub struct KeyCache {
    keys: RwLock<HashMap<String, Arc<CachedKey>>>,
    generation: AtomicU64,
    capacity: usize,
    pending_uses: Mutex<HashMap<String, AccessKeyLastUsed>>,
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache {
            keys: RwLock::default(),
            generation: AtomicU64::new(0),
            capacity: DEFAULT_CAPACITY,
            pending_uses: Mutex::default(),
        }
    }
}

/// Fails unless `master` is the key the store's secrets were sealed with: it must open the
/// check value written at first start (or, in a data directory from before the check value,
/// a stored access key secret).
pub async fn verify_master_key(store: &dyn Store, master: &MasterKey) -> Result<(), StoreError> {
    let wrong_key = || StoreError::WrongMasterKey;
    if let Some(check) = store.get_setting(MASTER_KEY_CHECK).await? {
        let sealed = BASE64.decode(check.trim()).map_err(|_| wrong_key())?;
        return match master.open(&SealedSecret::from_bytes(sealed), MASTER_KEY_CHECK) {
            Ok(text) if text == MASTER_KEY_CHECK_TEXT => Ok(()),
            _ => Err(wrong_key()),
        };
    }
    if let Some(key) = store.all_access_keys().await?.first() {
        master
            .open(&key.secret, &key.access_key_id)
            .map_err(|_| wrong_key())?;
    }
    let sealed = master.seal(MASTER_KEY_CHECK_TEXT, MASTER_KEY_CHECK)?;
    store
        .init_setting(MASTER_KEY_CHECK, &BASE64.encode(sealed.as_bytes()))
        .await?;
    Ok(())
}

impl KeyCache {
    /// The key with this id, from memory or else from the store; `None` if it does not exist.
    pub async fn get(
        &self,
        store: &dyn Store,
        master: &MasterKey,
        access_key_id: &str,
    ) -> Result<Option<Arc<CachedKey>>, StoreError> {
        if let Some(hit) = self.read().get(access_key_id) {
            metrics().cache_lookup(Cache::AccessKeys, true);
            return Ok(Some(Arc::clone(hit)));
        }
        metrics().cache_lookup(Cache::AccessKeys, false);
        let generation = self.generation.load(Ordering::SeqCst);
        let key = match store.get_access_key(access_key_id).await {
            Ok(key) => key,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        let principal = match &key.owner {
            KeyOwner::Root => Identity::Root,
            KeyOwner::User(id) => match store.get_user_by_id(id).await {
                Ok(user) => Identity::User(user),
                // The user was deleted after the key was read.
                Err(StoreError::NotFound) => return Ok(None),
                Err(e) => return Err(e),
            },
        };
        let entry = Arc::new(CachedKey {
            identity: principal,
            status: key.status,
            secret: master.open(&key.secret, &key.access_key_id)?,
        });
        let mut keys = self.write();
        if self.generation.load(Ordering::SeqCst) == generation {
            self.make_room(&mut keys);
            keys.insert(access_key_id.to_owned(), Arc::clone(&entry));
        }
        Ok(Some(entry))
    }

    /// Adds or replaces a key after the store accepted it.
    pub fn insert(
        &self,
        key: &AccessKey,
        identity: Identity,
        master: &MasterKey,
    ) -> Result<(), StoreError> {
        let secret = master.open(&key.secret, &key.access_key_id)?;
        let entry = Arc::new(CachedKey {
            identity,
            status: key.status,
            secret,
        });
        let mut keys = self.changing();
        self.make_room(&mut keys);
        keys.insert(key.access_key_id.clone(), entry);
        Ok(())
    }

    /// Changes a key's status after the store did.
    pub fn set_status(&self, access_key_id: &str, status: AccessKeyStatus) {
        let mut keys = self.changing();
        if let Some(old) = keys.get(access_key_id) {
            let entry = CachedKey {
                identity: old.identity.clone(),
                status,
                secret: old.secret.clone(),
            };
            keys.insert(access_key_id.to_owned(), Arc::new(entry));
        }
    }

    /// Forgets a deleted key.
    pub fn remove(&self, access_key_id: &str) {
        self.changing().remove(access_key_id);
        self.pending().remove(access_key_id);
    }

    /// Points every key of a renamed or moved user at its new record.
    pub fn update_user(&self, user: &User) {
        let mut keys = self.changing();
        for entry in keys.values_mut() {
            if matches!(&entry.identity, Identity::User(u) if u.user_id == user.user_id) {
                *entry = Arc::new(CachedKey {
                    identity: Identity::User(user.clone()),
                    status: entry.status,
                    secret: entry.secret.clone(),
                });
            }
        }
    }

    /// Forgets every key: another process changed the shared store. Keys reload on next use.
    pub fn clear(&self) {
        self.changing().clear();
    }

    /// Drops an eighth of the keys when the cache is full; they reload when next used.
    fn make_room(&self, keys: &mut HashMap<String, Arc<CachedKey>>) {
        if keys.len() < self.capacity {
            return;
        }
        let victims: Vec<String> = keys.keys().take(self.capacity / 8 + 1).cloned().collect();
        for victim in victims {
            keys.remove(&victim);
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

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<CachedKey>>> {
        self.keys
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<CachedKey>>> {
        self.keys
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The map, locked for a change mirrored from the store: loads under way are not kept.
    fn changing(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<CachedKey>>> {
        let keys = self.write();
        self.generation.fetch_add(1, Ordering::SeqCst);
        keys
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<String, AccessKeyLastUsed>> {
        self.pending_uses
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
