//! What the SSH public key operations share: reading a key in OpenSSH or PEM form, its MD5
//! fingerprint, its two encodings, and its record and response structures.
//!
//! A key is an entity named by its id under its user's path `/USERID/`, holding the body as
//! uploaded, its fingerprint and its status. IAM reads `ssh-rsa` keys of at least 2048 bits
//! (and their PEM `PUBLIC KEY` form); Keyward also reads the ECDSA (NIST P-256, P-384,
//! P-521) and Ed25519 keys OpenSSH makes.

use keyward_store::{Entity, EntityKind, StoreError, User};
use md5::{Digest, Md5};
use ssh_key::public::{EcdsaPublicKey, Ed25519PublicKey, KeyData, RsaPublicKey};
use ssh_key::{EcdsaCurve, Mpint, PublicKey};
use x509_cert::der::asn1::{Any, BitString, Null, UintRef};
use x509_cert::der::{Decode, Encode, Header, Reader, SliceReader, Tag};
use x509_cert::spki::{
    AlgorithmIdentifierOwned, ObjectIdentifier, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef,
};

use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Attribute holding the key as uploaded.
pub(crate) const BODY: &str = "SSHPublicKeyBody";
/// Attribute holding the key's MD5 fingerprint.
pub(crate) const FINGERPRINT: &str = "Fingerprint";
/// Attribute holding `Active` or `Inactive`.
pub(crate) const STATUS: &str = "Status";

/// SSH public keys one user may hold (IAM's quota).
pub(crate) const MAX_KEYS_PER_USER: usize = 5;
/// The shortest RSA modulus IAM accepts, in bits.
const MIN_RSA_BITS: usize = 2048;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const SECP521R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const ID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// IAM's answer to a key in a recognized encoding that is not an acceptable key.
fn invalid_public_key() -> ApiError {
    ApiError::InvalidPublicKey("The public key is malformed or otherwise invalid.".into())
}

/// IAM's answer to a key in no encoding it reads.
fn unrecognized_encoding() -> ApiError {
    ApiError::UnrecognizedPublicKeyEncoding(
        "The public key encoding format is unsupported or unrecognized.".into(),
    )
}

/// A public key read from an upload, with the text it came in.
#[derive(Debug)]
pub(crate) struct SshKey {
    key: PublicKey,
    openssh_text: Option<String>,
}

impl SshKey {
    /// Reads a key in OpenSSH (`ssh-rsa AAAA… comment`) or PEM (`PUBLIC KEY`, `RSA PUBLIC
    /// KEY`) form, refusing what IAM refuses.
    pub(crate) fn parse(text: &str) -> Result<Self, ApiError> {
        let text = text.trim();
        let (key, openssh_text) = if text.starts_with("-----BEGIN ") {
            (from_pem(text)?, None)
        } else {
            let algorithm = text.split_whitespace().next().unwrap_or_default();
            if !matches!(
                algorithm,
                "ssh-rsa"
                    | "ssh-ed25519"
                    | "ecdsa-sha2-nistp256"
                    | "ecdsa-sha2-nistp384"
                    | "ecdsa-sha2-nistp521"
            ) {
                return Err(unrecognized_encoding());
            }
            let key = PublicKey::from_openssh(text).map_err(|_| invalid_public_key())?;
            (key, Some(text.to_owned()))
        };
        match key.key_data() {
            KeyData::Rsa(rsa) if rsa_bits(rsa) >= MIN_RSA_BITS => {}
            KeyData::Ecdsa(_) | KeyData::Ed25519(_) => {}
            KeyData::Rsa(_) => return Err(invalid_public_key()),
            _ => return Err(unrecognized_encoding()),
        }
        Ok(SshKey { key, openssh_text })
    }

