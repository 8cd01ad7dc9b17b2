//! Virtual MFA devices as IAM and STS both need them: how a device is stored, the user it is
//! enabled for, and the check of its codes.
//!
//! A device is an entity named by its path and name (`/PATH/NAME`, unique together as IAM
//! keeps them); its serial number is its ARN. Its seed is sealed with the master key, bound to
//! the device's id, and never stored, logged or audited in the clear. The user it is enabled
//! for is a relation to that user, which keeps the user from being deleted. Every accepted
//! code records its time step as a relation too, so that a code — or any code older than one
//! already accepted — is never accepted again (RFC 6238, section 5.2); the store adds a
//! relation atomically, so two requests racing with one code cannot both win.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{
    Entity, EntityKind, EntityRef, RelationKind, RelationLimit, SealedSecret, StoreError, User,
    UserId, WhenFull,
};
use time::OffsetDateTime;

use super::{all_entities, all_relations};
use crate::auth::totp;
use crate::error::ApiError;
use crate::state::AppState;

/// Attribute holding the sealed base32 seed.
pub(crate) const SEED: &str = "Seed";
/// Attribute holding when the device was enabled, Unix seconds.
pub(crate) const ENABLE_DATE: &str = "EnableDate";
/// Attribute holding the device's clock drift in time steps, set by `ResyncMFADevice`.
pub(crate) const DRIFT: &str = "Drift";

/// Steps either side of now a sign-in code may be from (one step of clock skew).
const SIGN_IN_WINDOW: i64 = 1;
/// Accepted steps kept beyond the newest, for the record; older ones are pruned.
const USED_STEPS_KEPT: i64 = 10;
/// How the accepted steps of one device are held: many, never replaced.
const USED_STEPS_LIMIT: RelationLimit = RelationLimit {
    max_per_source: 1000,
    when_full: WhenFull::Refuse,
};
/// Prefix of the external value an accepted step is recorded as.
const STEP_PREFIX: &str = "totp-step:";

/// The serial number (ARN) of the device stored under `key` (`/PATH/NAME`).
pub(crate) fn serial_number(state: &AppState, key: &str) -> String {
    format!("arn:aws:iam::{}:mfa{key}", state.account.0)
}

/// The storage key (`/PATH/NAME`) a serial number names, if it is a virtual MFA device ARN of
/// this account.
pub(crate) fn device_key<'a>(state: &AppState, serial: &'a str) -> Option<&'a str> {
    serial
        .strip_prefix(&format!("arn:aws:iam::{}:mfa", state.account.0))
        .filter(|key| key.starts_with('/') && key.len() > 1)
}

