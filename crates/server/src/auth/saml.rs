//! SAML 2.0 documents as IAM and STS read them: an identity provider's metadata (its entity id,
//! signing certificates and `validUntil`), and the authentication responses
//! `AssumeRoleWithSAML` accepts.
//!
//! A response is trusted only through its XML signature, which Bergshamra (an XML-DSig
//! implementation tested against xmlsec1's interoperability suite) verifies with the
//! provider's certificates alone — a key or certificate the document carries is never used.
//! On top of the signature, the SAML rules that defeat the known attacks hold here:
//! - no DTD (entity expansion, external entities);
//! - exactly one assertion in the whole document, a child of the `Response`; element ids are
//!   unique (signature wrapping needs a second assertion or a duplicated id);
//! - every signature sits on the `Response` or on that assertion and references, with one
//!   `Reference` and only the enveloped and canonicalization transforms, the very element it
//!   sits on; what is read afterwards is read from that element;
//! - text is read whole (`user@evil.com<!---->.example.com` is one name, as signed).

use std::borrow::Cow;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use bergshamra_dsig::{DsigContext, VerifyResult};
use bergshamra_keys::KeysManager;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use uppsala::{Document, NodeId};
use x509_cert::der::Decode;
use x509_cert::Certificate;

use crate::error::ApiError;

/// The SAML 2.0 protocol namespace (`samlp:`).
const PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
/// The SAML 2.0 assertion namespace (`saml:`).
const ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// The SAML 2.0 metadata namespace (`md:`).
const METADATA: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
/// The XML-DSig namespace (`ds:`).
const DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
/// The status of a successful response.
const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
/// The prefix AWS strips from a `NameID` format to answer `SubjectType`.
const NAME_ID_FORMAT_PREFIX: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
/// The format of a `NameID` that names none (SAML core, 8.3.1).
const UNSPECIFIED_FORMAT: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
/// The transforms a SAML signature's reference may use: enveloped signature and the
/// canonicalizations. Anything else (XPath, XSLT) could sign less than the element.
const ALLOWED_TRANSFORMS: &[&str] = &[
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
    "http://www.w3.org/2006/12/xml-c14n11",
    "http://www.w3.org/2006/12/xml-c14n11#WithComments",
];
/// The clock skew tolerated on `NotBefore` and `NotOnOrAfter`.
pub(crate) const CLOCK_SKEW: Duration = Duration::minutes(5);
/// The audiences AWS accepts in an `AudienceRestriction`.
const AWS_AUDIENCES: &[&str] = &[
    "https://signin.aws.amazon.com/saml",
    "urn:amazon:webservices",
];

/// What IAM keeps of a provider's metadata document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The `entityID`: the `Issuer` its responses carry.
    pub(crate) entity_id: String,
    /// The DER of each certificate the IdP signs with.
    pub(crate) certificates: Vec<Vec<u8>>,
    /// The document's `validUntil`, when it has one.
    pub(crate) valid_until: Option<OffsetDateTime>,
}

/// Reads a SAML metadata document: an `EntityDescriptor` with an `IDPSSODescriptor` whose
/// signing keys are X.509 certificates. `None` when it is not one.
pub(crate) fn parse_metadata(text: &str) -> Option<Metadata> {
    let doc = parse_xml(text)?;
    let root = doc.document_element()?;
    if !is(&doc, root, METADATA, "EntityDescriptor") {
        return None;
    }
    let entity_id = doc.get_attribute(root, "entityID")?.trim().to_owned();
    if entity_id.is_empty() {
        return None;
    }
    let valid_until = match doc.get_attribute(root, "validUntil") {
        Some(text) => Some(parse_time(text)?),
        None => None,
    };
    let idp = doc.first_child_element_by_name_ns(root, METADATA, "IDPSSODescriptor")?;
    let mut certificates = Vec::new();
    for key in doc.child_elements_by_name_ns(idp, METADATA, "KeyDescriptor") {
        if doc
            .get_attribute(key, "use")
            .is_some_and(|usage| usage != "signing")
        {
            continue;
        }
        let Some(info) = doc.first_child_element_by_name_ns(key, DSIG, "KeyInfo") else {
            continue;
        };
        for data in doc.child_elements_by_name_ns(info, DSIG, "X509Data") {
            for cert in doc.child_elements_by_name_ns(data, DSIG, "X509Certificate") {
                let der = decode_base64(&doc.text_content_deep(cert))?;
                Certificate::from_der(&der).ok()?;
                if !certificates.contains(&der) {
                    certificates.push(der);
                }
            }
        }
    }
    if certificates.is_empty() {
        return None;
    }
    Some(Metadata {
        entity_id,
        certificates,
        valid_until,
    })
}

