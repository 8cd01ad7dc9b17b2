//! The account's outbound web identity issuer: whether `GetWebIdentityToken` may sign, and the
//! keys it signs with. One entity per account holds the switch and, for each algorithm AWS
//! offers (RS256 and ES384), a key pair generated when the feature is first enabled: the
//! private key sealed with the master key, the public key as the JWK verifiers fetch. Keys
//! outlive a disable, as AWS's do: tokens issued before it stay verifiable.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, EntityUpdate, SealedSecret, StoreError};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// The issuer entity's name (one per account).
const NAME: &str = "outbound";
/// Attribute: `true` while `GetWebIdentityToken` may sign.
const ENABLED: &str = "Enabled";
/// Attribute suffix of a sealed PKCS#8 private key (`RS256PrivateKey`).
const PRIVATE: &str = "PrivateKey";
/// Attribute suffix of a public key as a JWK (`RS256PublicJwk`).
const PUBLIC: &str = "PublicJwk";

/// A JWT signing algorithm `GetWebIdentityToken` offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SigningAlgorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256, over a 2048-bit key.
    Rs256,
    /// ECDSA over P-384 with SHA-384.
    Es384,
}

impl SigningAlgorithm {
    /// Every algorithm, in the order the JWKS lists their keys.
    pub const ALL: [SigningAlgorithm; 2] = [SigningAlgorithm::Rs256, SigningAlgorithm::Es384];

    /// The algorithm of a `SigningAlgorithm` parameter (case-sensitive, as JOSE names are).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The JOSE name (`alg`).
    pub fn name(self) -> &'static str {
        match self {
            SigningAlgorithm::Rs256 => "RS256",
            SigningAlgorithm::Es384 => "ES384",
        }
    }

    fn attribute(self, suffix: &str) -> String {
        format!("{}{suffix}", self.name())
    }
}