    /// The MD5 digest of the key's SSH encoding as colon-separated hex pairs, the form
    /// `ssh-keygen -E md5 -l` prints and IAM returns.
    pub(crate) fn fingerprint(&self) -> Result<String, ApiError> {
        let blob = self.key.to_bytes().map_err(|_| invalid_public_key())?;
        let digest = Md5::digest(&blob);
        Ok(digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":"))
    }

    /// The key in OpenSSH form: as uploaded, or encoded from its PEM form.
    pub(crate) fn ssh_text(&self) -> Result<String, ApiError> {
        match &self.openssh_text {
            Some(text) => Ok(text.clone()),
            None => self.key.to_openssh().map_err(|_| ApiError::ServiceFailure),
        }
    }

    /// The key as a PEM `PUBLIC KEY` (an X.509 SubjectPublicKeyInfo).
    pub(crate) fn pem_text(&self) -> Result<String, ApiError> {
        let der = spki_der(self.key.key_data()).ok_or(ApiError::ServiceFailure)?;
        pem_rfc7468::encode_string("PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der)
            .map_err(|_| ApiError::ServiceFailure)
    }
}

/// The size of an RSA modulus in bits.
fn rsa_bits(rsa: &RsaPublicKey) -> usize {
    let Some(n) = rsa.n.as_positive_bytes() else {
        return 0;
    };
    match n.first() {
        Some(&top) => (n.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        None => 0,
    }
}

/// A key from a PEM `PUBLIC KEY` or `RSA PUBLIC KEY` block.
fn from_pem(text: &str) -> Result<PublicKey, ApiError> {
    let (label, der) =
        pem_rfc7468::decode_vec(text.as_bytes()).map_err(|_| invalid_public_key())?;
    let data = match label {
        "PUBLIC KEY" => {
            let spki = SubjectPublicKeyInfoRef::from_der(&der).map_err(|_| invalid_public_key())?;
            let bits = spki
                .subject_public_key
                .as_bytes()
                .ok_or_else(invalid_public_key)?;
            match spki.algorithm.oid {
                RSA_ENCRYPTION => rsa_key_data(bits),
                ID_EC_PUBLIC_KEY => EcdsaPublicKey::from_sec1_bytes(bits)
                    .ok()
                    .map(KeyData::Ecdsa),
                ID_ED25519 => Ed25519PublicKey::try_from(bits).ok().map(KeyData::Ed25519),
                _ => return Err(unrecognized_encoding()),
            }
        }
        "RSA PUBLIC KEY" => rsa_key_data(&der),
        _ => return Err(unrecognized_encoding()),
    };
    data.map(|d| PublicKey::new(d, ""))
        .ok_or_else(invalid_public_key)
}

/// RSA key data from a DER `RSAPublicKey` (modulus, public exponent).
fn rsa_key_data(der: &[u8]) -> Option<KeyData> {
    let mut reader = SliceReader::new(der).ok()?;
    let (n, e) = reader
        .sequence(|r| {
            let n = UintRef::decode(r)?;
            let e = UintRef::decode(r)?;
            Ok((n.as_bytes().to_vec(), e.as_bytes().to_vec()))
        })
        .ok()?;
    reader.finish(()).ok()?;
    Some(KeyData::Rsa(RsaPublicKey {
        e: Mpint::from_positive_bytes(&e).ok()?,
        n: Mpint::from_positive_bytes(&n).ok()?,
    }))
}

/// The DER SubjectPublicKeyInfo of a key.
fn spki_der(data: &KeyData) -> Option<Vec<u8>> {
    let (oid, parameters, bits) = match data {
        KeyData::Rsa(rsa) => {
            let n = UintRef::new(rsa.n.as_positive_bytes()?).ok()?;
            let e = UintRef::new(rsa.e.as_positive_bytes()?).ok()?;
            let len = (n.encoded_len().ok()? + e.encoded_len().ok()?).ok()?;
            let mut der = Vec::new();
            Header::new(Tag::Sequence, len)
                .ok()?
                .encode_to_vec(&mut der)
                .ok()?;
            n.encode_to_vec(&mut der).ok()?;
            e.encode_to_vec(&mut der).ok()?;
            (RSA_ENCRYPTION, Some(Any::encode_from(&Null).ok()?), der)
        }
        KeyData::Ecdsa(ec) => {
            let curve = match ec.curve() {
                EcdsaCurve::NistP256 => SECP256R1,
                EcdsaCurve::NistP384 => SECP384R1,
                EcdsaCurve::NistP521 => SECP521R1,
            };
            (
                ID_EC_PUBLIC_KEY,
                Some(Any::encode_from(&curve).ok()?),
                ec.as_sec1_bytes().to_vec(),
            )
        }
        KeyData::Ed25519(key) => (ID_ED25519, None, key.0.to_vec()),
        _ => return None,
    };
    SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned { oid, parameters },
        subject_public_key: BitString::from_bytes(&bits).ok()?,
    }
    .to_der()
    .ok()
}

