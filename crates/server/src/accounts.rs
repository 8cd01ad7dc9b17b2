//! The accounts one server serves: the management account (the `--account-id` the data
//! directory was made for) and its member accounts, each with a state of its own — store, key
//! cache, policy cache, access advisor — so that an operation, which reads only its account's
//! state, cannot reach another account's data. What costs nothing to share (the master key, the
//! audit log, the clock, signing keys, issuers' keys, limits) is shared.
//!
//! The registry of member accounts lives in the management account's store (one
//! [`EntityKind::Account`] per member). A member's data lives in `DATA_DIR/accounts/ID.db`;
//! the management account keeps `DATA_DIR/keyward.db`, so data directories made before
//! member accounts existed open unchanged. A running server learns of an account another
//! process (`keyward accounts create`) registered the first time a request names it.
//!
//! Every state holds the registry and the registry holds every member's state: the cycle lasts
//! as long as the server, and [`Accounts::close`] breaks it at shutdown. The management state
//! is held weakly, so a server (or test) without members frees everything when dropped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, RwLock, Weak};
use std::time::{Duration, Instant};

use keyward_store::{Entity, EntityKind, PageRequest, SqliteStore, Store, StoreError};
use rand::Rng;
use time::OffsetDateTime;

use crate::arn::AccountId;
use crate::state::AppState;

/// Attribute of an account record: its name.
const NAME: &str = "Name";
/// Attribute of an account record: its email address.
const EMAIL: &str = "Email";
/// Attribute of an account record: its status (`ACTIVE`).
const STATUS: &str = "Status";
/// Attribute of an account record: how it joined (`CREATED`, `INVITED`).
const JOINED_METHOD: &str = "JoinedMethod";

/// How an account joined the organization, in Organizations' words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinedMethod {
    /// Created by the management account (`CreateAccount`, `keyward accounts create`).
    Created,
    /// Invited and accepted (`InviteAccountToOrganization`).
    Invited,
}

impl JoinedMethod {
    /// Organizations' spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            JoinedMethod::Created => "CREATED",
            JoinedMethod::Invited => "INVITED",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "CREATED" => Some(JoinedMethod::Created),
            "INVITED" => Some(JoinedMethod::Invited),
            _ => None,
        }
    }
}

/// One member account as the registry records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRecord {
    /// The twelve-digit id.
    pub id: AccountId,
    /// The account's name.
    pub name: String,
    /// The email address of its root user.
    pub email: String,
    /// Organizations' status: `ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE`.
    pub status: String,
    /// How it joined.
    pub joined_method: JoinedMethod,
    /// When it joined (was created).
    pub joined: OffsetDateTime,
}

impl AccountRecord {
    fn from_entity(entity: &Entity) -> Self {
        AccountRecord {
            id: AccountId(entity.id.clone()),
            name: entity.attribute(NAME).unwrap_or_default().to_owned(),
            email: entity.attribute(EMAIL).unwrap_or_default().to_owned(),
            status: entity.attribute(STATUS).unwrap_or("ACTIVE").to_owned(),
            joined_method: entity
                .attribute(JOINED_METHOD)
                .and_then(JoinedMethod::parse)
                .unwrap_or(JoinedMethod::Created),
            joined: entity.create_date,
        }
    }
}

