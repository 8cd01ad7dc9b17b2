//! SAML federation through the AWS SDK for Rust: a SAML provider's lifecycle, and
//! `AssumeRoleWithSAML` with a response signed by a test IdP (the fixtures' key) — accepted,
//! then refused once a byte of what was signed changes.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use bergshamra_dsig::sign::{sign_enveloped_document, EnvelopedSignatureOptions};
use bergshamra_dsig::DsigContext;
use bergshamra_keys::KeysManager;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::common::{code_and_message, Server, ROOT_KEY, ROOT_SECRET};

const IDP_KEY: &str = include_str!("fixtures/saml-idp-key.pem");
const IDP_CERT: &str = include_str!("fixtures/saml-idp-cert.pem");
const ENTITY_ID: &str = "https://idp.keyward.test/saml";
const ACCOUNT: &str = "123456789012";

fn metadata() -> String {
    let body: String = IDP_CERT
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    format!(
        r#"<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{ENTITY_ID}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.keyward.test/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>"#
    )
}

/// A response for `role,provider`, signed at the response level, base64.
fn signed_response(role: &str, provider: &str, subject: &str) -> String {
    let now = OffsetDateTime::now_utc();
    let at = |t: OffsetDateTime| t.replace_nanosecond(0).unwrap().format(&Rfc3339).unwrap();
    let (issued, end) = (at(now), at(now + Duration::minutes(5)));
    let xml = format!(
        r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp1" Version="2.0" IssueInstant="{issued}" Destination="https://signin.aws.amazon.com/saml"><saml:Issuer>{ENTITY_ID}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_assert1" Version="2.0" IssueInstant="{issued}"><saml:Issuer>{ENTITY_ID}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">{subject}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{end}" Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{issued}" NotOnOrAfter="{end}"><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="{issued}"/><saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>{role},{provider}</saml:AttributeValue></saml:Attribute><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>rust-sdk</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>"#
    );
    let mut doc = uppsala::parse(&xml).unwrap();
    let mut keys = KeysManager::new();
    keys.add_key(bergshamra_keys::loader::load_rsa_private_pem(IDP_KEY.as_bytes()).unwrap());
    let options = EnvelopedSignatureOptions::new(
        Some("_resp1"),
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        "http://www.w3.org/2001/04/xmlenc#sha256",
        "http://www.w3.org/2001/10/xml-exc-c14n#",
        Some(""),
    );
    sign_enveloped_document(&DsigContext::new(keys), &mut doc, options).unwrap();
    BASE64.encode(doc.to_xml())
}

#[tokio::test]
async fn saml_provider_lifecycle_and_assume_role_with_saml() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let iam = server.iam(ROOT_KEY, ROOT_SECRET);
    let sts = server.sts(ROOT_KEY, ROOT_SECRET);

    let created = iam
        .create_saml_provider()
        .name("KeywardIdp")
        .saml_metadata_document(metadata())
        .tags(
            aws_sdk_iam::types::Tag::builder()
                .key("team")
                .value("id")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let provider = created.saml_provider_arn().unwrap().to_owned();
    assert_eq!(
        provider,
        format!("arn:aws:iam::{ACCOUNT}:saml-provider/KeywardIdp")
    );
    let got = iam
        .get_saml_provider()
        .saml_provider_arn(&provider)
        .send()
        .await
        .unwrap();
    assert_eq!(got.saml_metadata_document(), Some(metadata().as_str()));
    assert!(got.valid_until().unwrap().secs() > got.create_date().unwrap().secs());
    let listed = iam.list_saml_providers().send().await.unwrap();
    assert_eq!(listed.saml_provider_list().len(), 1);
    iam.update_saml_provider()
        .saml_provider_arn(&provider)
        .saml_metadata_document(metadata())
        .send()
        .await
        .unwrap();
    iam.tag_saml_provider()
        .saml_provider_arn(&provider)
        .tags(
            aws_sdk_iam::types::Tag::builder()
                .key("env")
                .value("test")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    iam.untag_saml_provider()
        .saml_provider_arn(&provider)
        .tag_keys("team")
        .send()
        .await
        .unwrap();
    let tags = iam
        .list_saml_provider_tags()
        .saml_provider_arn(&provider)
        .send()
        .await
        .unwrap();
    assert_eq!(tags.tags().len(), 1);
    assert_eq!(tags.tags()[0].key(), "env");

    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"{provider}"}},"Action":"sts:AssumeRoleWithSAML","Condition":{{"StringEquals":{{"SAML:aud":"https://signin.aws.amazon.com/saml","saml:sub_type":"transient"}}}}}}]}}"#
    );
    let role = iam
        .create_role()
        .role_name("saml-role")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    let assertion = signed_response(role.arn(), &provider, "carol@keyward.test");
    let assumed = sts
        .assume_role_with_saml()
        .role_arn(role.arn())
        .principal_arn(&provider)
        .saml_assertion(&assertion)
        .send()
        .await
        .unwrap();
    assert_eq!(
        assumed.assumed_role_user().unwrap().arn(),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/saml-role/rust-sdk")
    );
    assert_eq!(assumed.subject(), Some("carol@keyward.test"));
    assert_eq!(assumed.subject_type(), Some("transient"));
    assert_eq!(assumed.issuer(), Some(ENTITY_ID));
    assert_eq!(
        assumed.audience(),
        Some("https://signin.aws.amazon.com/saml")
    );
    let creds = assumed.credentials().unwrap();
    assert!(creds.access_key_id().starts_with("ASIA"));
    assert_eq!(assumed.name_qualifier().map(str::len), Some(28));

    // One changed byte in what was signed: the signature no longer verifies.
    let xml = String::from_utf8(BASE64.decode(&assertion).unwrap()).unwrap();
    let tampered = BASE64.encode(xml.replace("carol@keyward.test", "carl@keyward.test"));
    let err = sts
        .assume_role_with_saml()
        .role_arn(role.arn())
        .principal_arn(&provider)
        .saml_assertion(tampered)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&err),
        (
            "InvalidIdentityToken".to_owned(),
            "Response signature invalid".to_owned()
        )
    );

    iam.delete_saml_provider()
        .saml_provider_arn(&provider)
        .send()
        .await
        .unwrap();
    let err = iam
        .get_saml_provider()
        .saml_provider_arn(&provider)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&err),
        (
            "NoSuchEntity".to_owned(),
            format!("Manifest not found for arn {provider}")
        )
    );
    server.stop().await;
}
