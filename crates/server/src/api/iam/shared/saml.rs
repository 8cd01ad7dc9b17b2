//! What the SAML provider operations share. A provider is an entity named by the caller; it
//! keeps its metadata document as given and what `AssumeRoleWithSAML` reads from it (entity
//! id, signing certificates, `validUntil`), its `SAMLProviderUUID`, its assertion encryption
//! mode, and up to two private keys for encrypted assertions, each sealed with the master key
//! (bound to the provider and the key's id) and never returned.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, StoreError};
use time::OffsetDateTime;

use crate::arn;
use crate::auth::saml::{parse_metadata, Metadata};
use crate::directory::saml::{
    private_keys, seal_context, StoredPrivateKey, CERTIFICATES, ENTITY_ID, METADATA, VALID_UNTIL,
};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// SAML providers one account may hold (IAM's `SAMLProvidersPerAccount`).
pub(crate) const MAX_PROVIDERS: usize = 100;
/// Private keys one provider may hold (the model's `PrivateKeyList` maximum), so that a key
/// can be rotated.
pub(crate) const MAX_PRIVATE_KEYS: usize = 2;
/// How long a provider whose metadata has no `validUntil` stays valid.
const DEFAULT_VALIDITY_YEARS: i32 = 100;

/// Serializes the writes of SAML providers in this process, so that the quota check and the
/// write it allows are not interleaved with another create.
pub(crate) static WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// NoSuchEntity for a provider ARN, in IAM's words.
pub(crate) fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Manifest not found for arn {arn}"))
}

/// The provider's name: its ARN's resource after `saml-provider/`, if the ARN is ours.
pub(crate) fn name_from_arn<'a>(state: &AppState, text: &'a str) -> Option<&'a str> {
    arn::saml_provider_name(&state.account, text)
}

/// Reads the provider an ARN names, mapping absence (or a foreign ARN) to `NoSuchEntity`.
pub(crate) async fn load_provider(state: &AppState, arn: &str) -> Result<Entity, ApiError> {
    let name = name_from_arn(state, arn).ok_or_else(|| not_found(arn))?;
    match state.store.get_entity(EntityKind::SamlProvider, name).await {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(not_found(arn)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The metadata document parsed, or IAM's InvalidInput.
pub(crate) fn metadata(document: &str) -> Result<Metadata, ApiError> {
    parse_metadata(document)
        .ok_or_else(|| ApiError::InvalidInput("Could not parse metadata".into()))
}

/// The attributes that record a metadata document and what was read from it.
pub(crate) fn metadata_attributes(
    document: &str,
    metadata: &Metadata,
    created: OffsetDateTime,
) -> Vec<(String, String)> {
    let valid_until = metadata.valid_until.unwrap_or_else(|| {
        created
            .replace_year(created.year() + DEFAULT_VALIDITY_YEARS)
            .unwrap_or(created)
    });
    let certificates: Vec<String> = metadata
        .certificates
        .iter()
        .map(|der| BASE64.encode(der))
        .collect();
    vec![
        (METADATA.into(), document.to_owned()),
        (ENTITY_ID.into(), metadata.entity_id.clone()),
        (CERTIFICATES.into(), certificates.join("\n")),
        (VALID_UNTIL.into(), valid_until.unix_timestamp().to_string()),
    ]
}

/// A new `SAMLProviderUUID`: uppercase letters and digits, as the model's pattern asks.
pub(crate) fn new_uuid() -> String {
    ids::prefixed("SSPUUID")
}

/// Checks that a PEM text is an RSA private key, which decrypts assertions' keys.
pub(crate) fn check_private_key(pem: &str) -> Result<(), ApiError> {
    bergshamra_keys::loader::load_rsa_private_pem(pem.as_bytes())
        .map(|_| ())
        .map_err(|_| {
            ApiError::InvalidInput("Invalid private key: Key format is not recognized.".into())
        })
}

/// A new private key record for `provider_id`, the PEM sealed.
pub(crate) fn seal_private_key(
    state: &AppState,
    provider_id: &str,
    pem: &str,
    now: OffsetDateTime,
) -> Result<StoredPrivateKey, ApiError> {
    let id = ids::prefixed("SSPKEY");
    let sealed = state
        .master
        .seal(pem, &seal_context(provider_id, &id))
        .map_err(ApiError::from_store)?;
    Ok(StoredPrivateKey {
        id,
        added: now.unix_timestamp(),
        sealed: BASE64.encode(sealed.as_bytes()),
    })
}

/// The quota error for a third private key.
pub(crate) fn too_many_private_keys() -> ApiError {
    ApiError::LimitExceeded(format!(
        "Private key limit of {MAX_PRIVATE_KEYS} is reached."
    ))
}

/// The provider's `ValidUntil`.
pub(crate) fn valid_until(provider: &Entity) -> Option<OffsetDateTime> {
    provider
        .attribute(VALID_UNTIL)
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
}

/// The `PrivateKeyList` of `GetSAMLProvider`: ids and dates, never the keys.
pub(crate) fn private_key_list(provider: &Entity) -> Element {
    Element::list(
        "PrivateKeyList",
        private_keys(provider)
            .into_iter()
            .map(|k| {
                let added = OffsetDateTime::from_unix_timestamp(k.added)
                    .unwrap_or(OffsetDateTime::UNIX_EPOCH);
                Element::parent(
                    "member",
                    vec![
                        Element::text("KeyId", k.id),
                        Element::time("Timestamp", added),
                    ],
                )
            })
            .collect(),
    )
}
