//! What the server- and signing-certificate operations share: reading PEM X.509 certificates,
//! checking that a private key belongs to its certificate and that a chain signs it, and the
//! records and response structures of both families.
//!
//! A server certificate is an entity named by the caller under its path; its private key is
//! sealed with the master key (bound to the certificate's id) and never leaves the store. A
//! signing certificate is an entity named by its id under the path `/USERID/` of its user
//! (`/root/` for the root user's), so one user's certificates list by path.

use aws_lc_rs::rsa::KeyPair as RsaKeyPair;
use aws_lc_rs::signature::{self, EcdsaKeyPair, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, StoreError, User};
use time::OffsetDateTime;
use x509_cert::der::{Decode, Encode};
use x509_cert::spki::ObjectIdentifier;
use x509_cert::Certificate;

use crate::auth::identity::Identity;
use crate::authz::Resource;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Attribute holding the certificate's PEM text.
pub(crate) const BODY: &str = "CertificateBody";
/// Attribute holding a server certificate's chain, when one was given.
pub(crate) const CHAIN: &str = "CertificateChain";
/// Attribute holding a server certificate's sealed private key (base64).
pub(crate) const PRIVATE_KEY: &str = "PrivateKey";
/// Attribute holding a server certificate's expiry, in Unix seconds.
pub(crate) const EXPIRATION: &str = "Expiration";
/// Attribute holding a signing certificate's `Active` or `Inactive`.
pub(crate) const STATUS: &str = "Status";
/// Attribute holding the SHA-256 of a signing certificate's DER, which finds duplicates.
pub(crate) const THUMBPRINT: &str = "Thumbprint";

/// Serializes the uploads of certificates and SSH keys in this process, so that a quota or
/// duplicate check and the write it allows are not interleaved with another upload's.
pub(crate) static UPLOADS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Server certificates one account may hold (IAM's quota).
pub(crate) const MAX_SERVER_CERTIFICATES: usize = 20;
/// Signing certificates one user may hold (IAM's quota).
pub(crate) const MAX_SIGNING_CERTIFICATES: usize = 2;

/// IAM's answer to a certificate that is not one PEM X.509 certificate.
pub(crate) fn malformed_certificate() -> ApiError {
    ApiError::MalformedCertificate(
        "Unable to parse certificate. Please ensure the certificate is in PEM format.".into(),
    )
}

/// The answer to a private key that is not an unencrypted PEM RSA, EC or Ed25519 key.
fn malformed_private_key() -> ApiError {
    ApiError::MalformedCertificate(
        "Unable to parse private key. Please ensure the private key is in PEM format and not \
         encrypted."
            .into(),
    )
}

/// IAM's answer to a chain that does not sign the certificate, `index` being the chain
/// certificate that fails (-1: the first does not sign the body).
fn invalid_chain(index: i64) -> ApiError {
    ApiError::MalformedCertificate(format!(
        "Unable to validate certificate chain. The certificate chain must start with the \
         immediate signing certificate, followed by any intermediaries in order. The index \
         within the chain of the invalid certificate is: {index}"
    ))
}

/// The PEM blocks of `text` as (label, DER), or `None` if anything but whitespace lies
/// outside the blocks or a block does not decode.
fn pem_blocks(text: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if !rest.starts_with("-----BEGIN ") {
            return None;
        }
        let end = rest.find("-----END ")?;
        let tail = rest.get(end + "-----END ".len()..)?;
        let close = tail.find("-----")?;
        let block_len = end + "-----END ".len() + close + "-----".len();
        let block = rest.get(..block_len)?;
        let (label, der) = pem_rfc7468::decode_vec(block.as_bytes()).ok()?;
        out.push((label.to_owned(), der));
        rest = rest.get(block_len..)?.trim_start();
    }
    Some(out)
}

/// A parsed X.509 certificate and its DER encoding.
pub(crate) struct ParsedCertificate {
    cert: Certificate,
    der: Vec<u8>,
}

