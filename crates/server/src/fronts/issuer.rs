//! The OpenID Connect discovery documents of the account's outbound issuer (the `iss` of the
//! tokens `GetWebIdentityToken` signs), served on the API's own port so any verifier —
//! Keyward's own `AssumeRoleWithWebIdentity` included — finds the keys from the issuer URL
//! alone: `/.well-known/openid-configuration`, naming `/.well-known/jwks.json`, as AWS's
//! issuers serve them. Both are public and answer 404 until the feature was first enabled;
//! they stay up after a disable, so tokens issued before it stay verifiable.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::directory::web_identity_issuer::{self, SigningAlgorithm};
use crate::state::AppState;

/// Where the OpenID configuration is served, below the issuer URL.
pub const CONFIGURATION_PATH: &str = "/.well-known/openid-configuration";
/// Where the key set is served, below the issuer URL.
pub const JWKS_PATH: &str = "/.well-known/jwks.json";

/// `GET /.well-known/openid-configuration`.
pub async fn configuration(State(state): State<Arc<AppState>>) -> Response {
    document(&state, |_| {
        let algorithms: Vec<&str> = SigningAlgorithm::ALL.iter().map(|a| a.name()).collect();
        json!({
            "issuer": state.issuer,
            "jwks_uri": format!("{}{JWKS_PATH}", state.issuer),
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": algorithms,
        })
    })
    .await
}

/// `GET /.well-known/jwks.json`.
pub async fn jwks(State(state): State<Arc<AppState>>) -> Response {
    document(&state, web_identity_issuer::jwks).await
}

/// A JSON document made from the issuer record, or 404 without one.
async fn document(
    state: &AppState,
    make: impl FnOnce(&keyward_store::Entity) -> Value,
) -> Response {
    match web_identity_issuer::load(state).await {
        Ok(Some(issuer)) => (
            [(header::CONTENT_TYPE, "application/json")],
            make(&issuer).to_string(),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
