//! Web identity tokens (OIDC ID tokens, JWTs) as `AssumeRoleWithWebIdentity` checks them: the
//! issuer must be a registered OIDC provider, the signature must verify against the issuer's
//! published keys (JWKS, found through its OpenID configuration and cached, refetched on an
//! unknown `kid`), the algorithm must be an asymmetric one the key allows, and the audience
//! must be one of the provider's client ids.
//!
//! Issuers are fetched over `https`, except loopback `http` issuers, which Keyward accepts so
//! tests and local set-ups work offline.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64;
use base64::Engine as _;
use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::Value;
use time::OffsetDateTime;
use tokio::sync::Mutex;

use crate::error::ApiError;

/// Algorithms a web identity token may be signed with: asymmetric only, never `none` or HMAC.
const ALLOWED_ALGORITHMS: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::ES256,
    Algorithm::ES384,
];
/// Clock tolerance for `exp`, `nbf` and `iat`.
const LEEWAY_SECONDS: i64 = 30;
/// How long an issuer's keys are trusted before they are fetched again.
const KEYS_TTL: Duration = Duration::from_secs(3600);
/// Longest wait for an issuer's answer.
const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest OpenID configuration or JWKS document read.
const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

const NOT_A_JWT: &str =
    "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)";
const UNVERIFIABLE: &str = "The web identity token that was passed could not be validated by \
                            AWS. Get a new identity token from the identity provider and then \
                            retry the request.";
const NO_KEY: &str = "Couldn't retrieve verification key from your identity provider,  please \
                      reference AssumeRoleWithWebIdentity documentation for requirements";
const UNREACHABLE: &str = "The request could not be fulfilled because the identity provider \
                           (IDP) that was asked to verify the incoming identity token could not \
                           be reached. This is often a transient error caused by network \
                           conditions. Retry the request a limited number of times and wait \
                           between attempts to be successful.";

/// The claims of a verified token that IAM uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedToken {
    /// `iss`.
    pub issuer: String,
    /// `sub`.
    pub subject: String,
    /// The audience IAM matched against the provider's client ids: `azp` if present, else the
    /// `aud` value that matched (`<provider>:aud`).
    pub audience: String,
    /// Every `aud` value (`<provider>:oaud` when `azp` is present).
    pub original_audiences: Vec<String>,
    /// `amr` values (`<provider>:amr`).
    pub amr: Vec<String>,
    /// `https://aws.amazon.com/source_identity`, if set.
    pub source_identity: Option<String>,
}

/// The unverified payload fields needed before the signature can be checked.
#[derive(Deserialize)]
struct Unverified {
    iss: Option<String>,
}

/// The claims read after verification.
#[derive(Deserialize)]
struct Claims {
    sub: Option<String>,
    aud: Option<OneOrMany>,
    azp: Option<String>,
    amr: Option<OneOrMany>,
    exp: Option<i64>,
    nbf: Option<i64>,
    iat: Option<i64>,
    #[serde(rename = "https://aws.amazon.com/source_identity")]
    source_identity: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(v) => vec![v],
            OneOrMany::Many(v) => v,
        }
    }
}

/// The token's issuer, read without verifying anything, to find its provider.
pub fn unverified_issuer(token: &str) -> Result<String, ApiError> {
    let invalid = || ApiError::InvalidIdentityToken(NOT_A_JWT.to_owned());
    let mut parts = token.split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    let bytes = BASE64.decode(payload).map_err(|_| invalid())?;
    let claims: Unverified = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    claims.iss.ok_or_else(invalid)
}

/// The provider name IAM registers for an issuer URL (the URL without its scheme), or `None`
/// for a URL Keyward will not fetch from: `https`, or `http` on a loopback host.
pub fn provider_name(issuer: &str) -> Option<&str> {
    if let Some(rest) = issuer.strip_prefix("https://") {
        return (!rest.is_empty()).then_some(rest);
    }
    let rest = issuer.strip_prefix("http://")?;
    is_loopback_authority(rest).then_some(rest)
}