/// The virtual MFA device a serial number names, if it exists.
pub(crate) async fn find_device(
    state: &AppState,
    serial: &str,
) -> Result<Option<Entity>, ApiError> {
    let Some(key) = device_key(state, serial) else {
        return Ok(None);
    };
    match state
        .store
        .get_entity(EntityKind::VirtualMfaDevice, key)
        .await
    {
        Ok(device) => Ok(Some(device)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The user the device is enabled for, if any.
pub(crate) async fn assigned_user(
    state: &AppState,
    device: &Entity,
) -> Result<Option<User>, ApiError> {
    let relations = all_relations(
        state,
        RelationKind::MfaDeviceUser,
        Some(&device.reference()),
        None,
    )
    .await?;
    let Some(relation) = relations.into_iter().next() else {
        return Ok(None);
    };
    match state.store.get_user_by_id(&UserId(relation.to.id)).await {
        Ok(user) => Ok(Some(user)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The devices enabled for a user.
pub(crate) async fn devices_of_user(
    state: &AppState,
    user: &User,
) -> Result<Vec<Entity>, ApiError> {
    let user_ref = EntityRef::new(EntityKind::User, user.user_id.0.clone());
    let relations =
        all_relations(state, RelationKind::MfaDeviceUser, None, Some(&user_ref)).await?;
    let mut devices = Vec::with_capacity(relations.len());
    for relation in relations {
        match state
            .store
            .get_entity_by_id(EntityKind::VirtualMfaDevice, &relation.from.id)
            .await
        {
            Ok(device) => devices.push(device),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    Ok(devices)
}

/// The device's `EnableDate`, if it is enabled.
pub(crate) fn enable_date(device: &Entity) -> Option<OffsetDateTime> {
    device
        .attribute(ENABLE_DATE)
        .and_then(|t| t.parse().ok())
        .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
}

/// Every virtual MFA device of the account, ordered by key.
pub(crate) async fn all_devices(state: &AppState) -> Result<Vec<Entity>, ApiError> {
    all_entities(state, EntityKind::VirtualMfaDevice, "/").await
}

/// `MFADevices` (every virtual device) and `MFADevicesInUse` (those enabled for a user), as
/// `GetAccountSummary` counts them.
pub(crate) async fn account_counts(state: &AppState) -> Result<(usize, usize), ApiError> {
    let devices = all_devices(state).await?.len();
    let in_use = all_relations(state, RelationKind::MfaDeviceUser, None, None)
        .await?
        .len();
    Ok((devices, in_use))
}

/// The seed (base32) sealed with the master key, bound to the device's id, as stored.
pub(crate) fn seal_seed(state: &AppState, id: &str, seed: &str) -> Result<String, ApiError> {
    let sealed = state.master.seal(seed, id).map_err(ApiError::from_store)?;
    Ok(BASE64.encode(sealed.as_bytes()))
}

/// The device's secret key, unsealed.
fn key(state: &AppState, device: &Entity) -> Result<Vec<u8>, ApiError> {
    let unreadable = || {
        tracing::error!(device = %device.id, "virtual MFA device seed does not open");
        ApiError::ServiceFailure
    };
    let sealed = device.attribute(SEED).ok_or_else(unreadable)?;
    let bytes = BASE64.decode(sealed).map_err(|_| unreadable())?;
    let seed = state
        .master
        .open(&SealedSecret::from_bytes(bytes), &device.id)
        .map_err(|_| unreadable())?;
    totp::base32_decode(&seed).ok_or_else(unreadable)
}

/// The time step the device's clock is at now.
fn device_step(state: &AppState, device: &Entity) -> i64 {
    let drift: i64 = device
        .attribute(DRIFT)
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    totp::step_at(state.clock.now().unix_timestamp()) + drift
}

/// Whether `code` is a current code of the device not accepted before; an accepted code is
/// used up.
pub(crate) async fn accept_code(
    state: &AppState,
    device: &Entity,
    code: &str,
) -> Result<bool, ApiError> {
    let key = key(state, device)?;
    let now = device_step(state, device);
    let found =
        (now - SIGN_IN_WINDOW..=now + SIGN_IN_WINDOW).find(|&step| totp::matches(&key, step, code));
    match found {
        Some(step) => consume(state, device, step).await,
        None => Ok(false),
    }
}

/// Where two consecutive codes are looked for: within `window` steps of the device's clock
/// (`EnableMFADevice`), or of the true clock (`ResyncMFADevice`, which then sets the drift).
#[derive(Clone, Copy, Debug)]
pub(crate) enum PairSearch {
    /// Around the device's clock: the second code from `window` steps ago to one ahead.
    Enable(i64),
    /// Around the true clock, `window` steps either side.
    Resync(i64),
}

/// Finds two consecutive codes of the device, uses them up, and returns the second one's
/// step relative to the true clock (the drift a resync sets); `None` if they are not two
/// consecutive unused codes within the window.
pub(crate) async fn accept_pair(
    state: &AppState,
    device: &Entity,
    code1: &str,
    code2: &str,
    search: PairSearch,
) -> Result<Option<i64>, ApiError> {
    let key = key(state, device)?;
    let clock = totp::step_at(state.clock.now().unix_timestamp());
    let steps = match search {
        PairSearch::Enable(window) => {
            let now = device_step(state, device);
            now - window..=now + 1
        }
        PairSearch::Resync(window) => clock - window..=clock + window,
    };
    let found = steps
        .rev()
        .find(|&step| totp::matches(&key, step - 1, code1) && totp::matches(&key, step, code2));
    let Some(step) = found else {
        return Ok(None);
    };
    if !consume(state, device, step).await? {
        return Ok(None);
    }
    Ok(Some(step - clock))
}

/// Records `step` as used; `false` if it, or a later step, was used already.
async fn consume(state: &AppState, device: &Entity, step: i64) -> Result<bool, ApiError> {
    let own = device.reference();
    let used = all_relations(state, RelationKind::MfaCodeUsed, Some(&own), None).await?;
    let used_steps: Vec<(i64, EntityRef)> = used
        .into_iter()
        .filter_map(|r| {
            let step = r.to.id.strip_prefix(STEP_PREFIX)?.parse().ok()?;
            Some((step, r.to))
        })
        .collect();
    if used_steps.iter().any(|(s, _)| *s >= step) {
        return Ok(false);
    }
    let target = EntityRef::new(EntityKind::External, format!("{STEP_PREFIX}{step}"));
    let added = match state
        .store
        .add_relation(RelationKind::MfaCodeUsed, &own, &target, USED_STEPS_LIMIT)
        .await
    {
        Ok(added) => added,
        // A device deleted meanwhile accepts nothing.
        Err(StoreError::NotFound) => return Ok(false),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    if added {
        for (old, target) in used_steps {
            if old < step - USED_STEPS_KEPT {
                match state
                    .store
                    .remove_relation(RelationKind::MfaCodeUsed, &own, Some(&target))
                    .await
                {
                    Ok(()) | Err(StoreError::NotFound) => {}
                    Err(e) => return Err(ApiError::from_store(e)),
                }
            }
        }
    }
    Ok(added)
}

/// STS's refusal of a serial number that is not an MFA device of the caller.
fn unable_to_validate() -> ApiError {
    ApiError::AccessDenied(
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA \
         serial number is valid and associated with this user."
            .to_owned(),
    )
}

/// STS's refusal of a wrong, missing or already used code.
fn invalid_code() -> ApiError {
    ApiError::AccessDenied(
        "MultiFactorAuthentication failed with invalid MFA one time pass code.".to_owned(),
    )
}

/// Checks the `SerialNumber` and `TokenCode` of an STS request signed by `user` (`None` for
/// a principal no device can be enabled for): `None` when the request carries neither, the
/// time of authentication once the code is accepted (and used up), AWS's `AccessDenied`
/// otherwise.
pub(crate) async fn verify_sts_code(
    state: &AppState,
    user: Option<&User>,
    serial: Option<&str>,
    code: Option<&str>,
) -> Result<Option<OffsetDateTime>, ApiError> {
    let serial = match (serial, code) {
        (None, None) => return Ok(None),
        (None, Some(_)) => return Err(unable_to_validate()),
        (Some(serial), _) => serial,
    };
    let Some(user) = user else {
        return Err(unable_to_validate());
    };
    let Some(device) = find_device(state, serial).await? else {
        return Err(unable_to_validate());
    };
    match assigned_user(state, &device).await? {
        Some(owner) if owner.user_id == user.user_id => {}
        _ => return Err(unable_to_validate()),
    }
    let Some(code) = code else {
        return Err(invalid_code());
    };
    if !accept_code(state, &device, code).await? {
        return Err(invalid_code());
    }
    Ok(Some(state.clock.now()))
}