/// What `AssumeRoleWithSAML` trusts a response against: its provider.
pub(crate) struct Trust<'a> {
    /// The issuer responses must name.
    pub(crate) entity_id: &'a str,
    /// The certificates whose keys may sign.
    pub(crate) certificates: &'a [Vec<u8>],
    /// The PEM RSA private keys that decrypt an `EncryptedAssertion`.
    pub(crate) private_keys: &'a [String],
    /// Whether only encrypted assertions are accepted (`AssertionEncryptionMode=Required`).
    pub(crate) encryption_required: bool,
    /// The provider's `SAMLProviderUUID`: a recipient of the form `…/saml/acs/ID` must name
    /// it, and one is required when assertions must be encrypted.
    pub(crate) uuid: &'a str,
}

/// A response whose signature verified, with what its one assertion says.
#[derive(Debug, Clone)]
pub(crate) struct VerifiedResponse {
    /// The assertion's `Issuer`.
    pub(crate) issuer: String,
    /// The `NameID`.
    pub(crate) subject: String,
    /// The `NameID`'s format, as AWS answers it (`persistent`, `transient`, or the full URI).
    pub(crate) subject_type: String,
    /// The `Recipient` of the bearer confirmation.
    pub(crate) recipient: String,
    /// The `AuthnStatement`'s `SessionNotOnOrAfter`, which caps the session.
    pub(crate) session_not_on_or_after: Option<OffsetDateTime>,
    /// Every attribute, by `Name`, with its values in order.
    pub(crate) attributes: Vec<(String, Vec<String>)>,
}

impl VerifiedResponse {
    /// The values of the attribute named `name`.
    pub(crate) fn attribute(&self, name: &str) -> Option<&[String]> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, values)| values.as_slice())
    }
}

/// The answer to a document that is no SAML response.
fn malformed() -> ApiError {
    ApiError::InvalidIdentityToken("Invalid SAML response".to_owned())
}

/// The answer to a signature that does not verify (or is missing, or is misplaced).
fn bad_signature() -> ApiError {
    ApiError::InvalidIdentityToken("Response signature invalid".to_owned())
}

/// The XML Encryption namespace (`xenc:`).
const XENC: &str = "http://www.w3.org/2001/04/xmlenc#";

/// Verifies a base64 SAML response (`SAMLAssertion`) at `now` and reads its assertion, after
/// decrypting it when it is an `EncryptedAssertion`.
pub(crate) fn verify_response(
    encoded: &str,
    trust: &Trust<'_>,
    now: OffsetDateTime,
) -> Result<VerifiedResponse, ApiError> {
    let bytes = decode_base64(encoded).ok_or_else(malformed)?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let doc = parse_xml(&text).ok_or_else(malformed)?;
    let response = doc.document_element().ok_or_else(malformed)?;
    if !is(&doc, response, PROTOCOL, "Response") {
        return Err(malformed());
    }
    check_status(&doc, response)?;
    check_destination(&doc, response)?;
    let plain = named(&doc, response, ASSERTION, "Assertion");
    let encrypted = named(&doc, response, ASSERTION, "EncryptedAssertion");
    match (plain.as_slice(), encrypted.as_slice()) {
        ([assertion], []) if doc.parent(*assertion) == Some(response) => {
            if trust.encryption_required {
                return Err(ApiError::InvalidIdentityToken(
                    "The SAML provider requires encrypted assertions".to_owned(),
                ));
            }
            check_signatures(&doc, &[response, *assertion], trust.certificates, true)?;
            read_assertion(&doc, *assertion, trust, now)
        }
        ([], [wrapper]) if doc.parent(*wrapper) == Some(response) => {
            let response_signed = check_signatures(&doc, &[response], trust.certificates, false)?;
            let decrypted_text = decrypt(&doc, *wrapper, &text, trust.private_keys)?;
            let mut decrypted = parse_xml(&decrypted_text).ok_or_else(malformed)?;
            let response = decrypted.document_element().ok_or_else(malformed)?;
            // The response's own signature was verified over the ciphertext above.
            for signature in decrypted.child_elements_by_name_ns(response, DSIG, "Signature") {
                decrypted.detach(signature);
            }
            let assertion = decrypted_assertion(&decrypted, response)?;
            check_signatures(
                &decrypted,
                &[assertion],
                trust.certificates,
                !response_signed,
            )?;
            read_assertion(&decrypted, assertion, trust, now)
        }
        ([], []) => Err(ApiError::InvalidIdentityToken(
            "No SAML assertion found in the response".to_owned(),
        )),
        _ => Err(bad_signature()),
    }
}

