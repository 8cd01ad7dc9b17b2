//! Long-term access keys: creation (the only time a secret is shown), rotation and last use.

use keyward_store::{AccessKey, AccessKeyStatus, KeyOwner, StoreError};
use time::OffsetDateTime;

use super::key_owner;
use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Access keys one principal may hold at once.
const MAX_KEYS_PER_USER: usize = 2;

fn no_such_key(access_key_id: &str) -> ApiError {
    ApiError::no_such_access_key(access_key_id)
}

/// The `UserName` element, which root's keys do not have.
fn owner_name(principal: &Identity) -> Option<Element> {
    match principal {
        Identity::Root | Identity::RoleSession(_) | Identity::FederatedUser(_) => None,
        Identity::User(u) => Some(Element::text("UserName", &u.name)),
    }
}

pub(super) async fn create(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<Option<Element>, ApiError> {
    let (owner, principal) = key_owner(state, caller, name).await?;
    let access_key_id = ids::access_key_id(state.account.number());
    let secret = ids::secret_access_key();
    let now = OffsetDateTime::now_utc();
    let key = AccessKey {
        access_key_id: access_key_id.clone(),
        owner,
        status: AccessKeyStatus::Active,
        create_date: now.replace_nanosecond(0).unwrap_or(now),
        secret: state
            .master
            .seal(&secret, &access_key_id)
            .map_err(ApiError::from_store)?,
        last_used: None,
    };
    match state.store.create_access_key(&key, MAX_KEYS_PER_USER).await {
        Ok(()) => {}
        Err(StoreError::LimitExceeded) => {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for AccessKeysPerUser: {MAX_KEYS_PER_USER}"
            )))
        }
        Err(StoreError::NotFound) => {
            if let Identity::User(u) = &principal {
                return Err(super::no_such_user(&u.name));
            }
            return Err(ApiError::ServiceFailure);
        }
        Err(e) => return Err(ApiError::from_store(e)),
    }
    state
        .keys
        .insert(&key, principal.clone(), &state.master)
        .map_err(ApiError::from_store)?;
    let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
    fields.extend([
        Element::text("AccessKeyId", &access_key_id),
        Element::text("Status", key.status.as_str()),
        Element::secret("SecretAccessKey", secret),
        Element::time("CreateDate", key.create_date),
    ]);
    Ok(Some(Element::parent(
        "CreateAccessKeyResult",
        vec![Element::parent("AccessKey", fields)],
    )))
}

pub(super) async fn list(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<Option<Element>, ApiError> {
    let (owner, principal) = key_owner(state, caller, name).await?;
    let keys = state
        .store
        .list_access_keys(&owner)
        .await
        .map_err(ApiError::from_store)?;
    let members = keys
        .iter()
        .map(|k| {
            let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
            fields.extend([
                Element::text("AccessKeyId", &k.access_key_id),
                Element::text("Status", k.status.as_str()),
                Element::time("CreateDate", k.create_date),
            ]);
            Element::parent("AccessKeyMetadata", fields)
        })
        .collect();
    let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
    fields.extend([
        Element::list("AccessKeyMetadata", members),
        Element::boolean("IsTruncated", false),
    ]);
    Ok(Some(Element::parent("ListAccessKeysResult", fields)))
}

pub(super) async fn update(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
    access_key_id: &str,
    status: &str,
) -> Result<Option<Element>, ApiError> {
    let status = AccessKeyStatus::parse(status).ok_or(ApiError::ServiceFailure)?;
    let (owner, _) = key_owner(state, caller, name).await?;
    match state
        .store
        .update_access_key_status(&owner, access_key_id, status)
        .await
    {
        Ok(()) => {
            state.keys.set_status(access_key_id, status);
            Ok(None)
        }
        Err(StoreError::NotFound) => Err(no_such_key(access_key_id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn delete(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
    access_key_id: &str,
) -> Result<Option<Element>, ApiError> {
    let (owner, _) = key_owner(state, caller, name).await?;
    match state.store.delete_access_key(&owner, access_key_id).await {
        Ok(()) => {
            state.keys.remove(access_key_id);
            Ok(None)
        }
        Err(StoreError::NotFound) => Err(no_such_key(access_key_id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn last_used(
    state: &AppState,
    access_key_id: &str,
) -> Result<Option<Element>, ApiError> {
    let key = match state.store.get_access_key(access_key_id).await {
        Ok(key) => key,
        Err(StoreError::NotFound) => return Err(no_such_key(access_key_id)),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let used = state.keys.pending_use(access_key_id).or(key.last_used);
    let details = match used {
        Some(used) => vec![
            Element::time("LastUsedDate", used.date),
            Element::text("ServiceName", used.service),
            Element::text("Region", used.region),
        ],
        None => vec![
            Element::text("ServiceName", "N/A"),
            Element::text("Region", "N/A"),
        ],
    };
    let mut fields = Vec::new();
    if let KeyOwner::User(id) = &key.owner {
        match state.store.get_user_by_id(id).await {
            Ok(u) => fields.push(Element::text("UserName", u.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    fields.push(Element::parent("AccessKeyLastUsed", details));
    Ok(Some(Element::parent("GetAccessKeyLastUsedResult", fields)))
}
