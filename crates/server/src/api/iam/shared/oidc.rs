//! What OpenID Connect provider operations share. A provider is an entity named by its URL
//! without the scheme (as its ARN is); its client ids are relations to external values, so
//! adding one is atomic and counted against the quota in the store.

use keyward_store::{Entity, EntityKind, StoreError};

use crate::arn;
use crate::error::ApiError;
use crate::state::AppState;

/// Client ids one provider may accept (IAM's `ClientIdsPerOpenIdConnectProvider`).
pub(crate) const MAX_CLIENT_IDS: usize = 100;
/// Thumbprints one provider may list.
const MAX_THUMBPRINTS: usize = 5;
/// Attribute holding the thumbprints, one per line.
pub(crate) const THUMBPRINTS: &str = "ThumbprintList";

/// The thumbprints of a request, with IAM's check the model cannot express: at most
/// [`MAX_THUMBPRINTS`].
pub(crate) fn thumbprints(list: Vec<String>) -> Result<Vec<String>, ApiError> {
    if list.len() > MAX_THUMBPRINTS {
        return Err(ApiError::InvalidInput(
            "Thumbprint list must contain fewer than 5 entries.".into(),
        ));
    }
    Ok(list)
}

/// NoSuchEntity for a provider ARN, in IAM's words.
pub(crate) fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("OpenIDConnect Provider not found for arn {arn}"))
}

/// The provider's entity name: its ARN's resource after `oidc-provider/`, if the ARN is ours.
pub(crate) fn name_from_arn<'a>(state: &AppState, text: &'a str) -> Option<&'a str> {
    arn::oidc_provider_name(&state.account, text)
}

/// Reads the provider an ARN names, mapping absence (or a foreign ARN) to `NoSuchEntity`.
pub(crate) async fn load_provider(state: &AppState, arn: &str) -> Result<Entity, ApiError> {
    let name = name_from_arn(state, arn).ok_or_else(|| not_found(arn))?;
    match state.store.get_entity(EntityKind::OidcProvider, name).await {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(not_found(arn)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The client-id quota error IAM answers.
pub(crate) fn too_many_clients() -> ApiError {
    ApiError::LimitExceeded(format!(
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: {MAX_CLIENT_IDS}"
    ))
}
