//! The SigV4 handshake Amazon Keyspaces runs inside the Cassandra native protocol's SASL
//! exchange, as the AWS SigV4 plugins for the Cassandra drivers perform it:
//!
//! 1. the client's initial response is [`CQL_INITIAL_RESPONSE`] (`SigV4\0\0`);
//! 2. the server answers a challenge `nonce=` + 32 characters ([`cql_challenge`]);
//! 3. the client answers `signature=…,access_key=…,amzdate=…[,session_token=…]`
//!    ([`CqlAuthResponse::parse`]), signing a fixed presigned-`PUT /authenticate` canonical
//!    request over the nonce with service `cassandra` and its own region.
//!
//! The response names no region: the server signs with its configured one, so a client
//! configured for another region fails the signature check. The server's flow is
//! [`CqlAuthResponse::parse`] → [`CqlAuthResponse::check_time`] → look the key up →
//! [`SigningKeyCache::get`](crate::SigningKeyCache::get) with [`CqlAuthResponse::scope`] →
//! [`CqlAuthResponse::verify`].
#![allow(
    clippy::indexing_slicing,
    reason = "the amzdate is indexed only after its length is checked"
)]

use std::fmt;

use hmac::Mac;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use crate::canonical::hex32;
use crate::{CredentialScope, SigningKey, ALGORITHM, MAX_SKEW};

/// The initial SASL response of the SigV4 plugins: authzid `SigV4`, empty user and password.
/// A PLAIN response (`\0user\0password`) starts with `\0`, so the two cannot be confused.
pub const CQL_INITIAL_RESPONSE: &[u8] = b"SigV4\0\0";

/// Length of the nonce every plugin expects (the Java plugin refuses any other).
pub const CQL_NONCE_LEN: usize = 32;

/// The signing name of Amazon Keyspaces.
pub const CQL_SERVICE: &str = "cassandra";

/// The server's challenge: exactly `nonce=` and the nonce, which every plugin parses (Go and
/// the Rust Scylla plugin require the challenge to start with `nonce=` and take the rest).
pub fn cql_challenge(nonce: &str) -> Vec<u8> {
    format!("nonce={nonce}").into_bytes()
}

/// Why a handshake response was refused. Messages never include secrets or signatures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CqlAuthError {
    /// A required field is missing, repeated or empty.
    Missing(&'static str),
    /// The response is not `key=value` pairs in UTF-8, or the signature is not 64 hex digits.
    Malformed(&'static str),
    /// `amzdate` is not `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    BadDate,
    /// `amzdate` is more than 15 minutes from the server's clock.
    Skewed {
        /// The client's time, as sent.
        amzdate: String,
        /// The server's time, formatted the same way.
        now: String,
    },
    /// The signature does not match the one computed with the key's secret.
    SignatureMismatch,
}

impl fmt::Display for CqlAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CqlAuthError::Missing(field) => write!(f, "SigV4 response lacks {field}"),
            CqlAuthError::Malformed(what) => write!(f, "SigV4 response has a malformed {what}"),
            CqlAuthError::BadDate => {
                f.write_str("SigV4 amzdate is not of the form YYYY-MM-DDTHH:MM:SS.mmmZ")
            }
            CqlAuthError::Skewed { amzdate, now } => write!(
                f,
                "Signature expired: amzdate {amzdate} is more than 15 minutes from the server \
                 time {now}; check the client's clock"
            ),
            CqlAuthError::SignatureMismatch => f.write_str(
                "The request signature we calculated does not match the signature you \
                 provided. Check your AWS Secret Access Key and signing method.",
            ),
        }
    }
}

impl std::error::Error for CqlAuthError {}

/// A parsed `signature=…,access_key=…,amzdate=…[,session_token=…]` response.
#[derive(Clone, PartialEq, Eq)]
pub struct CqlAuthResponse {
    /// The access key id that signed.
    pub access_key_id: String,
    /// The session token of temporary credentials; not part of the signed material.
    pub session_token: Option<String>,
    /// `amzdate` as sent, used verbatim in the string to sign.
    pub amzdate: String,
    /// `amzdate` as a time.
    pub time: OffsetDateTime,
    signature: [u8; 64],
}