/// Where member accounts' stores live.
#[derive(Clone, Debug)]
pub enum MemberStorage {
    /// `DIR/accounts/ID.db` beside the management account's `DIR/keyward.db`.
    DataDir(PathBuf),
    /// In memory, for tests without a data directory.
    InMemory,
    /// Member accounts cannot be created; the reason is given to whoever tries.
    Unsupported(&'static str),
}

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateAccountError {
    /// This deployment's store cannot hold member accounts.
    #[error("{0}")]
    Unsupported(&'static str),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The registry of the accounts one server serves.
pub struct Accounts {
    management: AccountId,
    management_state: OnceLock<Weak<AppState>>,
    members: RwLock<HashMap<String, Arc<AppState>>>,
    storage: MemberStorage,
    /// One member store is opened at a time, so two requests cannot open the same one twice.
    opening: tokio::sync::Mutex<()>,
    /// Account ids found unregistered, and when: a key id carrying no account of this server
    /// (an operator's own root key id) is not looked up in the registry on every request.
    unknown: RwLock<HashMap<String, Instant>>,
    /// What the organization says of each account the authorizer asked about.
    organization: OrganizationCache,
}

/// What the organization says of one account, compiled for the authorizer: its
/// organization and path (`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths` and their
/// `Resource…` forms), and the SCPs and RCPs of each level from the root to it.
#[derive(Debug, Default)]
pub struct OrganizationView {
    /// The organization's id.
    pub organization_id: String,
    /// The account's path: `o-…/r-…/ou-…/`.
    pub org_path: String,
    /// Whether the account is the organization's management account, which SCPs and RCPs
    /// never limit.
    pub management: bool,
    /// The SCPs of each level, root first; empty when SCPs are not enabled.
    pub service_control: Vec<keyward_policy::PolicySet>,
    /// The RCPs of each level, root first; empty when RCPs are not enabled.
    pub resource_control: Vec<keyward_policy::PolicySet>,
}

/// Organization views by account id, with when each was loaded. Every Organizations write of
/// this server drops them all (see [`Accounts::forget_organization`]); a write by another
/// replica is seen once an entry is older than [`ORGANIZATION_FOR`]. A generation counter
/// keeps an entry loaded concurrently with a write out of the cache.
#[derive(Default)]
struct OrganizationCache {
    entries: RwLock<HashMap<String, CachedView>>,
    generation: std::sync::atomic::AtomicU64,
}

/// An account's organization view (`None`: in no organization) and when it was loaded.
type CachedView = (Instant, Option<Arc<OrganizationView>>);

/// How long an organization view is used before it is loaded again: the longest a change
/// made through another replica takes to be enforced here.
const ORGANIZATION_FOR: Duration = Duration::from_secs(2);

/// How long an account id found unregistered is not looked up again. An account registered
/// meanwhile (by `keyward accounts create` beside the server) is seen after at most this.
const UNKNOWN_FOR: Duration = Duration::from_secs(2);
/// Unregistered ids remembered at most; beyond it the memory starts afresh.
const UNKNOWN_CAPACITY: usize = 10_000;

impl Accounts {
    /// A registry for the management account `management`, whose members are stored as
    /// `storage` says.
    pub fn new(management: AccountId, storage: MemberStorage) -> Self {
        Accounts {
            management,
            management_state: OnceLock::new(),
            members: RwLock::default(),
            storage,
            opening: tokio::sync::Mutex::new(()),
            unknown: RwLock::default(),
            organization: OrganizationCache::default(),
        }
    }

    /// The cached organization view of `account` (`Some(None)`: it is in no organization),
    /// or `None` when it must be loaded; the generation to hand back to
    /// [`Self::remember_organization`] comes with it.
    pub fn cached_organization(
        &self,
        account: &str,
    ) -> (Option<Option<Arc<OrganizationView>>>, u64) {
        let generation = self
            .organization
            .generation
            .load(std::sync::atomic::Ordering::Acquire);
        let entries = self
            .organization
            .entries
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let cached = entries
            .get(account)
            .filter(|(at, _)| at.elapsed() < ORGANIZATION_FOR)
            .map(|(_, view)| view.clone());
        (cached, generation)
    }

    /// Keeps `view` of `account`, loaded at `generation`, unless the organization changed
    /// meanwhile.
    pub fn remember_organization(
        &self,
        account: &str,
        view: Option<Arc<OrganizationView>>,
        generation: u64,
    ) {
        let mut entries = self
            .organization
            .entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self
            .organization
            .generation
            .load(std::sync::atomic::Ordering::Acquire)
            == generation
        {
            if entries.len() >= UNKNOWN_CAPACITY {
                entries.clear();
            }
            entries.insert(account.to_owned(), (Instant::now(), view));
        }
    }

    /// Drops every organization view: the organization, its policies or attachments changed.
    pub fn forget_organization(&self) {
        let mut entries = self
            .organization
            .entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.organization
            .generation
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        entries.clear();
    }

    /// Records the management account's state, once it exists.
    pub(crate) fn set_management(&self, state: &Arc<AppState>) {
        let _ = self.management_state.set(Arc::downgrade(state));
    }

    /// The management account's id.
    pub fn management_id(&self) -> &AccountId {
        &self.management
    }

    /// The management account's state, while the server runs.
    pub fn management(&self) -> Option<Arc<AppState>> {
        self.management_state.get().and_then(Weak::upgrade)
    }

    /// The state of account `id` (the management account or a registered member), opening a
    /// member's store the first time it is asked for; `None` for an account this server does
    /// not serve.
    pub async fn get(&self, id: &AccountId) -> Result<Option<Arc<AppState>>, StoreError> {
        if *id == self.management {
            return Ok(self.management());
        }
        if let Some(state) = self.loaded_member(&id.0) {
            return Ok(Some(state));
        }
        let recently_unknown = self
            .unknown
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&id.0)
            .is_some_and(|at| at.elapsed() < UNKNOWN_FOR);
        if recently_unknown {
            return Ok(None);
        }
        let Some(management) = self.management() else {
            return Ok(None);
        };
        let _opening = self.opening.lock().await;
        if let Some(state) = self.loaded_member(&id.0) {
            return Ok(Some(state));
        }
        let record = match management
            .store
            .get_entity_by_id(EntityKind::Account, &id.0)
            .await
        {
            Ok(entity) => AccountRecord::from_entity(&entity),
            Err(StoreError::NotFound) => {
                let mut unknown = self
                    .unknown
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                if unknown.len() >= UNKNOWN_CAPACITY {
                    unknown.clear();
                }
                unknown.insert(id.0.clone(), Instant::now());
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let store = self.open_member_store(&record.id, false)?;
        let state = Arc::new(management.member(record.id.clone(), store, record.joined));
        self.write().insert(record.id.0, Arc::clone(&state));
        Ok(Some(state))
    }

    /// The member account an access key id (long-term or temporary) was issued for, if it is
    /// one this server serves; `None` for the management account's keys and for ids that
    /// carry no known account, which the management account answers.
    pub async fn for_access_key(
        &self,
        access_key_id: &str,
    ) -> Result<Option<Arc<AppState>>, StoreError> {
        let Some(number) = crate::ids::account_of_key_id(access_key_id) else {
            return Ok(None);
        };
        let id = AccountId(format!("{number:012}"));
        if id == self.management {
            return Ok(None);
        }
        self.get(&id).await
    }

    /// The registered member accounts, ordered by id.
    pub async fn list(&self) -> Result<Vec<AccountRecord>, StoreError> {
        let Some(management) = self.management() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut marker: Option<String> = None;
        loop {
            let page = management
                .store
                .list_entities(
                    EntityKind::Account,
                    "/",
                    PageRequest {
                        marker: marker.as_deref(),
                        max_items: 1000,
                    },
                )
                .await?;
            out.extend(page.items.iter().map(AccountRecord::from_entity));
            match page.next_marker {
                Some(next) => marker = Some(next),
                None => break,
            }
        }
        Ok(out)
    }

    /// Registers a new, empty member account with a fresh id and returns its record and state:
    /// its store is created, then its record written to the registry. It has no principals;
    /// `directory::accounts::create_member_account` makes the account as AWS does.
    pub async fn create(
        &self,
        name: &str,
        email: &str,
        joined_method: JoinedMethod,
    ) -> Result<(AccountRecord, Arc<AppState>), CreateAccountError> {
        if let MemberStorage::Unsupported(why) = self.storage {
            return Err(CreateAccountError::Unsupported(why));
        }
        let management = self.management().ok_or(StoreError::Backend(
            "the server is shutting down".to_owned(),
        ))?;
        let _opening = self.opening.lock().await;
        let id = loop {
            let candidate = AccountId(format!(
                "{:012}",
                rand::rng().random_range(100_000_000_000u64..1_000_000_000_000)
            ));
            let taken = candidate == self.management
                || match management
                    .store
                    .get_entity_by_id(EntityKind::Account, &candidate.0)
                    .await
                {
                    Ok(_) => true,
                    Err(StoreError::NotFound) => false,
                    Err(e) => return Err(e.into()),
                };
            if !taken {
                break candidate;
            }
        };
        let now = OffsetDateTime::now_utc();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        let store = self.open_member_store(&id, true)?;
        store.init_setting("account_id", &id.0).await?;
        store
            .init_setting("created_at", &now.unix_timestamp().to_string())
            .await?;
        crate::auth::keys::verify_master_key(store.as_ref(), &management.master).await?;
        let mut entity = Entity {
            kind: EntityKind::Account,
            id: id.0.clone(),
            name: id.0.clone(),
            path: "/".to_owned(),
            create_date: now,
            attributes: Default::default(),
        };
        entity.attributes.insert(NAME.into(), name.to_owned());
        entity.attributes.insert(EMAIL.into(), email.to_owned());
        entity.attributes.insert(STATUS.into(), "ACTIVE".to_owned());
        entity
            .attributes
            .insert(JOINED_METHOD.into(), joined_method.as_str().to_owned());
        management
            .store
            .create_entity(&entity, &[], &[], &[])
            .await?;
        let record = AccountRecord::from_entity(&entity);
        let state = Arc::new(management.member(id.clone(), store, now));
        self.write().insert(id.0, Arc::clone(&state));
        Ok((record, state))
    }

    /// The member states opened so far (for the writers of pending last-use records).
    pub fn loaded(&self) -> Vec<Arc<AppState>> {
        self.read().values().cloned().collect()
    }

    /// Forgets the member states, breaking the registry's cycle with them at shutdown.
    pub fn close(&self) {
        self.write().clear();
    }

    fn loaded_member(&self, id: &str) -> Option<Arc<AppState>> {
        self.read().get(id).cloned()
    }

    /// A member's store: `DIR/accounts/ID.db`, created only when `create` is set.
    fn open_member_store(
        &self,
        id: &AccountId,
        create: bool,
    ) -> Result<Arc<dyn Store>, StoreError> {
        match &self.storage {
            MemberStorage::DataDir(dir) => {
                let dir = dir.join("accounts");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| StoreError::Backend(format!("{}: {e}", dir.display())))?;
                let path = dir.join(format!("{}.db", id.0));
                if !create && !path.exists() {
                    return Err(StoreError::Backend(format!(
                        "account {} is registered but {} is missing",
                        id.0,
                        path.display()
                    )));
                }
                Ok(Arc::new(SqliteStore::open(&path)?))
            }
            MemberStorage::InMemory => Ok(Arc::new(SqliteStore::in_memory()?)),
            MemberStorage::Unsupported(why) => Err(StoreError::Config((*why).to_owned())),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<AppState>>> {
        self.members
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<AppState>>> {
        self.members
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids;

    #[tokio::test]
    async fn members_are_registered_routed_and_isolated() {
        let management = AppState::in_memory("111122223333").unwrap();
        let accounts = Arc::clone(&management.accounts);
        assert!(accounts.list().await.unwrap().is_empty());
        let (record, member) = accounts
            .create("dev", "dev@example.com", JoinedMethod::Created)
            .await
            .unwrap();
        assert_eq!(record.name, "dev");
        assert_eq!(record.status, "ACTIVE");
        assert_eq!(record.joined_method, JoinedMethod::Created);
        assert_eq!(member.account, record.id);
        assert_ne!(record.id, management.account);
        assert_eq!(accounts.list().await.unwrap(), vec![record.clone()]);

        // Keys route by the account they carry; the management account's and unknown ones
        // are answered by the management account.
        let routed = accounts
            .for_access_key(&ids::access_key_id(record.id.number()))
            .await
            .unwrap()
            .unwrap();
        assert!(Arc::ptr_eq(&routed, &member));
        let session = ids::session_access_key_id(record.id.number());
        assert!(accounts.for_access_key(&session).await.unwrap().is_some());
        for key in [
            ids::access_key_id(management.account.number()),
            ids::access_key_id(999_999_999_999),
            "AKIAIOSFODNN7EXAMPLE".to_owned(),
        ] {
            assert!(
                accounts.for_access_key(&key).await.unwrap().is_none(),
                "{key}"
            );
        }
        let management_again = accounts.get(&management.account).await.unwrap().unwrap();
        assert!(Arc::ptr_eq(&management_again, &management));

        // Each account has its own store: a user of one is not in the other.
        let user = keyward_store::User {
            user_id: keyward_store::UserId(ids::user_id()),
            name: "only-in-dev".to_owned(),
            path: "/".to_owned(),
            create_date: OffsetDateTime::UNIX_EPOCH,
        };
        member.store.create_user(&user, &[], &[]).await.unwrap();
        assert!(member.store.get_user("only-in-dev").await.is_ok());
        assert!(matches!(
            management.store.get_user("only-in-dev").await,
            Err(StoreError::NotFound)
        ));
        accounts.close();
        assert!(accounts.loaded().is_empty());
    }

    #[tokio::test]
    async fn unsupported_storage_refuses_to_create() {
        let management = AppState::in_memory("111122223333").unwrap();
        let accounts = Accounts::new(
            management.account.clone(),
            MemberStorage::Unsupported("no member accounts here"),
        );
        accounts.set_management(&management);
        match accounts
            .create("x", "x@example.com", JoinedMethod::Created)
            .await
        {
            Err(CreateAccountError::Unsupported(why)) => assert_eq!(why, "no member accounts here"),
            other => panic!("{:?}", other.map(|(r, _)| r)),
        }
    }
}