/// The descendants of `node` that are the element `local` of `namespace`.
fn named(doc: &Document<'_>, node: NodeId, namespace: &str, local: &str) -> Vec<NodeId> {
    doc.descendants(node)
        .into_iter()
        .filter(|&n| is(doc, n, namespace, local))
        .collect()
}

/// Decrypts the one `EncryptedData` of the `EncryptedAssertion` with the provider's keys.
fn decrypt(
    doc: &Document<'_>,
    wrapper: NodeId,
    text: &str,
    private_keys: &[String],
) -> Result<String, ApiError> {
    let cannot =
        || ApiError::InvalidIdentityToken("Unable to decrypt the SAML assertion".to_owned());
    let root = doc.document_element().ok_or_else(malformed)?;
    let encrypted_data = named(doc, root, XENC, "EncryptedData");
    let [data] = encrypted_data.as_slice() else {
        return Err(cannot());
    };
    if doc.parent(*data) != Some(wrapper) || private_keys.is_empty() {
        return Err(cannot());
    }
    let mut keys = KeysManager::new();
    for pem in private_keys {
        let key =
            bergshamra_keys::loader::load_rsa_private_pem(pem.as_bytes()).map_err(|_| cannot())?;
        keys.add_key(key);
    }
    let ctx = bergshamra_enc::EncContext::new(keys);
    bergshamra_enc::decrypt::decrypt(&ctx, text).map_err(|_| cannot())
}

/// The decrypted document's one assertion, which must sit in the `EncryptedAssertion` that
/// held it, a child of the response, with nothing left encrypted.
fn decrypted_assertion(doc: &Document<'_>, response: NodeId) -> Result<NodeId, ApiError> {
    let assertions = named(doc, response, ASSERTION, "Assertion");
    let wrappers = named(doc, response, ASSERTION, "EncryptedAssertion");
    let still_encrypted = named(doc, response, XENC, "EncryptedData");
    match (assertions.as_slice(), wrappers.as_slice()) {
        ([assertion], [wrapper])
            if still_encrypted.is_empty()
                && doc.parent(*assertion) == Some(*wrapper)
                && doc.parent(*wrapper) == Some(response) =>
        {
            Ok(*assertion)
        }
        _ => Err(bad_signature()),
    }
}

/// A `Destination`, when the response names one, must be an AWS sign-in endpoint.
fn check_destination(doc: &Document<'_>, response: NodeId) -> Result<(), ApiError> {
    match doc.get_attribute(response, "Destination") {
        Some(destination) if !is_sign_in_endpoint(destination) => {
            Err(ApiError::InvalidIdentityToken(
                "Invalid SAML response: the Destination is not an AWS sign-in endpoint".to_owned(),
            ))
        }
        _ => Ok(()),
    }
}