impl fmt::Debug for CqlAuthResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CqlAuthResponse")
            .field("access_key_id", &self.access_key_id)
            .field("amzdate", &self.amzdate)
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

impl CqlAuthResponse {
    /// Parses the client's second response: comma-separated pairs split at the first `=`
    /// (session tokens are base64 and may contain `=`, never `,`). Unknown keys are ignored,
    /// as future plugin versions may add some; a repeated key is refused.
    pub fn parse(bytes: &[u8]) -> Result<CqlAuthResponse, CqlAuthError> {
        let text = std::str::from_utf8(bytes).map_err(|_| CqlAuthError::Malformed("encoding"))?;
        let (mut signature, mut key, mut date, mut token) = (None, None, None, None);
        for pair in text.split(',') {
            let (k, v) = pair
                .split_once('=')
                .ok_or(CqlAuthError::Malformed("key=value pair"))?;
            let slot = match k {
                "signature" => &mut signature,
                "access_key" => &mut key,
                "amzdate" => &mut date,
                "session_token" => &mut token,
                _ => continue,
            };
            if slot.replace(v).is_some() {
                return Err(CqlAuthError::Malformed("response: repeated field"));
            }
        }
        let signature = nonempty(signature, "signature")?;
        let access_key_id = nonempty(key, "access_key")?;
        let amzdate = nonempty(date, "amzdate")?;
        let sig: [u8; 64] = signature
            .as_bytes()
            .try_into()
            .ok()
            .filter(|s: &[u8; 64]| s.iter().all(|c| c.is_ascii_hexdigit()))
            .ok_or(CqlAuthError::Malformed("signature"))?;
        Ok(CqlAuthResponse {
            access_key_id: access_key_id.to_owned(),
            session_token: match token {
                Some("") => return Err(CqlAuthError::Missing("session_token")),
                t => t.map(str::to_owned),
            },
            time: parse_amzdate(amzdate)?,
            amzdate: amzdate.to_owned(),
            signature: sig.map(|c| c.to_ascii_lowercase()),
        })
    }

    /// Refuses an `amzdate` more than 15 minutes from `now`, either way.
    pub fn check_time(&self, now: OffsetDateTime) -> Result<(), CqlAuthError> {
        if (self.time - now).abs() > MAX_SKEW {
            return Err(CqlAuthError::Skewed {
                amzdate: self.amzdate.clone(),
                now: format_amzdate(now),
            });
        }
        Ok(())
    }

    /// The credential scope the signature is bound to: `amzdate`'s day, the server's region,
    /// service `cassandra`.
    pub fn scope(&self, region: &str) -> CredentialScope {
        scope_for(self.time, region)
    }

    /// Checks the signature over `nonce` (the challenge this connection sent) with the key
    /// derived for [`Self::scope`], in constant time.
    pub fn verify(&self, nonce: &[u8], region: &str, key: &SigningKey) -> Result<(), CqlAuthError> {
        let expected = signature_hex(
            &self.access_key_id,
            &self.amzdate,
            &self.scope(region),
            nonce,
            key,
        );
        if bool::from(expected.ct_eq(&self.signature)) {
            Ok(())
        } else {
            Err(CqlAuthError::SignatureMismatch)
        }
    }
}

/// A required field's value: present and not empty.
fn nonempty<'a>(v: Option<&'a str>, name: &'static str) -> Result<&'a str, CqlAuthError> {
    v.filter(|v| !v.is_empty())
        .ok_or(CqlAuthError::Missing(name))
}

fn scope_for(t: OffsetDateTime, region: &str) -> CredentialScope {
    CredentialScope {
        date: format!("{:04}{:02}{:02}", t.year(), u8::from(t.month()), t.day()),
        region: region.to_owned(),
        service: CQL_SERVICE.to_owned(),
    }
}

