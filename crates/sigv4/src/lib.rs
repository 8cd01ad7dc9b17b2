//! AWS Signature Version 4 for Keyward: pure signing and verification, no I/O.
//!
//! The server's flow is [`parse`] → [`check_time`] → [`check_scope`] → look the access key up
//! (answering [`AuthError::InvalidClientTokenId`] itself) → [`SigningKeyCache::get`] →
//! [`verify`]. Splitting it this way lets the server reject malformed or stale requests before
//! touching its key store, and keeps this crate free of storage and clocks.
//!
//! The signing side ([`sign_headers`], [`presign`]) exists for clients, tests, benchmarks and the
//! `doctor` tool, and shares the canonicalisation code with verification so the two cannot drift.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod canonical;
mod cql;
mod error;
mod key;
mod parse;
mod streaming;
mod time_fmt;

use std::fmt;

use hmac::Mac;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

use canonical::{
    encode_component, hex32, signer_payload_hash, verifier_payload_hash, write_canonical_request,
    HashSink, PayloadHash,
};
use time_fmt::AmzDate;

pub use canonical::PathMode;
pub use cql::{
    cql_challenge, format_amzdate, sign_cql_response, CqlAuthError, CqlAuthResponse,
    CQL_INITIAL_RESPONSE, CQL_NONCE_LEN, CQL_SERVICE,
};
pub use error::{AuthError, ExpiresProblem, MissingPart, ScopeProblem};
pub use key::{derive_signing_key, SigningKey, SigningKeyCache};
pub use parse::{check_expiry, check_scope, check_time, parse};
pub use streaming::{
    encode_signed_chunks, verify_without_body, BodyCheck, BodyError, BodyHash, ChunkedDecoder,
    MAX_CHUNK_BYTES, STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, STREAMING_UNSIGNED_TRAILER,
    UNSIGNED_PAYLOAD,
};

/// The only algorithm SigV4 (as opposed to SigV4A) defines.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// How far a request timestamp may be from the server clock, either way.
pub const MAX_SKEW: Duration = Duration::minutes(15);

/// The largest `X-Amz-Expires` AWS accepts: seven days, the lifetime of a signing key's date.
pub const MAX_EXPIRES: u64 = 604_800;

/// A request as received on the wire.
///
/// Borrowed pieces rather than an `http::Request` keep this crate independent of the server's
/// HTTP stack, and let the verify path run without copying.
#[derive(Clone, Copy, Debug)]
pub struct SignableRequest<'a> {
    /// HTTP method, e.g. `POST`.
    pub method: &'a str,
    /// Raw path as on the wire (percent-encoded), without the query.
    pub path: &'a str,
    /// Raw query string without `?`; may be empty.
    pub query: &'a str,
    /// Header names in any case, values as received; a name may repeat.
    pub headers: &'a [(&'a str, &'a str)],
    /// The request body.
    pub body: &'a [u8],
}

/// Where the signature travels, because the two forms canonicalise differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthLocation {
    /// `Authorization` header.
    Header,
    /// Presigned: `X-Amz-*` query parameters.
    QueryString,
}

/// The credential scope `date/region/service/aws4_request` a signature is bound to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CredentialScope {
    /// `YYYYMMDD`.
    pub date: String,
    /// Region name, e.g. `us-east-1`.
    pub region: String,
    /// Service name, e.g. `sts`.
    pub service: String,
}

impl CredentialScope {
    fn write_to(&self, mac: &mut impl Mac) {
        mac.update(self.date.as_bytes());
        mac.update(b"/");
        mac.update(self.region.as_bytes());
        mac.update(b"/");
        mac.update(self.service.as_bytes());
        mac.update(b"/aws4_request");
    }
}

impl fmt::Display for CredentialScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/aws4_request",
            self.date, self.region, self.service
        )
    }
}

/// Parsed authentication information, available before the secret is known, so the server can
/// look the key up by id and reject stale or mis-scoped requests early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedAuth {
    /// The access key id from the credential.
    pub access_key_id: String,
    /// The credential scope.
    pub scope: CredentialScope,
    /// Signed header names, lowercased, sorted and deduplicated.
    pub signed_headers: Vec<String>,
    /// The signature as provided (AWS compares it as lowercase hex text).
    pub signature: String,
    /// The request timestamp (`X-Amz-Date`, or `Date`).
    pub request_time: OffsetDateTime,
    /// `X-Amz-Security-Token` header or query parameter.
    pub session_token: Option<String>,
    /// Header or presigned.
    pub location: AuthLocation,
    /// Presigned `X-Amz-Expires`, already range-checked.
    pub expires_in: Option<u64>,
}