/// Every signature of the document verifies with a provider key, sits on one of `signed`
/// (the response, the assertion) and signs exactly that element. Returns whether there was
/// one; `required` refuses a document without any.
fn check_signatures(
    doc: &Document<'_>,
    signed: &[NodeId],
    certificates: &[Vec<u8>],
    required: bool,
) -> Result<bool, ApiError> {
    let root = doc.document_element().ok_or_else(malformed)?;
    if named(doc, root, DSIG, "Signature").is_empty() {
        return if required {
            Err(bad_signature())
        } else {
            Ok(false)
        };
    }
    let mut keys = KeysManager::new();
    for der in certificates {
        let key = bergshamra_keys::loader::load_x509_cert_der(der).map_err(|_| bad_signature())?;
        keys.add_key(key);
    }
    let ctx = DsigContext::new(keys);
    let results =
        bergshamra_dsig::verify::verify_all_document(&ctx, doc).map_err(|_| bad_signature())?;
    if results.is_empty() {
        return Err(bad_signature());
    }
    for result in results {
        let VerifyResult::Valid {
            signature_node,
            references,
            ..
        } = result
        else {
            return Err(bad_signature());
        };
        let parent = doc.parent(signature_node).ok_or_else(bad_signature)?;
        let signs_parent = matches!(references.as_slice(),
            [reference] if reference.resolved_node == Some(parent) && reference.digest_verified);
        if !signed.contains(&parent) || !signs_parent || !plain_transforms(doc, signature_node) {
            return Err(bad_signature());
        }
    }
    Ok(true)
}

/// Whether every transform of the signature's references is one SAML uses.
fn plain_transforms(doc: &Document<'_>, signature: NodeId) -> bool {
    doc.descendants(signature)
        .into_iter()
        .filter(|&n| is(doc, n, DSIG, "Transform"))
        .all(|n| {
            doc.get_attribute(n, "Algorithm")
                .is_some_and(|a| ALLOWED_TRANSFORMS.contains(&a))
        })
}

/// A response whose status is not `Success` is the IdP refusing the user.
fn check_status(doc: &Document<'_>, response: NodeId) -> Result<(), ApiError> {
    let code = doc
        .first_child_element_by_name_ns(response, PROTOCOL, "Status")
        .and_then(|s| doc.first_child_element_by_name_ns(s, PROTOCOL, "StatusCode"))
        .and_then(|c| doc.get_attribute(c, "Value"));
    match code {
        Some(SUCCESS) | None => Ok(()),
        Some(_) => Err(ApiError::IdpRejectedClaim(
            "The identity provider (IdP) reported that authentication failed.".to_owned(),
        )),
    }
}

/// Whether `url` is an AWS sign-in SAML endpoint: the global one, a regional one, or either
/// with the provider's `/acs/` identifier.
pub(crate) fn is_sign_in_endpoint(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host_ok = host == "signin.aws.amazon.com"
        || host
            .strip_suffix(".signin.aws.amazon.com")
            .is_some_and(|region| {
                !region.is_empty()
                    && region
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
    let path_ok = path == "saml"
        || path
            .strip_prefix("saml/acs/")
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()));
    host_ok && path_ok
}

/// Reads the verified assertion, checking its issuer, times, audience and recipient.
fn read_assertion(
    doc: &Document<'_>,
    assertion: NodeId,
    trust: &Trust<'_>,
    now: OffsetDateTime,
) -> Result<VerifiedResponse, ApiError> {
    let issuer = doc
        .first_child_element_by_name_ns(assertion, ASSERTION, "Issuer")
        .map(|i| doc.text_content_deep(i).trim().to_owned())
        .ok_or_else(malformed)?;
    if issuer != trust.entity_id {
        return Err(ApiError::InvalidIdentityToken(
            "Issuer not present in specified provider".to_owned(),
        ));
    }
    let subject = doc
        .first_child_element_by_name_ns(assertion, ASSERTION, "Subject")
        .ok_or_else(malformed)?;
    let name_id = doc
        .first_child_element_by_name_ns(subject, ASSERTION, "NameID")
        .ok_or_else(malformed)?;
    let subject_name = doc.text_content_deep(name_id).trim().to_owned();
    let format = doc
        .get_attribute(name_id, "Format")
        .unwrap_or(UNSPECIFIED_FORMAT);
    let subject_type = format
        .strip_prefix(NAME_ID_FORMAT_PREFIX)
        .unwrap_or(format)
        .to_owned();
    let recipient = bearer_recipient(doc, subject, trust, now)?;
    check_conditions(doc, assertion, now)?;
    let session_not_on_or_after = match doc
        .first_child_element_by_name_ns(assertion, ASSERTION, "AuthnStatement")
        .and_then(|a| doc.get_attribute(a, "SessionNotOnOrAfter"))
    {
        Some(text) => Some(parse_time(text).ok_or_else(malformed)?),
        None => None,
    };
    if session_not_on_or_after.is_some_and(|end| now >= end + CLOCK_SKEW) {
        return Err(expired());
    }
    Ok(VerifiedResponse {
        issuer,
        subject: subject_name,
        subject_type,
        recipient,
        session_not_on_or_after,
        attributes: attributes(doc, assertion),
    })
}