/// Whether `host[:port][/path]` names a loopback host.
pub fn is_loopback_authority(rest: &str) -> bool {
    let authority = rest.split('/').next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

struct CachedKeys {
    keys: Arc<JwkSet>,
    fetched: std::time::Instant,
    generation: u64,
}

type HttpsClient = Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    Empty<Bytes>,
>;

/// Issuers' signing keys, fetched on demand and cached. One fetch per issuer runs at a time;
/// requests that waited for it use its result.
pub struct JwksCache {
    client: HttpsClient,
    issuers: Mutex<HashMap<String, Arc<Mutex<Option<CachedKeys>>>>>,
}

impl Default for JwksCache {
    fn default() -> Self {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        JwksCache {
            client: Client::builder(TokioExecutor::new()).build(connector),
            issuers: Mutex::new(HashMap::new()),
        }
    }
}

impl JwksCache {
    /// Verifies `token` from `issuer` for a provider with `client_ids`, at time `now`.
    pub async fn verify(
        &self,
        token: &str,
        issuer: &str,
        client_ids: &[String],
        now: OffsetDateTime,
    ) -> Result<VerifiedToken, ApiError> {
        let header = jsonwebtoken::decode_header(token)
            .map_err(|_| ApiError::InvalidIdentityToken(NOT_A_JWT.to_owned()))?;
        if !ALLOWED_ALGORITHMS.contains(&header.alg) {
            return Err(ApiError::InvalidIdentityToken(UNVERIFIABLE.to_owned()));
        }
        let jwk = self.key(issuer, header.kid.as_deref()).await?;
        if let Some(key_alg) = jwk.common.key_algorithm {
            if format!("{key_alg:?}") != format!("{:?}", header.alg) {
                return Err(ApiError::InvalidIdentityToken(UNVERIFIABLE.to_owned()));
            }
        }
        let key = DecodingKey::from_jwk(&jwk)
            .map_err(|_| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))?;
        let mut validation = Validation::new(header.alg);
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        let claims = jsonwebtoken::decode::<Claims>(token, &key, &validation)
            .map_err(|_| ApiError::InvalidIdentityToken(UNVERIFIABLE.to_owned()))?
            .claims;
        check_times(&claims, now)?;
        let audiences = claims.aud.map(OneOrMany::into_vec).unwrap_or_default();
        let audience = match &claims.azp {
            Some(azp) if client_ids.contains(azp) => Some(azp.clone()),
            _ => audiences.iter().find(|a| client_ids.contains(a)).cloned(),
        }
        .ok_or_else(|| ApiError::InvalidIdentityToken("Incorrect token audience".to_owned()))?;
        Ok(VerifiedToken {
            issuer: issuer.to_owned(),
            subject: claims.sub.unwrap_or_default(),
            audience,
            original_audiences: audiences,
            amr: claims.amr.map(OneOrMany::into_vec).unwrap_or_default(),
            source_identity: claims.source_identity,
        })
    }

    /// The issuer's key for `kid`: from the cache, or fetched again when the cache is stale or
    /// does not know the `kid` (keys rotate).
    async fn key(&self, issuer: &str, kid: Option<&str>) -> Result<Jwk, ApiError> {
        let slot = Arc::clone(
            self.issuers
                .lock()
                .await
                .entry(issuer.to_owned())
                .or_default(),
        );
        let seen = slot.lock().await.as_ref().map(|c| c.generation);
        let mut guard = slot.lock().await;
        if let Some(cached) = guard.as_ref() {
            let fresh = cached.fetched.elapsed() < KEYS_TTL;
            if let Some(jwk) = find_key(&cached.keys, kid).filter(|_| fresh) {
                return Ok(jwk);
            }
            // Another request refetched while this one waited: its keys are the newest.
            if Some(cached.generation) != seen {
                return find_key(&cached.keys, kid)
                    .ok_or_else(|| ApiError::InvalidIdentityToken(NO_KEY.to_owned()));
            }
        }
        let keys = Arc::new(self.fetch(issuer).await?);
        let generation = guard.as_ref().map_or(0, |c| c.generation + 1);
        *guard = Some(CachedKeys {
            keys: Arc::clone(&keys),
            fetched: std::time::Instant::now(),
            generation,
        });
        find_key(&keys, kid).ok_or_else(|| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))
    }

    async fn fetch(&self, issuer: &str) -> Result<JwkSet, ApiError> {
        let configuration = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        let document = self.get_json(&configuration).await?;
        let jwks_uri = document
            .get("jwks_uri")
            .and_then(Value::as_str)
            .filter(|uri| provider_name(uri).is_some())
            .ok_or_else(|| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))?
            .to_owned();
        let keys = self.get_json(&jwks_uri).await?;
        serde_json::from_value(keys).map_err(|_| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))
    }

    async fn get_json(&self, url: &str) -> Result<Value, ApiError> {
        let unreachable = || ApiError::IdpCommunicationError(UNREACHABLE.to_owned());
        let uri: hyper::Uri = url
            .parse()
            .map_err(|_| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))?;
        let fetch = async {
            let response = self.client.get(uri).await.map_err(|e| {
                tracing::warn!(url, error = %e, "identity provider unreachable");
                unreachable()
            })?;
            if !response.status().is_success() {
                tracing::warn!(url, status = %response.status(), "identity provider refused");
                return Err(unreachable());
            }
            let body = Limited::new(response.into_body(), MAX_DOCUMENT_BYTES)
                .collect()
                .await
                .map_err(|_| unreachable())?
                .to_bytes();
            serde_json::from_slice(&body)
                .map_err(|_| ApiError::InvalidIdentityToken(NO_KEY.to_owned()))
        };
        tokio::time::timeout(FETCH_TIMEOUT, fetch)
            .await
            .map_err(|_| unreachable())?
    }
}