impl ParsedCertificate {
    /// When the certificate stops being valid.
    pub(crate) fn not_after(&self) -> OffsetDateTime {
        let secs = self
            .cert
            .tbs_certificate
            .validity
            .not_after
            .to_unix_duration()
            .as_secs();
        i64::try_from(secs)
            .ok()
            .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// The SHA-256 of the certificate's DER encoding in hex, which identifies it.
    pub(crate) fn thumbprint(&self) -> String {
        aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &self.der)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The subject public key's bits: an `RSAPublicKey`, an EC point or an Ed25519 key.
    fn public_key_bits(&self) -> &[u8] {
        self.cert
            .tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .raw_bytes()
    }

    /// The curve OID of an EC subject key, if it is one.
    fn curve(&self) -> Option<ObjectIdentifier> {
        let spki = &self.cert.tbs_certificate.subject_public_key_info;
        if spki.algorithm.oid != ID_EC_PUBLIC_KEY {
            return None;
        }
        spki.algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
    }

    /// Whether `issuer` issued this certificate: names that chain and, for the signature
    /// algorithms IAM's certificates use, a signature that verifies.
    fn issued_by(&self, issuer: &ParsedCertificate) -> bool {
        if self.cert.tbs_certificate.issuer != issuer.cert.tbs_certificate.subject {
            return false;
        }
        let Ok(tbs) = self.cert.tbs_certificate.to_der() else {
            return false;
        };
        let signature = self.cert.signature.raw_bytes();
        let algorithm: &'static dyn signature::VerificationAlgorithm =
            match (self.cert.signature_algorithm.oid, issuer.curve()) {
                (SHA1_WITH_RSA, _) => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
                (SHA256_WITH_RSA, _) => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
                (SHA384_WITH_RSA, _) => &signature::RSA_PKCS1_2048_8192_SHA384,
                (SHA512_WITH_RSA, _) => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
                (ECDSA_WITH_SHA256, Some(SECP256R1)) => &signature::ECDSA_P256_SHA256_ASN1,
                (ECDSA_WITH_SHA384, Some(SECP256R1)) => &signature::ECDSA_P256_SHA384_ASN1,
                (ECDSA_WITH_SHA256, Some(SECP384R1)) => &signature::ECDSA_P384_SHA256_ASN1,
                (ECDSA_WITH_SHA384, Some(SECP384R1)) => &signature::ECDSA_P384_SHA384_ASN1,
                (ECDSA_WITH_SHA512, Some(SECP521R1)) => &signature::ECDSA_P521_SHA512_ASN1,
                (ED25519, _) => &signature::ED25519,
                // Other algorithms (RSA-PSS, …) are judged by their names alone.
                _ => return true,
            };
        UnparsedPublicKey::new(algorithm, issuer.public_key_bits())
            .verify(&tbs, signature)
            .is_ok()
    }
}

const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const SECP521R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
const SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_WITH_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// Every certificate of a PEM text, or `None` unless it holds only `CERTIFICATE` blocks that
/// parse as X.509 (and at least one).
fn parse_certificates(text: &str) -> Option<Vec<ParsedCertificate>> {
    let blocks = pem_blocks(text)?;
    if blocks.is_empty() {
        return None;
    }
    blocks
        .into_iter()
        .map(|(label, der)| {
            if label != "CERTIFICATE" {
                return None;
            }
            let cert = Certificate::from_der(&der).ok()?;
            Some(ParsedCertificate { cert, der })
        })
        .collect()
}

/// The one certificate of a PEM certificate body, or IAM's `MalformedCertificate`.
pub(crate) fn parse_certificate(text: &str) -> Result<ParsedCertificate, ApiError> {
    match parse_certificates(text) {
        Some(mut certs) if certs.len() == 1 => certs.pop().ok_or_else(malformed_certificate),
        _ => Err(malformed_certificate()),
    }
}

/// The public key a PEM private key belongs to, in the form a certificate's subject key bits
/// take, or `None` if it is not an unencrypted PKCS#1, SEC1 or PKCS#8 RSA, EC or Ed25519 key.
fn private_key_public_bits(text: &str) -> Option<Vec<u8>> {
    let blocks = pem_blocks(text)?;
    let [(label, der)] = blocks.as_slice() else {
        return None;
    };
    let ec_algorithms: [&'static signature::EcdsaSigningAlgorithm; 3] = [
        &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
        &signature::ECDSA_P384_SHA384_ASN1_SIGNING,
        &signature::ECDSA_P521_SHA512_ASN1_SIGNING,
    ];
    match label.as_str() {
        "RSA PRIVATE KEY" => RsaKeyPair::from_der(der)
            .ok()
            .map(|k| k.public_key().as_ref().to_vec()),
        "EC PRIVATE KEY" => ec_algorithms
            .iter()
            .find_map(|alg| EcdsaKeyPair::from_private_key_der(alg, der).ok())
            .map(|k| k.public_key().as_ref().to_vec()),
        "PRIVATE KEY" => {
            if let Ok(k) = RsaKeyPair::from_pkcs8(der) {
                return Some(k.public_key().as_ref().to_vec());
            }
            if let Some(k) = ec_algorithms
                .iter()
                .find_map(|alg| EcdsaKeyPair::from_pkcs8(alg, der).ok())
            {
                return Some(k.public_key().as_ref().to_vec());
            }
            Ed25519KeyPair::from_pkcs8_maybe_unchecked(der)
                .ok()
                .map(|k| k.public_key().as_ref().to_vec())
        }
        _ => None,
    }
}

/// Checks a server certificate's private key and chain as `UploadServerCertificate` does:
/// the key parses and belongs to the certificate (`KeyPairMismatch` otherwise), and each
/// chain certificate issued the one before it.
pub(crate) fn check_server_certificate(
    body: &ParsedCertificate,
    private_key: &str,
    chain: Option<&str>,
) -> Result<(), ApiError> {
    let public = private_key_public_bits(private_key).ok_or_else(malformed_private_key)?;
    if public != body.public_key_bits() {
        return Err(ApiError::KeyPairMismatch(
            "The private key did not match the public key of the certificate.".into(),
        ));
    }
    let Some(chain) = chain else {
        return Ok(());
    };
    let chain = parse_certificates(chain).ok_or_else(malformed_certificate)?;
    let mut subject = body;
    for (index, issuer) in (-1..).zip(chain.iter()) {
        if !subject.issued_by(issuer) {
            return Err(invalid_chain(index));
        }
        subject = issuer;
    }
    Ok(())
}

/// The private key sealed with the master key, bound to the certificate's id, as stored.
pub(crate) fn seal_private_key(
    state: &AppState,
    id: &str,
    private_key: &str,
) -> Result<String, ApiError> {
    let sealed = state
        .master
        .seal(private_key, id)
        .map_err(ApiError::from_store)?;
    Ok(BASE64.encode(sealed.as_bytes()))
}

/// The ARN of a server certificate.
pub(crate) fn server_certificate_arn(state: &AppState, path: &str, name: &str) -> String {
    format!(
        "arn:aws:iam::{}:server-certificate{path}{name}",
        state.account.0
    )
}

/// NoSuchEntity for a server certificate, in IAM's words.
pub(crate) fn no_such_server_certificate(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The Server Certificate with name {name} cannot be found."
    ))
}