/// The answer to an assertion used after its time.
fn expired() -> ApiError {
    ApiError::ExpiredTokenException("Token must be redeemed within 5 minutes of issuance".into())
}

/// The `Recipient` of the subject's one bearer confirmation, whose `NotOnOrAfter` has not
/// passed and whose recipient is an AWS sign-in endpoint.
fn bearer_recipient(
    doc: &Document<'_>,
    subject: NodeId,
    trust: &Trust<'_>,
    now: OffsetDateTime,
) -> Result<String, ApiError> {
    let confirmations = doc.child_elements_by_name_ns(subject, ASSERTION, "SubjectConfirmation");
    let [confirmation] = confirmations.as_slice() else {
        return Err(ApiError::InvalidIdentityToken(
            "The SAML assertion must have exactly one SubjectConfirmation".to_owned(),
        ));
    };
    let data = doc
        .first_child_element_by_name_ns(*confirmation, ASSERTION, "SubjectConfirmationData")
        .ok_or_else(malformed)?;
    let not_on_or_after = doc
        .get_attribute(data, "NotOnOrAfter")
        .and_then(parse_time)
        .ok_or_else(malformed)?;
    if now >= not_on_or_after + CLOCK_SKEW {
        return Err(expired());
    }
    if let Some(not_before) = doc.get_attribute(data, "NotBefore") {
        let not_before = parse_time(not_before).ok_or_else(malformed)?;
        if now + CLOCK_SKEW < not_before {
            return Err(not_yet_valid());
        }
    }
    let recipient = doc.get_attribute(data, "Recipient").ok_or_else(malformed)?;
    let acs_id = recipient.split_once("/saml/acs/").map(|(_, id)| id);
    let names_provider = match acs_id {
        Some(id) => id == trust.uuid,
        None => !trust.encryption_required,
    };
    if !is_sign_in_endpoint(recipient) || !names_provider {
        return Err(ApiError::InvalidIdentityToken(
            "Invalid SAML response: the Recipient is not an AWS sign-in endpoint".to_owned(),
        ));
    }
    Ok(recipient.to_owned())
}

/// The answer to an assertion used before its `NotBefore`.
fn not_yet_valid() -> ApiError {
    ApiError::InvalidIdentityToken("The SAML assertion is not yet valid".to_owned())
}

/// The assertion's `Conditions`: its validity window and an audience AWS accepts.
fn check_conditions(
    doc: &Document<'_>,
    assertion: NodeId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let Some(conditions) = doc.first_child_element_by_name_ns(assertion, ASSERTION, "Conditions")
    else {
        return Err(wrong_audience());
    };
    if let Some(text) = doc.get_attribute(conditions, "NotOnOrAfter") {
        let end = parse_time(text).ok_or_else(malformed)?;
        if now >= end + CLOCK_SKEW {
            return Err(expired());
        }
    }
    if let Some(text) = doc.get_attribute(conditions, "NotBefore") {
        let start = parse_time(text).ok_or_else(malformed)?;
        if now + CLOCK_SKEW < start {
            return Err(not_yet_valid());
        }
    }
    let restrictions = doc.child_elements_by_name_ns(conditions, ASSERTION, "AudienceRestriction");
    if restrictions.is_empty() {
        return Err(wrong_audience());
    }
    // Every restriction must be met (SAML core, 2.5.1.4): each names an AWS audience.
    let accepted = restrictions.iter().all(|&restriction| {
        doc.child_elements_by_name_ns(restriction, ASSERTION, "Audience")
            .into_iter()
            .any(|a| is_aws_audience(doc.text_content_deep(a).trim()))
    });
    if accepted {
        Ok(())
    } else {
        Err(wrong_audience())
    }
}