/// Formats a time as the plugins do: `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, milliseconds).
pub fn format_amzdate(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Parses `YYYY-MM-DDTHH:MM:SS.mmmZ`. Exactly three fractional digits, except `.1000`:
/// cassandra-sigv4 4.0.2 rounds microseconds to milliseconds and writes 1000 when the
/// rounding carries, and signs that text; it is read as the next second.
fn parse_amzdate(s: &str) -> Result<OffsetDateTime, CqlAuthError> {
    let b = s.as_bytes();
    let shape_ok = (b.len() == 24 || b.len() == 25)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[b.len() - 1] == b'Z';
    if !shape_ok {
        return Err(CqlAuthError::BadDate);
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, CqlAuthError> {
        let part = s.get(r).ok_or(CqlAuthError::BadDate)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(CqlAuthError::BadDate);
        }
        part.parse().map_err(|_| CqlAuthError::BadDate)
    };
    let frac = num(20..b.len() - 1)?;
    if b.len() == 25 && frac != 1000 {
        return Err(CqlAuthError::BadDate);
    }
    let month = Month::try_from(num(5..7)? as u8).map_err(|_| CqlAuthError::BadDate)?;
    let date = Date::from_calendar_date(num(0..4)? as i32, month, num(8..10)? as u8)
        .map_err(|_| CqlAuthError::BadDate)?;
    let clock = Time::from_hms_milli(
        num(11..13)? as u8,
        num(14..16)? as u8,
        num(17..19)? as u8,
        frac.min(999) as u16,
    )
    .map_err(|_| CqlAuthError::BadDate)?;
    let t = PrimitiveDateTime::new(date, clock).assume_utc();
    Ok(if frac == 1000 {
        t.replace_millisecond(0).unwrap_or(t) + time::Duration::SECOND
    } else {
        t
    })
}

/// The plugins' canonical request: a presigned `PUT /authenticate` to host `cassandra` whose
/// payload is the nonce. No trailing newline.
fn canonical_request(
    access_key_id: &str,
    amzdate: &str,
    scope: &CredentialScope,
    nonce: &[u8],
) -> String {
    let nonce_hash = hex32(&Sha256::digest(nonce));
    format!(
        "PUT\n/authenticate\nX-Amz-Algorithm={ALGORITHM}&X-Amz-Credential={access_key_id}%2F{}%2F{}%2F{}%2Faws4_request&X-Amz-Date={}&X-Amz-Expires=900\nhost:{CQL_SERVICE}\n\nhost\n{}",
        scope.date,
        scope.region,
        scope.service,
        amzdate.replace(':', "%3A"),
        String::from_utf8_lossy(&nonce_hash),
    )
}

fn signature_hex(
    access_key_id: &str,
    amzdate: &str,
    scope: &CredentialScope,
    nonce: &[u8],
    key: &SigningKey,
) -> [u8; 64] {
    let canonical = canonical_request(access_key_id, amzdate, scope, nonce);
    let canonical_hash = hex32(&Sha256::digest(canonical.as_bytes()));
    let mut mac = key.mac();
    mac.update(ALGORITHM.as_bytes());
    mac.update(b"\n");
    mac.update(amzdate.as_bytes());
    mac.update(b"\n");
    mac.update(scope.to_string().as_bytes());
    mac.update(b"\n");
    mac.update(&canonical_hash);
    hex32(&mac.finalize().into_bytes())
}

/// The client side: the second response a plugin sends for `nonce` at time `t`, signed with
/// `key` (derived for `t`'s day, `region` and `cassandra`). For tests, benchmarks and tools.
pub fn sign_cql_response(
    access_key_id: &str,
    session_token: Option<&str>,
    t: OffsetDateTime,
    region: &str,
    nonce: &[u8],
    key: &SigningKey,
) -> String {
    let amzdate = format_amzdate(t);
    let signature = signature_hex(access_key_id, &amzdate, &scope_for(t, region), nonce, key);
    let mut out = format!(
        "signature={},access_key={access_key_id},amzdate={amzdate}",
        String::from_utf8_lossy(&signature)
    );
    if let Some(token) = session_token {
        out.push_str(",session_token=");
        out.push_str(token);
    }
    out
}
