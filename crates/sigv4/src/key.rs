//! Signing-key derivation and the per-(key, day, region, service) cache.

use std::collections::HashMap;
use std::fmt;
use std::sync::RwLock;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::CredentialScope;

type HmacSha256 = Hmac<Sha256>;

/// A derived SigV4 signing key (`kSigning`), keyed up for HMAC.
///
/// It holds the HMAC state with the key already absorbed, so each signature costs only the
/// message compressions; deriving it costs four HMACs, which is why [`SigningKeyCache`] exists.
/// `Debug` never shows key material.
#[derive(Clone)]
pub struct SigningKey {
    bytes: [u8; 32],
    mac: HmacSha256,
}

impl SigningKey {
    /// Wraps raw `kSigning` bytes, e.g. ones obtained from elsewhere or kept in a store.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self {
            bytes,
            mac: keyed(&bytes),
        }
    }

    /// The raw `kSigning` bytes, for callers that need to compute HMACs themselves (benchmarks,
    /// the Keyspaces handshake).
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// A fresh HMAC with this key, without re-absorbing the key.
    pub(crate) fn mac(&self) -> HmacSha256 {
        self.mac.clone()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

fn keyed(key: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this never fails.
    <HmacSha256 as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = keyed(key);
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Derives `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
pub fn derive_signing_key(secret: &str, date: &str, region: &str, service: &str) -> SigningKey {
    let mut k_secret = Vec::with_capacity(4 + secret.len());
    k_secret.extend_from_slice(b"AWS4");
    k_secret.extend_from_slice(secret.as_bytes());
    let k_date = hmac(&k_secret, date.as_bytes());
    k_secret.fill(0);
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    SigningKey::from_bytes(hmac(&k_service, b"aws4_request"))
}

struct Entry {
    key: SigningKey,
    inserted: u64,
}

struct CacheState {
    map: HashMap<[u8; 32], Entry>,
    counter: u64,
}

/// A thread-safe, bounded cache of derived signing keys.
///
/// A signing key is valid for one (access key, secret, day, region, service), so a server sees
/// the same few keys over and over; caching them turns four HMACs per request into a lookup.
/// Entries are addressed by a SHA-256 over all five inputs, so the cache never holds the secret
/// itself, a rotated secret never hits a stale key, and `Debug` has nothing sensitive to print.
/// When full, the oldest entry is evicted.
pub struct SigningKeyCache {
    capacity: usize,
    state: RwLock<CacheState>,
}

impl SigningKeyCache {
    /// A cache holding at most `capacity` keys (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            state: RwLock::new(CacheState {
                map: HashMap::new(),
                counter: 0,
            }),
        }
    }

    /// The signing key for `scope`, derived on a miss.
    pub fn get(&self, access_key_id: &str, secret: &str, scope: &CredentialScope) -> SigningKey {
        let id = cache_id(access_key_id, secret, scope);
        if let Ok(state) = self.state.read() {
            if let Some(entry) = state.map.get(&id) {
                return entry.key.clone();
            }
        }
        let key = derive_signing_key(secret, &scope.date, &scope.region, &scope.service);
        // A poisoned lock only means another thread panicked mid-insert; the map is still sound.
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        if state.map.len() >= self.capacity && !state.map.contains_key(&id) {
            let oldest = state
                .map
                .iter()
                .min_by_key(|(_, e)| e.inserted)
                .map(|(k, _)| *k);
            if let Some(oldest) = oldest {
                state.map.remove(&oldest);
            }
        }
        state.counter += 1;
        let inserted = state.counter;
        state.map.insert(
            id,
            Entry {
                key: key.clone(),
                inserted,
            },
        );
        key
    }

    /// How many keys are cached.
    pub fn len(&self) -> usize {
        self.state.read().map_or(0, |s| s.map.len())
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for SigningKeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKeyCache")
            .field("capacity", &self.capacity)
            .field("len", &self.len())
            .finish()
    }
}

fn cache_id(access_key_id: &str, secret: &str, scope: &CredentialScope) -> [u8; 32] {
    let mut h = Sha256::new();
    for part in [
        access_key_id,
        secret,
        &scope.date,
        &scope.region,
        &scope.service,
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(date: &str) -> CredentialScope {
        CredentialScope {
            date: date.into(),
            region: "us-east-1".into(),
            service: "iam".into(),
        }
    }

    #[test]
    fn matches_aws_documented_key() {
        // From the AWS General Reference "deriving the signing key" example.
        let key = derive_signing_key(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20120215",
            "us-east-1",
            "iam",
        );
        let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
    }

    #[test]
    fn cache_hits_and_evicts() {
        let cache = SigningKeyCache::new(2);
        let a = cache.get("AKID", "secret", &scope("20240101"));
        let again = cache.get("AKID", "secret", &scope("20240101"));
        assert_eq!(a.as_bytes(), again.as_bytes());
        assert_eq!(cache.len(), 1);
        let rotated = cache.get("AKID", "secret2", &scope("20240101"));
        assert_ne!(a.as_bytes(), rotated.as_bytes());
        cache.get("AKID", "secret", &scope("20240102"));
        assert_eq!(cache.len(), 2);
        assert!(!format!("{cache:?}").contains("secret"));
        assert_eq!(format!("{a:?}"), "SigningKey(<redacted>)");
    }
}