/// Whether an `Audience` is AWS: its SAML URN or a sign-in endpoint.
fn is_aws_audience(audience: &str) -> bool {
    AWS_AUDIENCES.contains(&audience)
        || (is_sign_in_endpoint(audience) && !audience.contains("/acs/"))
}

/// The answer to an assertion meant for someone other than AWS.
fn wrong_audience() -> ApiError {
    ApiError::InvalidIdentityToken("Invalid SAML response: audience is not AWS".to_owned())
}

/// Every `Attribute` of the assertion's attribute statements, values read whole.
fn attributes(doc: &Document<'_>, assertion: NodeId) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for statement in doc.child_elements_by_name_ns(assertion, ASSERTION, "AttributeStatement") {
        for attribute in doc.child_elements_by_name_ns(statement, ASSERTION, "Attribute") {
            let Some(name) = doc.get_attribute(attribute, "Name") else {
                continue;
            };
            let values: Vec<String> = doc
                .child_elements_by_name_ns(attribute, ASSERTION, "AttributeValue")
                .into_iter()
                .map(|v| doc.text_content_deep(v).trim().to_owned())
                .collect();
            match out.iter_mut().find(|(n, _)| n == name) {
                Some((_, existing)) => existing.extend(values),
                None => out.push((name.to_owned(), values)),
            }
        }
    }
    out
}

/// Parses XML, refusing any DTD.
fn parse_xml(text: &str) -> Option<Document<'_>> {
    uppsala::Parser::new()
        .with_forbid_dtd(true)
        .with_forbid_entities(true)
        .parse(text)
        .ok()
}

/// Whether `node` is the element `local` of namespace `namespace`.
fn is(doc: &Document<'_>, node: NodeId, namespace: &str, local: &str) -> bool {
    doc.element(node)
        .is_some_and(|e| e.matches_name_ns(namespace, local))
}

/// An `xs:dateTime` as SAML writes it (UTC, `Z`, optional fraction).
fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text.trim(), &Rfc3339).ok()
}

/// Base64 with any whitespace (line breaks in PEM-style bodies) ignored.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let compact: Cow<'_, str> = if text.bytes().any(|b| b.is_ascii_whitespace()) {
        Cow::Owned(text.split_ascii_whitespace().collect())
    } else {
        Cow::Borrowed(text)
    };
    BASE64.decode(compact.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_endpoints_are_the_global_and_regional_ones() {
        for url in [
            "https://signin.aws.amazon.com/saml",
            "https://eu-west-1.signin.aws.amazon.com/saml",
            "https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46",
        ] {
            assert!(is_sign_in_endpoint(url), "{url}");
        }
        for url in [
            "http://signin.aws.amazon.com/saml",
            "https://signin.aws.amazon.com.evil.com/saml",
            "https://evil.com/signin.aws.amazon.com/saml",
            "https://signin.aws.amazon.com/saml/other",
            "https://.signin.aws.amazon.com/saml",
        ] {
            assert!(!is_sign_in_endpoint(url), "{url}");
        }
    }

    #[test]
    fn audiences_are_aws_ones() {
        assert!(is_aws_audience("urn:amazon:webservices"));
        assert!(is_aws_audience("https://signin.aws.amazon.com/saml"));
        assert!(is_aws_audience(
            "https://us-east-2.signin.aws.amazon.com/saml"
        ));
        assert!(!is_aws_audience("https://sp.example.com/saml"));
    }

    #[test]
    fn metadata_without_a_signing_certificate_is_refused() {
        let text = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>"#;
        assert_eq!(parse_metadata(text), None);
        assert_eq!(parse_metadata("<!DOCTYPE x><x/>"), None);
        assert_eq!(parse_metadata("not xml"), None);
    }

    #[test]
    fn responses_that_are_not_saml_are_malformed() {
        let trust = Trust {
            entity_id: "https://idp.example.com",
            certificates: &[],
            private_keys: &[],
            encryption_required: false,
            uuid: "SSPUUIDAAAAAAAAAAAAAAAAA",
        };
        let now = OffsetDateTime::now_utc();
        for text in ["", "%%%", "PHg+PC94Pg=="] {
            let err = verify_response(text, &trust, now).unwrap_err();
            assert_eq!(err.code(), "InvalidIdentityToken", "{text}");
        }
    }
}
