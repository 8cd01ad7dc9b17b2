//! OpenID Connect providers as web identity federation needs them.

use keyward_store::{EntityKind, RelationKind, StoreError};

use super::all_relations;
use crate::error::ApiError;
use crate::state::AppState;

/// The issuer URL's scheme: `https`, or `http` for a loopback issuer.
pub(crate) const SCHEME: &str = "Scheme";

/// A registered OIDC provider, as web identity federation needs it.
pub(crate) struct OidcProvider {
    /// The provider's name: its issuer URL without the scheme.
    pub(crate) name: String,
    /// The issuer URL tokens must carry in `iss`.
    pub(crate) issuer: String,
    /// The audiences it accepts.
    pub(crate) client_ids: Vec<String>,
}

/// The provider registered under `name` (`host[/path]`), if any.
pub(crate) async fn oidc_provider(
    state: &AppState,
    name: &str,
) -> Result<Option<OidcProvider>, ApiError> {
    let name = name.trim_end_matches('/');
    let provider = match state.store.get_entity(EntityKind::OidcProvider, name).await {
        Ok(provider) => provider,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let client_ids = all_relations(
        state,
        RelationKind::OidcClientId,
        Some(&provider.reference()),
        None,
    )
    .await?
    .into_iter()
    .map(|r| r.to.id)
    .collect();
    let scheme = provider.attribute(SCHEME).unwrap_or("https");
    Ok(Some(OidcProvider {
        issuer: format!("{scheme}://{}", provider.name),
        name: provider.name,
        client_ids,
    }))
}