/// The account's issuer record, if outbound federation was ever enabled.
pub(crate) async fn load(state: &AppState) -> Result<Option<Entity>, ApiError> {
    match state
        .store
        .get_entity(EntityKind::WebIdentityIssuer, NAME)
        .await
    {
        Ok(entity) => Ok(Some(entity)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Whether the record allows signing.
pub(crate) fn is_enabled(issuer: &Entity) -> bool {
    issuer.attribute(ENABLED) == Some("true")
}

/// Turns signing on, creating the record and its keys the first time. `false` when it was on
/// already.
pub(crate) async fn enable(state: &AppState) -> Result<bool, ApiError> {
    match load(state).await? {
        Some(issuer) if is_enabled(&issuer) => Ok(false),
        Some(_) => set_enabled(state, true).await.map(|()| true),
        None => {
            let issuer = new_issuer(state)?;
            match state.store.create_entity(&issuer, &[], &[], &[]).await {
                Ok(()) => Ok(true),
                // Another request created it meanwhile: it enabled the feature, not this one.
                Err(StoreError::AlreadyExists) => Ok(false),
                Err(e) => Err(ApiError::from_store(e)),
            }
        }
    }
}

/// Turns signing off; the keys stay. `false` when it was not on.
pub(crate) async fn disable(state: &AppState) -> Result<bool, ApiError> {
    match load(state).await? {
        Some(issuer) if is_enabled(&issuer) => set_enabled(state, false).await.map(|()| true),
        _ => Ok(false),
    }
}

async fn set_enabled(state: &AppState, enabled: bool) -> Result<(), ApiError> {
    let update = EntityUpdate {
        attributes: vec![(ENABLED.to_owned(), Some(enabled.to_string()))],
        ..EntityUpdate::default()
    };
    state
        .store
        .update_entity(EntityKind::WebIdentityIssuer, NAME, &update)
        .await
        .map(|_| ())
        .map_err(ApiError::from_store)
}

/// A new, enabled record with a fresh key pair per algorithm.
fn new_issuer(state: &AppState) -> Result<Entity, ApiError> {
    let mut issuer = Entity {
        kind: EntityKind::WebIdentityIssuer,
        id: ids::prefixed("OWIF"),
        name: NAME.to_owned(),
        path: "/".to_owned(),
        create_date: now_seconds(),
        attributes: Default::default(),
    };
    issuer
        .attributes
        .insert(ENABLED.to_owned(), "true".to_owned());
    for algorithm in SigningAlgorithm::ALL {
        let (pkcs8, jwk) = keys::generate(algorithm)?;
        let sealed = state
            .master
            .seal(
                &STANDARD.encode(pkcs8),
                &seal_context(&issuer.id, algorithm),
            )
            .map_err(ApiError::from_store)?;
        issuer.attributes.insert(
            algorithm.attribute(PRIVATE),
            STANDARD.encode(sealed.as_bytes()),
        );
        issuer
            .attributes
            .insert(algorithm.attribute(PUBLIC), jwk.to_string());
    }
    Ok(issuer)
}

fn now_seconds() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// What a sealed key is bound to, so no other sealed value can pass for it.
fn seal_context(issuer_id: &str, algorithm: SigningAlgorithm) -> String {
    format!("{issuer_id}/{}", algorithm.name())
}

/// The JWKS verifiers fetch: every public key of the record.
pub(crate) fn jwks(issuer: &Entity) -> Value {
    let keys: Vec<Value> = SigningAlgorithm::ALL
        .into_iter()
        .filter_map(|a| issuer.attribute(&a.attribute(PUBLIC)))
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect();
    json!({ "keys": keys })
}

/// Signs `claims` as a compact JWS with the record's key for `algorithm`.
pub(crate) fn sign(
    state: &AppState,
    issuer: &Entity,
    algorithm: SigningAlgorithm,
    claims: &Value,
) -> Result<String, ApiError> {
    let broken = |what: &str| {
        tracing::error!(what, "outbound issuer key unusable");
        ApiError::ServiceFailure
    };
    let public: Value = issuer
        .attribute(&algorithm.attribute(PUBLIC))
        .and_then(|text| serde_json::from_str(text).ok())
        .ok_or_else(|| broken("public key"))?;
    let kid = public
        .get("kid")
        .and_then(Value::as_str)
        .ok_or_else(|| broken("key id"))?;
    let sealed = issuer
        .attribute(&algorithm.attribute(PRIVATE))
        .and_then(|text| STANDARD.decode(text).ok())
        .ok_or_else(|| broken("sealed private key"))?;
    let pkcs8 = state
        .master
        .open(
            &SealedSecret::from_bytes(sealed),
            &seal_context(&issuer.id, algorithm),
        )
        .ok()
        .and_then(|text| STANDARD.decode(text).ok())
        .ok_or_else(|| broken("private key"))?;
    let header = json!({ "alg": algorithm.name(), "kid": kid, "typ": "JWT" });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signature = keys::sign(algorithm, &pkcs8, signing_input.as_bytes())
        .ok_or_else(|| broken("signature"))?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// Key generation and JWS signing, over aws-lc-rs (public for `keyward oidc`, the test issuer).
pub mod keys {
    use aws_lc_rs::encoding::AsDer;
    use aws_lc_rs::rand::SystemRandom;
    use aws_lc_rs::rsa::{KeyPair as RsaKeyPair, KeySize, PublicKeyComponents};
    use aws_lc_rs::signature::{
        EcdsaKeyPair, KeyPair as _, ECDSA_P384_SHA384_FIXED_SIGNING, RSA_PKCS1_SHA256,
    };
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use serde_json::{json, Value};

    use super::SigningAlgorithm;
    use crate::error::ApiError;

    /// Length of one P-384 coordinate.
    const P384_COORDINATE: usize = 48;

    /// A new key pair: its PKCS#8 private key and its public JWK (with `kid`, `alg`, `use`).
    pub fn generate(algorithm: SigningAlgorithm) -> Result<(Vec<u8>, Value), ApiError> {
        let failed = || {
            tracing::error!(algorithm = algorithm.name(), "key generation failed");
            ApiError::ServiceFailure
        };
        let (pkcs8, public) = match algorithm {
            SigningAlgorithm::Rs256 => {
                let pair = RsaKeyPair::generate(KeySize::Rsa2048).map_err(|_| failed())?;
                let pkcs8 = pair.as_der().map_err(|_| failed())?.as_ref().to_vec();
                let components = PublicKeyComponents::<Vec<u8>>::from(pair.public_key());
                let public = json!({
                    "e": URL_SAFE_NO_PAD.encode(&components.e),
                    "kty": "RSA",
                    "n": URL_SAFE_NO_PAD.encode(&components.n),
                });
                (pkcs8, public)
            }
            SigningAlgorithm::Es384 => {
                let pair = EcdsaKeyPair::generate(&ECDSA_P384_SHA384_FIXED_SIGNING)
                    .map_err(|_| failed())?;
                let pkcs8 = pair.to_pkcs8v1().map_err(|_| failed())?.as_ref().to_vec();
                // The uncompressed point: 0x04, then x and y.
                let point = pair.public_key().as_ref();
                let (x, y) = point
                    .get(1..)
                    .filter(|c| c.len() == 2 * P384_COORDINATE)
                    .map(|c| c.split_at(P384_COORDINATE))
                    .ok_or_else(failed)?;
                let public = json!({
                    "crv": "P-384",
                    "kty": "EC",
                    "x": URL_SAFE_NO_PAD.encode(x),
                    "y": URL_SAFE_NO_PAD.encode(y),
                });
                (pkcs8, public)
            }
        };
        Ok((pkcs8, with_key_id(public, algorithm)))
    }

    /// Adds `kid` (the RFC 7638 thumbprint of the required members, which `json!` keeps in
    /// the lexicographic order the RFC asks for), `alg` and `use`.
    fn with_key_id(mut public: Value, algorithm: SigningAlgorithm) -> Value {
        let digest =
            aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, public.to_string().as_bytes());
        let kid = URL_SAFE_NO_PAD.encode(digest.as_ref());
        if let Some(members) = public.as_object_mut() {
            members.insert("kid".to_owned(), Value::String(kid));
            members.insert("alg".to_owned(), Value::String(algorithm.name().to_owned()));
            members.insert("use".to_owned(), Value::String("sig".to_owned()));
        }
        public
    }

    /// The JWS signature of `message` (for ES384, `r || s` as JWS wants it).
    pub fn sign(algorithm: SigningAlgorithm, pkcs8: &[u8], message: &[u8]) -> Option<Vec<u8>> {
        let rng = SystemRandom::new();
        match algorithm {
            SigningAlgorithm::Rs256 => {
                let pair = RsaKeyPair::from_pkcs8(pkcs8).ok()?;
                let mut signature = vec![0; pair.public_modulus_len()];
                pair.sign(&RSA_PKCS1_SHA256, &rng, message, &mut signature)
                    .ok()?;
                Some(signature)
            }
            SigningAlgorithm::Es384 => {
                let pair =
                    EcdsaKeyPair::from_pkcs8(&ECDSA_P384_SHA384_FIXED_SIGNING, pkcs8).ok()?;
                pair.sign(&rng, message).ok().map(|s| s.as_ref().to_vec())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::jwk::Jwk;
    use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};

    /// What `jsonwebtoken` (the verifier `AssumeRoleWithWebIdentity` uses) makes of a token.
    fn verify(token: &str, jwk: &Value, alg: Algorithm) -> Value {
        let jwk: Jwk = serde_json::from_value(jwk.clone()).unwrap();
        let mut validation = Validation::new(alg);
        validation.set_audience(&["client"]);
        validation.set_required_spec_claims(&["exp", "aud"]);
        decode::<Value>(token, &DecodingKey::from_jwk(&jwk).unwrap(), &validation)
            .unwrap()
            .claims
    }

    #[tokio::test]
    async fn tokens_verify_against_the_published_keys_and_no_other() {
        let state = crate::testing::state();
        assert!(enable(&state).await.unwrap());
        assert!(!enable(&state).await.unwrap(), "enabled once only");
        let issuer = load(&state).await.unwrap().unwrap();
        let keys = jwks(&issuer)["keys"].as_array().unwrap().clone();
        assert_eq!(keys.len(), 2);
        let exp = time::OffsetDateTime::now_utc().unix_timestamp() + 300;
        let claims = json!({ "aud": "client", "sub": "s", "exp": exp });
        for (algorithm, alg, jwk) in [
            (SigningAlgorithm::Rs256, Algorithm::RS256, &keys[0]),
            (SigningAlgorithm::Es384, Algorithm::ES384, &keys[1]),
        ] {
            assert_eq!(jwk["alg"], algorithm.name());
            let token = sign(&state, &issuer, algorithm, &claims).unwrap();
            let header = jsonwebtoken::decode_header(&token).unwrap();
            assert_eq!(header.kid.as_deref(), jwk["kid"].as_str());
            assert_eq!(verify(&token, jwk, alg)["sub"], "s");
            // A changed payload no longer verifies.
            let mut parts: Vec<&str> = token.split('.').collect();
            let forged = URL_SAFE_NO_PAD
                .encode(json!({ "aud": "client", "sub": "t", "exp": exp }).to_string());
            parts[1] = &forged;
            let jwk: Jwk = serde_json::from_value(jwk.clone()).unwrap();
            let mut validation = Validation::new(alg);
            validation.set_audience(&["client"]);
            assert!(decode::<Value>(
                &parts.join("."),
                &DecodingKey::from_jwk(&jwk).unwrap(),
                &validation
            )
            .is_err());
        }
    }

    #[tokio::test]
    async fn keys_are_sealed_and_survive_a_disable() {
        let state = crate::testing::state();
        assert!(!disable(&state).await.unwrap(), "nothing to disable");
        enable(&state).await.unwrap();
        let before = load(&state).await.unwrap().unwrap();
        let sealed = before.attribute("RS256PrivateKey").unwrap();
        assert!(!sealed.contains("MII"), "no PKCS#8 in the clear");
        assert!(disable(&state).await.unwrap());
        let after = load(&state).await.unwrap().unwrap();
        assert!(!is_enabled(&after));
        assert_eq!(jwks(&before), jwks(&after));
        assert!(enable(&state).await.unwrap());
        assert_eq!(jwks(&before), jwks(&load(&state).await.unwrap().unwrap()));
    }

    #[test]
    fn only_the_two_algorithms_aws_offers() {
        assert_eq!(
            SigningAlgorithm::parse("RS256"),
            Some(SigningAlgorithm::Rs256)
        );
        assert_eq!(
            SigningAlgorithm::parse("ES384"),
            Some(SigningAlgorithm::Es384)
        );
        for other in ["rs256", "HS256", "ES256", "RS384", "none"] {
            assert_eq!(SigningAlgorithm::parse(other), None, "{other}");
        }
    }
}