/// Verifies the signature: canonical request → string to sign → HMAC → constant-time compare.
///
/// The canonical request is streamed into SHA-256 without being built, and the HMAC starts from
/// the key's pre-absorbed state, so the cost stays close to the two hashes verification cannot
/// avoid. The path is canonicalised per [`PathMode::for_service`] of the scope's service.
pub fn verify(
    req: &SignableRequest<'_>,
    auth: &ParsedAuth,
    key: &SigningKey,
) -> Result<(), AuthError> {
    let service = auth.scope.service.as_str();
    let payload = verifier_payload_hash(req, auth.location, service)?;
    let mut hasher = HashSink::new();
    write_canonical_request(
        &mut hasher,
        req,
        auth.location,
        &auth.signed_headers,
        PathMode::for_service(service),
        &payload,
    )?;
    let creq_hash = hasher.finish_hex();
    let expected = signature_digest(
        key,
        AmzDate::new(auth.request_time),
        &auth.scope,
        &creq_hash,
    );
    // The provided signature is public, so decoding it may take data-dependent time; only the
    // comparison with the secret-derived value has to be constant-time. Folding the digests into
    // one word keeps that comparison to a single `ct_eq` instead of 64 byte-wise ones.
    let Some(provided) = decode_hex32(&auth.signature) else {
        return Err(AuthError::SignatureDoesNotMatch);
    };
    let diff = expected
        .iter()
        .zip(provided.iter())
        .fold(0u64, |acc, (a, b)| acc | u64::from(a ^ b));
    if bool::from(diff.ct_eq(&0)) {
        Ok(())
    } else {
        Err(AuthError::SignatureDoesNotMatch)
    }
}

/// Lowercase hex only, like the signature AWS computes and compares as text.
fn decode_hex32(text: &str) -> Option<[u8; 32]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let [high, low] = pair else { return None };
        *byte = nibble(*high)? << 4 | nibble(*low)?;
    }
    Some(out)
}

fn signature_digest(
    key: &SigningKey,
    date: AmzDate,
    scope: &CredentialScope,
    creq_hash_hex: &[u8; 64],
) -> [u8; 32] {
    let mut mac = key.mac();
    mac.update(ALGORITHM.as_bytes());
    mac.update(b"\n");
    mac.update(date.as_bytes());
    mac.update(b"\n");
    scope.write_to(&mut mac);
    mac.update(b"\n");
    mac.update(creq_hash_hex);
    mac.finalize().into_bytes().into()
}

/// The canonical request as text, for tests and diagnostics (the `doctor` tool, error logs).
///
/// `signed_headers` must be lowercase and sorted, as in [`ParsedAuth::signed_headers`]. The
/// payload hash follows the verifier's rules, so a claimed `X-Amz-Content-Sha256` that does not
/// match the body is an error here too.
pub fn canonical_request(
    req: &SignableRequest<'_>,
    location: AuthLocation,
    signed_headers: &[String],
    service: &str,
    path_mode: PathMode,
) -> Result<String, AuthError> {
    let payload = verifier_payload_hash(req, location, service)?;
    let mut out = Vec::with_capacity(256);
    write_canonical_request(&mut out, req, location, signed_headers, path_mode, &payload)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The string to sign for a canonical request, for tests and diagnostics.
pub fn string_to_sign(
    request_time: OffsetDateTime,
    scope: &CredentialScope,
    canonical_request: &str,
) -> String {
    let hash = hex32(&Sha256::digest(canonical_request.as_bytes()));
    format!(
        "{ALGORITHM}\n{}\n{scope}\n{}",
        AmzDate::new(request_time),
        String::from_utf8_lossy(&hash)
    )
}

/// The hex signature of a string to sign, for tests and diagnostics.
pub fn signature(key: &SigningKey, string_to_sign: &str) -> String {
    let mut mac = key.mac();
    mac.update(string_to_sign.as_bytes());
    String::from_utf8_lossy(&hex32(&mac.finalize().into_bytes())).into_owned()
}

/// Credentials for the signing side.
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    /// Access key id.
    pub access_key_id: &'a str,
    /// Secret access key.
    pub secret_access_key: &'a str,
    /// Session token of temporary credentials.
    pub session_token: Option<&'a str>,
}

impl fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.session_token.map(|_| "<redacted>"))
            .finish()
    }
}

/// Headers a signer leaves unsigned: hop-by-hop or rewritten by proxies (the SDKs skip the same),
/// plus the ones the signer itself sets.
fn signable_header(name: &str) -> bool {
    ![
        "authorization",
        "user-agent",
        "x-amzn-trace-id",
        "expect",
        "transfer-encoding",
        "connection",
        "x-amz-date",
        "x-amz-security-token",
    ]
    .iter()
    .any(|skip| name.eq_ignore_ascii_case(skip))
}

