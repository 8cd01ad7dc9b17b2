//! SAML identity providers as `AssumeRoleWithSAML` needs them: what their metadata says and
//! their private keys, opened only to decrypt an assertion.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, SealedSecret, StoreError};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::state::AppState;

/// Attribute holding the metadata document as given.
pub(crate) const METADATA: &str = "SAMLMetadataDocument";
/// Attribute holding the metadata's `entityID`.
pub(crate) const ENTITY_ID: &str = "EntityId";
/// Attribute holding the signing certificates, base64 DER, one per line.
pub(crate) const CERTIFICATES: &str = "SigningCertificates";
/// Attribute holding `ValidUntil`, in Unix seconds.
pub(crate) const VALID_UNTIL: &str = "ValidUntil";
/// Attribute holding the `SAMLProviderUUID`.
pub(crate) const UUID: &str = "SAMLProviderUUID";
/// Attribute holding `AssertionEncryptionMode` (`Required` or `Allowed`), when set.
pub(crate) const ENCRYPTION_MODE: &str = "AssertionEncryptionMode";
/// Attribute holding the private keys (JSON list of [`StoredPrivateKey`]).
pub(crate) const PRIVATE_KEYS: &str = "PrivateKeys";

/// One private key as stored: its id, when it was added, and the sealed PEM (base64).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredPrivateKey {
    /// `KeyId`.
    pub(crate) id: String,
    /// `Timestamp`, in Unix seconds.
    pub(crate) added: i64,
    /// The PEM key sealed with the master key, base64.
    pub(crate) sealed: String,
}

/// The sealing context of a provider's private key: the provider's id and the key's.
pub(crate) fn seal_context(provider_id: &str, key_id: &str) -> String {
    format!("saml-provider/{provider_id}/{key_id}")
}

/// The provider's private keys as stored.
pub(crate) fn private_keys(provider: &Entity) -> Vec<StoredPrivateKey> {
    provider
        .attribute(PRIVATE_KEYS)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// The attribute value recording `keys`.
pub(crate) fn private_keys_attribute(keys: &[StoredPrivateKey]) -> String {
    serde_json::to_string(keys).unwrap_or_else(|_| "[]".to_owned())
}

/// A registered SAML provider, as federation needs it.
pub(crate) struct SamlProvider {
    /// The provider's name (the end of its ARN).
    pub(crate) name: String,
    /// The issuer its assertions must carry.
    pub(crate) entity_id: String,
    /// The DER of each certificate it signs with.
    pub(crate) certificates: Vec<Vec<u8>>,
    /// Whether only encrypted assertions are accepted.
    pub(crate) encryption_required: bool,
    /// The `SAMLProviderUUID`, which an encrypted assertion's recipient carries.
    pub(crate) uuid: String,
    /// The PEM private keys that decrypt its assertions (opened; never stored this way).
    pub(crate) private_keys: Vec<String>,
}

/// The provider registered under `name`, if any.
pub(crate) async fn saml_provider(
    state: &AppState,
    name: &str,
) -> Result<Option<SamlProvider>, ApiError> {
    let provider = match state.store.get_entity(EntityKind::SamlProvider, name).await {
        Ok(provider) => provider,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let certificates = provider
        .attribute(CERTIFICATES)
        .unwrap_or_default()
        .split('\n')
        .filter_map(|line| BASE64.decode(line).ok())
        .collect();
    let mut opened = Vec::new();
    for key in private_keys(&provider) {
        let sealed = BASE64
            .decode(&key.sealed)
            .map_err(|_| ApiError::ServiceFailure)?;
        let pem = state
            .master
            .open(
                &SealedSecret::from_bytes(sealed),
                &seal_context(&provider.id, &key.id),
            )
            .map_err(ApiError::from_store)?;
        opened.push(pem);
    }
    Ok(Some(SamlProvider {
        entity_id: provider.attribute(ENTITY_ID).unwrap_or_default().to_owned(),
        certificates,
        encryption_required: provider.attribute(ENCRYPTION_MODE) == Some("Required"),
        uuid: provider.attribute(UUID).unwrap_or_default().to_owned(),
        private_keys: opened,
        name: provider.name,
    }))
}
