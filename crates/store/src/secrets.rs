//! Encryption at rest: every secret is sealed with AES-256-GCM under the master key before it
//! reaches a backend, so no backend can write one in plaintext by mistake.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use rand::RngCore;

use crate::StoreError;

const NONCE_LEN: usize = 12;

/// The 256-bit key that seals secrets. Shared by every replica of a deployment.
pub struct MasterKey(Aes256Gcm);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(..)")
    }
}

/// A secret sealed under the master key: nonce followed by ciphertext and tag.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedSecret(Vec<u8>);

impl std::fmt::Debug for SealedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealedSecret(..)")
    }
}

impl SealedSecret {
    /// Wraps bytes read back from a backend.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        SealedSecret(bytes)
    }

    /// The bytes a backend stores.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl MasterKey {
    /// Generates a fresh random key.
    pub fn generate() -> (Self, [u8; 32]) {
        let mut raw = [0u8; 32];
        rand::rng().fill_bytes(&mut raw);
        (Self::from_bytes(&raw), raw)
    }

    /// Builds the key from its 32 raw bytes.
    pub fn from_bytes(raw: &[u8; 32]) -> Self {
        MasterKey(Aes256Gcm::new(raw.into()))
    }

    /// Parses the base64 text form used in `KEYWARD_MASTER_KEY` and `master.key`.
    pub fn from_base64(text: &str) -> Result<Self, StoreError> {
        let bytes = BASE64
            .decode(text.trim())
            .map_err(|_| StoreError::Backend("master key is not valid base64".into()))?;
        let raw: [u8; 32] = bytes
            .try_into()
            .map_err(|_| StoreError::Backend("master key must be 32 bytes".into()))?;
        Ok(Self::from_bytes(&raw))
    }

    /// The base64 text form of raw key bytes.
    pub fn encode(raw: &[u8; 32]) -> String {
        BASE64.encode(raw)
    }

    /// Seals `plaintext`, binding it to `context` (e.g. the access key id) so a sealed value
    /// cannot be swapped onto another record.
    pub fn seal(&self, plaintext: &str, context: &str) -> Result<SealedSecret, StoreError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: context.as_bytes(),
        };
        let ciphertext = self
            .0
            .encrypt(Nonce::from_slice(&nonce), payload)
            .map_err(|_| StoreError::Backend("secret could not be sealed".into()))?;
        let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        Ok(SealedSecret(out))
    }

    /// Opens a sealed secret; fails if it was sealed under another key or another context.
    pub fn open(&self, sealed: &SealedSecret, context: &str) -> Result<String, StoreError> {
        let bytes = sealed.as_bytes();
        if bytes.len() < NONCE_LEN {
            return Err(StoreError::Backend("sealed secret is truncated".into()));
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let payload = Payload {
            msg: ciphertext,
            aad: context.as_bytes(),
        };
        let plain = self
            .0
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| StoreError::WrongMasterKey)?;
        String::from_utf8(plain)
            .map_err(|_| StoreError::Backend("sealed secret is not UTF-8".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_roundtrip_and_context_binding() {
        let (key, _) = MasterKey::generate();
        let sealed = key
            .seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIA1")
            .unwrap();
        assert!(!sealed.as_bytes().windows(8).any(|w| w == b"wJalrXUt"));
        assert_eq!(
            key.open(&sealed, "AKIA1").unwrap(),
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        );
        assert_eq!(key.open(&sealed, "AKIA2"), Err(StoreError::WrongMasterKey));
        let (other, _) = MasterKey::generate();
        assert_eq!(
            other.open(&sealed, "AKIA1"),
            Err(StoreError::WrongMasterKey)
        );
    }

    #[test]
    fn base64_form_roundtrips() {
        let (_, raw) = MasterKey::generate();
        let text = MasterKey::encode(&raw);
        let key = MasterKey::from_base64(&text).unwrap();
        let sealed = key.seal("s", "c").unwrap();
        assert_eq!(MasterKey::from_bytes(&raw).open(&sealed, "c").unwrap(), "s");
        assert!(MasterKey::from_base64("dG9vIHNob3J0").is_err());
    }
}