fn signed_header_names<'h>(
    headers: impl Iterator<Item = &'h (&'h str, &'h str)>,
    extra: &[&str],
) -> Vec<String> {
    let mut names: Vec<String> = headers
        .filter(|(n, _)| signable_header(n))
        .map(|(n, _)| n.to_ascii_lowercase())
        .chain(extra.iter().map(|s| (*s).to_owned()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn sign_canonical(
    req: &SignableRequest<'_>,
    location: AuthLocation,
    signed: &[String],
    key: &SigningKey,
    date: AmzDate,
    scope: &CredentialScope,
    payload: &PayloadHash<'_>,
) -> String {
    let mut hasher = HashSink::new();
    // Signing has no failure mode: a request with a broken query escape gets a signature over a
    // placeholder, and the verifier rejects such a request anyway.
    if write_canonical_request(
        &mut hasher,
        req,
        location,
        signed,
        PathMode::for_service(&scope.service),
        payload,
    )
    .is_err()
    {
        hasher = HashSink::new();
    }
    let creq_hash = hasher.finish_hex();
    String::from_utf8_lossy(&hex32(&signature_digest(key, date, scope, &creq_hash))).into_owned()
}

/// Signs a request with the `Authorization` header and returns the headers to add:
/// `authorization`, `x-amz-date`, and `x-amz-security-token` for temporary credentials.
///
/// Every given header is signed except those proxies may rewrite (`user-agent`, `expect`, …), so
/// the caller must include `host` (and `x-amz-content-sha256` if it wants one). The token is
/// signed, as STS and IAM expect.
pub fn sign_headers(
    req: &SignableRequest<'_>,
    creds: &Credentials<'_>,
    region: &str,
    service: &str,
    time: OffsetDateTime,
) -> Vec<(String, String)> {
    let date = AmzDate::new(time);
    let scope = CredentialScope {
        date: date.date().to_owned(),
        region: region.to_owned(),
        service: service.to_owned(),
    };
    let mut headers: Vec<(&str, &str)> = req
        .headers
        .iter()
        .filter(|(n, _)| {
            !n.eq_ignore_ascii_case("x-amz-date")
                && !n.eq_ignore_ascii_case("x-amz-security-token")
                && !n.eq_ignore_ascii_case("authorization")
        })
        .copied()
        .collect();
    headers.push(("x-amz-date", date.as_str()));
    let mut extra = vec!["x-amz-date"];
    if let Some(token) = creds.session_token {
        headers.push(("x-amz-security-token", token));
        extra.push("x-amz-security-token");
    }
    let signed = signed_header_names(req.headers.iter(), &extra);
    let augmented = SignableRequest {
        headers: &headers,
        ..*req
    };
    let key = derive_signing_key(creds.secret_access_key, &scope.date, region, service);
    let payload = signer_payload_hash(&augmented, AuthLocation::Header, service);
    let sig = sign_canonical(
        &augmented,
        AuthLocation::Header,
        &signed,
        &key,
        date,
        &scope,
        &payload,
    );
    let mut out = vec![
        (
            "authorization".to_owned(),
            format!(
                "{ALGORITHM} Credential={}/{scope}, SignedHeaders={}, Signature={sig}",
                creds.access_key_id,
                signed.join(";")
            ),
        ),
        ("x-amz-date".to_owned(), date.as_str().to_owned()),
    ];
    if let Some(token) = creds.session_token {
        out.push(("x-amz-security-token".to_owned(), token.to_owned()));
    }
    out
}

/// Presigns a request and returns the full query string to use (the original query followed by
/// the `X-Amz-*` parameters, `X-Amz-Signature` last, in the order the SDKs emit them).
///
/// All given headers are signed except those proxies may rewrite; the caller must include
/// `host` and send the same headers with the presigned request.
pub fn presign(
    req: &SignableRequest<'_>,
    creds: &Credentials<'_>,
    region: &str,
    service: &str,
    time: OffsetDateTime,
    expires_in: u64,
) -> String {
    let date = AmzDate::new(time);
    let scope = CredentialScope {
        date: date.date().to_owned(),
        region: region.to_owned(),
        service: service.to_owned(),
    };
    let signed = signed_header_names(req.headers.iter(), &[]);
    let mut query: Vec<u8> = Vec::with_capacity(req.query.len() + 256);
    query.extend_from_slice(req.query.as_bytes());
    let mut param = |name: &str, value: &str| {
        if !query.is_empty() {
            query.push(b'&');
        }
        query.extend_from_slice(name.as_bytes());
        query.push(b'=');
        encode_component(&mut query, value);
    };
    param("X-Amz-Algorithm", ALGORITHM);
    param(
        "X-Amz-Credential",
        &format!("{}/{scope}", creds.access_key_id),
    );
    param("X-Amz-Date", date.as_str());
    param("X-Amz-SignedHeaders", &signed.join(";"));
    param("X-Amz-Expires", &expires_in.to_string());
    if let Some(token) = creds.session_token {
        param("X-Amz-Security-Token", token);
    }
    let mut query = String::from_utf8_lossy(&query).into_owned();
    let key = derive_signing_key(creds.secret_access_key, &scope.date, region, service);
    let presigned = SignableRequest {
        query: &query,
        ..*req
    };
    let payload = signer_payload_hash(&presigned, AuthLocation::QueryString, service);
    let sig = sign_canonical(
        &presigned,
        AuthLocation::QueryString,
        &signed,
        &key,
        date,
        &scope,
        &payload,
    );
    query.push_str("&X-Amz-Signature=");
    query.push_str(&sig);
    query
}
