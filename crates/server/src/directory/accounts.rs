//! Member accounts made the way AWS Organizations makes them: a new account whose only
//! principal is `OrganizationAccountAccessRole`, trusting the management account and holding
//! `AdministratorAccess`, and whose root user has no access keys until an operator asks for
//! them.

use std::sync::Arc;

use keyward_store::{
    AccessKey, AccessKeyStatus, Entity, EntityKind, EntityRef, KeyOwner, Relation, RelationKind,
};
use time::OffsetDateTime;

use crate::accounts::{AccountRecord, CreateAccountError, JoinedMethod};
use crate::arn::{self, AccountId};
use crate::auth::identity::Identity;
use crate::directory::roles::{DEFAULT_MAX_SESSION, MAX_SESSION, TRUST_POLICY};
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// The role Organizations creates in every account it creates (`CreateAccount`'s default
/// `RoleName`).
pub const ACCESS_ROLE: &str = "OrganizationAccountAccessRole";
/// The managed policy the role holds.
pub const ADMINISTRATOR_ACCESS: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

/// Creates member account `name` (`email`) in the organization of `management` (the
/// management account's state): registers it, then creates `role_name` (Organizations'
/// `OrganizationAccountAccessRole` unless `CreateAccount` names another) trusting
/// `arn:aws:iam::MANAGEMENT:root` with `AdministratorAccess` attached. The root user gets no
/// access keys. Returns the account's record and state.
pub async fn create_member_account(
    management: &AppState,
    name: &str,
    email: &str,
    role_name: &str,
) -> Result<(AccountRecord, Arc<AppState>), CreateAccountError> {
    let (record, member) = management
        .accounts
        .create(name, email, JoinedMethod::Created)
        .await?;
    let trust = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": arn::root(&management.account)},
            "Action": "sts:AssumeRole"
        }]
    })
    .to_string();
    let now = OffsetDateTime::now_utc();
    let mut role = Entity {
        kind: EntityKind::Role,
        id: ids::prefixed("AROA"),
        name: role_name.to_owned(),
        path: "/".to_owned(),
        create_date: now.replace_nanosecond(0).unwrap_or(now),
        attributes: Default::default(),
    };
    role.attributes.insert(TRUST_POLICY.into(), trust);
    role.attributes
        .insert(MAX_SESSION.into(), DEFAULT_MAX_SESSION.to_string());
    let attachment = Relation {
        kind: RelationKind::PolicyAttachment,
        from: role.reference(),
        to: EntityRef::new(EntityKind::External, ADMINISTRATOR_ACCESS),
    };
    member
        .store
        .create_entity(&role, &[], &[], &[attachment])
        .await?;
    Ok((record, member))
}

/// Gives the root user of `account` a new access key, as an operator of the data directory may
/// (AWS's member accounts have none until someone signs in as root); returns the key id and
/// its secret.
pub async fn create_root_access_key(
    management: &AppState,
    account: &AccountId,
) -> Result<(String, String), ApiError> {
    let state = management
        .accounts
        .get(account)
        .await
        .map_err(ApiError::from_store)?
        .ok_or_else(|| {
            ApiError::NoSuchEntity(format!("The account {} does not exist.", account.0))
        })?;
    let access_key_id = ids::access_key_id(state.account.number());
    let secret = ids::secret_access_key();
    let now = OffsetDateTime::now_utc();
    let key = AccessKey {
        access_key_id: access_key_id.clone(),
        owner: KeyOwner::Root,
        status: AccessKeyStatus::Active,
        create_date: now.replace_nanosecond(0).unwrap_or(now),
        secret: state
            .master
            .seal(&secret, &access_key_id)
            .map_err(ApiError::from_store)?,
        last_used: None,
    };
    // Root may hold two keys, as on AWS.
    state
        .store
        .create_access_key(&key, 2)
        .await
        .map_err(ApiError::from_store)?;
    state
        .keys
        .insert(&key, Identity::Root, &state.master)
        .map_err(ApiError::from_store)?;
    Ok((access_key_id, secret))
}
