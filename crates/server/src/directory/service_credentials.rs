//! Service-specific credentials as the CQL front needs them: how they are stored, and the
//! user a driver's name and password stand for.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, PageRequest, SealedSecret, StoreError, User};
use subtle::ConstantTimeEq;

use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;
use crate::state::AppState;

/// The service whose credentials sign in to the CQL front.
pub(crate) const CASSANDRA: &str = "cassandra.amazonaws.com";
/// Attribute holding the service a credential is for.
pub(crate) const SERVICE: &str = "ServiceName";
/// Attribute holding the user name a driver signs in with.
pub(crate) const SERVICE_USER: &str = "ServiceUserName";
/// Attribute holding `Active` or `Inactive`.
pub(crate) const STATUS: &str = "Status";
/// Attribute holding the sealed password.
pub(crate) const PASSWORD: &str = "ServicePassword";

/// Every credential of a user.
pub(crate) async fn of_user(state: &AppState, user: &User) -> Result<Vec<Entity>, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: 1000,
    };
    state
        .store
        .list_entities(
            EntityKind::ServiceSpecificCredential,
            &format!("/{}/", user.user_id.0),
            page,
        )
        .await
        .map(|p| p.items)
        .map_err(ApiError::from_store)
}

/// The caller a CQL driver signing in with `service_user_name` and `password` stands for: the
/// user whose active `cassandra.amazonaws.com` credential has that name and password.
/// `NoSuchEntity` for anything that does not match, so callers cannot tell which part failed.
pub(crate) async fn service_credential_caller(
    state: &AppState,
    service_user_name: &str,
    password: &str,
) -> Result<Caller, ApiError> {
    let refused = || ApiError::NoSuchEntity("no matching service-specific credential".into());
    let name = service_user_name
        .strip_suffix(&format!("-at-{}", state.account.0))
        .ok_or_else(refused)?;
    let user = match state.store.get_user(name).await {
        Ok(user) => user,
        Err(StoreError::NotFound) => return Err(refused()),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    for cred in of_user(state, &user).await? {
        let usable = cred.attribute(SERVICE) == Some(CASSANDRA)
            && cred.attribute(STATUS) == Some("Active")
            && cred.attribute(SERVICE_USER) == Some(service_user_name);
        let Some(sealed) = cred.attribute(PASSWORD).filter(|_| usable) else {
            continue;
        };
        let Ok(bytes) = BASE64.decode(sealed) else {
            continue;
        };
        let Ok(stored) = state
            .master
            .open(&SealedSecret::from_bytes(bytes), &cred.id)
        else {
            continue;
        };
        if bool::from(stored.as_bytes().ct_eq(password.as_bytes())) {
            return Ok(Caller {
                identity: Identity::User(user),
                access_key_id: cred.id,
                account: state.account.clone(),
                token_issued: None,
                token_expires: None,
                mfa_authenticated: None,
            });
        }
    }
    Err(refused())
}
