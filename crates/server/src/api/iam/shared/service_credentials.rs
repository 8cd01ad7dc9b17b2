//! What the service-specific credential operations share: the user they act on, the
//! credential's lookup, its password, and its response structure.
//!
//! A credential is an entity named by its id, under the path `/USERID/` so one user's
//! credentials list by path; its password is sealed with the master key, bound to the id.
//! Keyward issues them for the two services IAM does: plain-text `PasswordAuthenticator`
//! drivers sign in to Amazon Keyspaces — and to Keyward's CQL front — with a user name
//! (`NAME-at-ACCOUNT`) and a generated password, and Git to CodeCommit.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, StoreError, User};
use rand::Rng;

use super::load_user;
use crate::auth::identity::{Caller, Identity};
use crate::directory::service_credentials::{CASSANDRA, SERVICE, SERVICE_USER, STATUS};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The services IAM issues service-specific credentials for.
pub(crate) const SERVICES: &[&str] = &[CASSANDRA, "codecommit.amazonaws.com"];

/// The user a request targets: the named one, or the calling user.
pub(crate) async fn target_user(
    state: &AppState,
    caller: &Caller,
    name: Option<&str>,
) -> Result<User, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => load_user(state, name).await,
        (None, Identity::User(u)) => load_user(state, &u.name).await,
        (None, _) => Err(ApiError::user_name_required()),
    }
}

/// IAM answers `NoSuchEntity` for a service it has no credentials for.
pub(crate) fn not_supported(service: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "No such service {service} is supported for Service-Specific Credentials"
    ))
}

fn no_such_credential(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("No such credential {id} exists"))
}

/// A generated password: 32 random bytes in base64 (44 characters).
pub(crate) fn generate_password() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    BASE64.encode(bytes)
}

/// The password sealed with the master key, bound to the credential's id, as stored.
pub(crate) fn seal(state: &AppState, id: &str, password: &str) -> Result<String, ApiError> {
    let sealed = state
        .master
        .seal(password, id)
        .map_err(ApiError::from_store)?;
    Ok(BASE64.encode(sealed.as_bytes()))
}

/// The user's credential with this id, or IAM's NoSuchEntity.
pub(crate) async fn owned(state: &AppState, user: &User, id: &str) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity_by_id(EntityKind::ServiceSpecificCredential, id)
        .await
    {
        Ok(e) if e.path == format!("/{}/", user.user_id.0) => Ok(e),
        Ok(_) | Err(StoreError::NotFound) => Err(no_such_credential(id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<ServiceSpecificCredential>` (with the password) or metadata member.
pub(crate) fn element(
    name: &'static str,
    user: &User,
    e: &Entity,
    password: Option<String>,
) -> Element {
    let mut fields = vec![
        Element::time("CreateDate", e.create_date),
        Element::text("ServiceName", e.attribute(SERVICE).unwrap_or_default()),
        Element::text(
            "ServiceUserName",
            e.attribute(SERVICE_USER).unwrap_or_default(),
        ),
    ];
    if let Some(p) = password {
        fields.push(Element::secret("ServicePassword", p));
    }
    fields.extend([
        Element::text("ServiceSpecificCredentialId", &e.id),
        Element::text("UserName", &user.name),
        Element::text("Status", e.attribute(STATUS).unwrap_or("Active")),
    ]);
    Element::parent(name, fields)
}