/// The key named `kid`; a token without `kid` may use the issuer's only key.
fn find_key(keys: &JwkSet, kid: Option<&str>) -> Option<Jwk> {
    match kid {
        Some(kid) => keys.find(kid).cloned(),
        None if keys.keys.len() == 1 => keys.keys.first().cloned(),
        None => None,
    }
}

fn check_times(claims: &Claims, now: OffsetDateTime) -> Result<(), ApiError> {
    let now = now.unix_timestamp();
    let exp = claims
        .exp
        .ok_or_else(|| ApiError::InvalidIdentityToken(UNVERIFIABLE.to_owned()))?;
    if exp + LEEWAY_SECONDS <= now {
        // AWS's message, missing space included.
        return Err(ApiError::ExpiredTokenException(format!(
            "Token expired: current date/time {now} must be before the expiration date/time{exp}"
        )));
    }
    let future = |t: Option<i64>| t.is_some_and(|t| t > now + LEEWAY_SECONDS);
    if future(claims.nbf) || future(claims.iat) {
        return Err(ApiError::IdpRejectedClaim(
            "The identity token is not valid yet: its nbf or iat claim is in the future."
                .to_owned(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http_issuers() {
        assert_eq!(
            provider_name("https://token.actions.githubusercontent.com"),
            Some("token.actions.githubusercontent.com")
        );
        assert_eq!(
            provider_name("http://127.0.0.1:8080"),
            Some("127.0.0.1:8080")
        );
        assert_eq!(
            provider_name("http://localhost/realms/x"),
            Some("localhost/realms/x")
        );
        assert_eq!(provider_name("http://[::1]:9/x"), Some("[::1]:9/x"));
        assert_eq!(provider_name("http://example.com"), None);
        assert_eq!(provider_name("http://127.0.0.1.example.com"), None);
        assert_eq!(provider_name("ftp://127.0.0.1"), None);
        assert_eq!(provider_name("https://"), None);
    }

    #[test]
    fn issuer_is_read_from_the_payload() {
        let payload = BASE64.encode(br#"{"iss":"https://issuer.example"}"#);
        assert_eq!(
            unverified_issuer(&format!("e30.{payload}.sig")).unwrap(),
            "https://issuer.example"
        );
        for bad in ["", "a.b", "a.b.c.d", "e30.!!!.x", "e30.e30.x"] {
            assert_eq!(
                unverified_issuer(bad).unwrap_err().code(),
                "InvalidIdentityToken",
                "{bad}"
            );
        }
    }
}