/// NoSuchEntity for an SSH public key, in IAM's words.
pub(crate) fn no_such_key(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The Public Key with id {id} cannot be found."))
}

/// The user's key with this id, or IAM's NoSuchEntity.
pub(crate) async fn owned(state: &AppState, user: &User, id: &str) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity_by_id(EntityKind::SshPublicKey, id)
        .await
    {
        Ok(e) if e.path == format!("/{}/", user.user_id.0) => Ok(e),
        Ok(_) | Err(StoreError::NotFound) => Err(no_such_key(id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<SSHPublicKey>` structure with the key in `body`.
pub(crate) fn key_element(user: &User, e: &Entity, body: String) -> Element {
    Element::parent(
        "SSHPublicKey",
        vec![
            Element::text("UserName", &user.name),
            Element::text("SSHPublicKeyId", &e.id),
            Element::text("Fingerprint", e.attribute(FINGERPRINT).unwrap_or_default()),
            Element::text("SSHPublicKeyBody", body),
            Element::text("Status", e.attribute(STATUS).unwrap_or("Active")),
            Element::time("UploadDate", e.create_date),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An Ed25519 key from OpenSSH's test vectors (`ssh-keygen -t ed25519`).
    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti user@example.com";

    #[test]
    fn openssh_keys_keep_their_text_and_have_md5_fingerprints() {
        let key = SshKey::parse(&format!("  {ED25519}\n")).unwrap();
        assert_eq!(key.ssh_text().unwrap(), ED25519);
        let fingerprint = key.fingerprint().unwrap();
        assert_eq!(fingerprint.len(), 47);
        assert_eq!(fingerprint.matches(':').count(), 15);
    }

    #[test]
    fn pem_round_trips_to_the_same_key() {
        let key = SshKey::parse(ED25519).unwrap();
        let pem = key.pem_text().unwrap();
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----"));
        let again = SshKey::parse(&pem).unwrap();
        assert_eq!(again.fingerprint().unwrap(), key.fingerprint().unwrap());
        assert!(again
            .ssh_text()
            .unwrap()
            .starts_with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"));
    }

    #[test]
    fn unknown_encodings_and_bad_keys_are_told_apart() {
        assert_eq!(
            SshKey::parse("hello world").unwrap_err().code(),
            "UnrecognizedPublicKeyEncoding"
        );
        assert_eq!(
            SshKey::parse("ssh-dss AAAAB3NzaC1kc3MAAACBAP")
                .unwrap_err()
                .code(),
            "UnrecognizedPublicKeyEncoding"
        );
        assert_eq!(
            SshKey::parse("ssh-rsa AAAA!!notbase64").unwrap_err().code(),
            "InvalidPublicKey"
        );
    }

    #[test]
    fn rsa_size_counts_significant_bits() {
        let rsa = RsaPublicKey {
            e: Mpint::from_positive_bytes(&[1, 0, 1]).unwrap(),
            n: Mpint::from_positive_bytes(&[0x7f; 256]).unwrap(),
        };
        assert_eq!(rsa_bits(&rsa), 2047);
    }
}