/// EntityAlreadyExists for a server certificate, in IAM's words.
pub(crate) fn server_certificate_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!(
        "The Server Certificate with name {name} already exists."
    ))
}

/// The resource of an operation on the server certificate `name`: its ARN, with its path
/// when it exists.
pub(crate) async fn server_certificate_resource(
    state: &AppState,
    name: &str,
) -> Result<Resource, ApiError> {
    match state
        .store
        .get_entity(EntityKind::ServerCertificate, name)
        .await
    {
        Ok(c) => Ok(Resource::arn(server_certificate_arn(
            state, &c.path, &c.name,
        ))),
        Err(StoreError::NotFound) => Ok(Resource::arn(server_certificate_arn(state, "/", name))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Reads a server certificate by name, mapping absence to IAM's `NoSuchEntity`.
pub(crate) async fn load_server_certificate(
    state: &AppState,
    name: &str,
) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity(EntityKind::ServerCertificate, name)
        .await
    {
        Ok(c) => Ok(c),
        Err(StoreError::NotFound) => Err(no_such_server_certificate(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<ServerCertificateMetadata>` structure (or a list member of that shape).
pub(crate) fn server_metadata_element(
    state: &AppState,
    element_name: &'static str,
    e: &Entity,
) -> Element {
    let mut fields = vec![
        Element::text("Path", &e.path),
        Element::text("ServerCertificateName", &e.name),
        Element::text("ServerCertificateId", &e.id),
        Element::text("Arn", server_certificate_arn(state, &e.path, &e.name)),
        Element::time("UploadDate", e.create_date),
    ];
    if let Some(expiration) = e
        .attribute(EXPIRATION)
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
    {
        fields.push(Element::time("Expiration", expiration));
    }
    Element::parent(element_name, fields)
}

/// Every entity of `kind` under `path` (signing certificates and SSH keys of one owner, or
/// every server certificate); IAM's quotas keep these small.
pub(crate) async fn all_under(
    state: &AppState,
    kind: EntityKind,
    path: &str,
) -> Result<Vec<Entity>, ApiError> {
    crate::directory::all_entities(state, kind, path).await
}

/// The path under which a principal's signing certificates (and SSH keys) are stored:
/// `/USERID/`, or `/root/` for the root user.
pub(crate) fn owner_path(principal: &Identity) -> Option<String> {
    match principal {
        Identity::Root => Some("/root/".to_owned()),
        Identity::User(u) => Some(format!("/{}/", u.user_id.0)),
        Identity::RoleSession(_) | Identity::FederatedUser(_) | Identity::Delegated(_) => None,
    }
}

/// IAM's `DeleteConflict` while a user still has signing certificates or SSH public keys,
/// which live outside the user's own records.
pub(crate) async fn certificates_and_keys_conflict(
    state: &AppState,
    user: &User,
) -> Result<(), ApiError> {
    let path = format!("/{}/", user.user_id.0);
    if !all_under(state, EntityKind::SigningCertificate, &path)
        .await?
        .is_empty()
    {
        return Err(ApiError::DeleteConflict(
            "Cannot delete entity, must delete signing certificates first.".into(),
        ));
    }
    if !all_under(state, EntityKind::SshPublicKey, &path)
        .await?
        .is_empty()
    {
        return Err(ApiError::DeleteConflict(
            "Cannot delete entity, must delete SSH public keys first.".into(),
        ));
    }
    Ok(())
}

/// NoSuchEntity for a signing certificate, in IAM's words.
pub(crate) fn no_such_signing_certificate(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The Certificate with id {id} cannot be found."))
}

/// The principal's signing certificate with this id, or IAM's NoSuchEntity.
pub(crate) async fn owned_signing_certificate(
    state: &AppState,
    principal: &Identity,
    id: &str,
) -> Result<Entity, ApiError> {
    let path = owner_path(principal).ok_or_else(ApiError::user_name_required)?;
    match state
        .store
        .get_entity_by_id(EntityKind::SigningCertificate, id)
        .await
    {
        Ok(e) if e.path == path => Ok(e),
        Ok(_) | Err(StoreError::NotFound) => Err(no_such_signing_certificate(id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<Certificate>` member of a signing certificate (a root user's has no `UserName`).
pub(crate) fn signing_certificate_element(
    element_name: &'static str,
    principal: &Identity,
    e: &Entity,
) -> Element {
    let mut fields = Vec::new();
    if let Identity::User(u) = principal {
        fields.push(Element::text("UserName", &u.name));
    }
    fields.extend([
        Element::text("CertificateId", &e.id),
        Element::text("CertificateBody", e.attribute(BODY).unwrap_or_default()),
        Element::text("Status", e.attribute(STATUS).unwrap_or("Active")),
        Element::time("UploadDate", e.create_date),
    ]);
    Element::parent(element_name, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_blocks_split_and_refuse_text_outside_blocks() {
        let block = "-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----";
        let two = format!("{block}\n\n{block}\n");
        let blocks = pem_blocks(&two).unwrap();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].0, "CERTIFICATE");
        assert_eq!(blocks[0].1, vec![0, 1, 2]);
        assert!(pem_blocks(&format!("Subject: example\n{block}")).is_none());
        assert!(pem_blocks("-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----").is_none());
        assert!(pem_blocks("").unwrap().is_empty());
    }

    #[test]
    fn only_certificate_blocks_are_certificates() {
        assert!(parse_certificate("not a certificate").is_err());
        let key = "-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----";
        assert!(parse_certificate(key).is_err());
        let junk = "-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----";
        assert!(parse_certificate(junk).is_err());
    }

    #[test]
    fn private_keys_must_be_unencrypted_pem_keys() {
        assert!(private_key_public_bits("nothing").is_none());
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAEC\n-----END ENCRYPTED PRIVATE KEY-----";
        assert!(private_key_public_bits(encrypted).is_none());
        let ed25519 = Ed25519KeyPair::generate().unwrap();
        let pkcs8 = ed25519.to_pkcs8().unwrap();
        let pem =
            pem_rfc7468::encode_string("PRIVATE KEY", pem_rfc7468::LineEnding::LF, pkcs8.as_ref())
                .unwrap();
        assert_eq!(
            private_key_public_bits(&pem).unwrap(),
            ed25519.public_key().as_ref()
        );
    }
}
