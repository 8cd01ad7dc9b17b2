//! `AssumeRoleWithSAML`, which AWS serves unsigned: the SAML response must be signed by the
//! provider `PrincipalArn` names (see [`crate::auth::saml`] for every check), its `Role`
//! attribute must pair the requested role with that provider, and the role's trust policy then
//! decides with the assertion's `saml:` keys. The assertion's `RoleSessionName`,
//! `SourceIdentity`, `PrincipalTag:*` and `TransitiveTagKeys` attributes shape the session.
//!
//! The assertion is a credential: it never reaches a log, an error or the audit log (the model
//! marks `SAMLAssertion` sensitive, which the audit record honours).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_aws_model::generated::sts::{input::AssumeRoleWithSAMLInput, operation};
use keyward_policy::ContextValue;
use sha1::{Digest, Sha1};

use super::{
    check_role_arn, role_session_duration, role_session_result, session_policies, session_tags,
    SessionInput, SessionTags,
};
use crate::api::UnsignedOperation;
use crate::arn;
use crate::audit::UserIdentity;
use crate::auth::saml::{verify_response, Trust, VerifiedResponse};
use crate::auth::session::RoleSession;
use crate::authz::{compile, RequestFacts, Resource, TrustOnly};
use crate::directory::roles::{assumable_role, AssumableRole};
use crate::directory::saml::saml_provider;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The attributes AWS reads from an assertion.
const ROLE: &str = "https://aws.amazon.com/SAML/Attributes/Role";
const ROLE_SESSION_NAME: &str = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
const SOURCE_IDENTITY: &str = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";
const PRINCIPAL_TAG: &str = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
const TRANSITIVE_TAG_KEYS: &str = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";

/// The SAML attributes AWS maps to `saml:` condition keys ("Mapping SAML attributes to AWS
/// trust policy context keys", IAM User Guide): eduPerson, eduOrg and X.500 attributes by OID.
const MAPPED_ATTRIBUTES: &[(&str, &str)] = &[
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
        "saml:edupersonaffiliation",
    ),
    ("urn:oid:1.3.6.1.4.1.5923.1.1.1.2", "saml:edupersonnickname"),
    ("urn:oid:1.3.6.1.4.1.5923.1.1.1.3", "saml:edupersonorgdn"),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.4",
        "saml:edupersonorgunitdn",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.5",
        "saml:edupersonprimaryaffiliation",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.6",
        "saml:edupersonprincipalname",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.7",
        "saml:edupersonentitlement",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.8",
        "saml:edupersonprimaryorgunitdn",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
        "saml:edupersonscopedaffiliation",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.10",
        "saml:edupersontargetedid",
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.11",
        "saml:edupersonassurance",
    ),
    ("urn:oid:1.3.6.1.4.1.5923.1.2.1.2", "saml:eduorghomepageuri"),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.3",
        "saml:eduorgidentityauthnpolicyuri",
    ),
    ("urn:oid:1.3.6.1.4.1.5923.1.2.1.4", "saml:eduorglegalname"),
    ("urn:oid:1.3.6.1.4.1.5923.1.2.1.5", "saml:eduorgsuperioruri"),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.6",
        "saml:eduorgwhitepagesuri",
    ),
    ("urn:oid:2.5.4.3", "saml:cn"),
    ("urn:oid:2.5.4.42", "saml:givenName"),
    ("urn:oid:2.5.4.4", "saml:surname"),
    ("urn:oid:0.9.2342.19200300.100.1.3", "saml:mail"),
    ("urn:oid:0.9.2342.19200300.100.1.1", "saml:uid"),
];

/// Session tags one assertion may carry.
const MAX_SESSION_TAGS: usize = 50;

pub(crate) struct AssumeRoleWithSAML {
    input: AssumeRoleWithSAMLInput,
    session: SessionInput,
    /// What authorization verified.
    verified: Option<Verified>,
}

struct Verified {
    response: VerifiedResponse,
    name_qualifier: String,
    session_name: String,
    source_identity: Option<String>,
    tags: SessionTags,
    transitive_tag_keys: Vec<String>,
    role: Option<AssumableRole>,
    identity: UserIdentity,
}

/// The refusal AWS answers when the role's trust (or the assertion's `Role` attribute) does
/// not allow the request.
fn refusal() -> ApiError {
    ApiError::AccessDenied("Not authorized to perform sts:AssumeRoleWithSAML".to_owned())
}

/// Whether a `RoleSessionName` or `SourceIdentity` is 2–64 of `[\w+=,.@-]`.
fn is_session_name(text: &str) -> bool {
    (2..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}

/// `NameQualifier`: base64(SHA-1(issuer + account id + "/" + provider name)).
fn name_qualifier(issuer: &str, account: &str, provider: &str) -> String {
    let mut hash = Sha1::new();
    hash.update(issuer.as_bytes());
    hash.update(account.as_bytes());
    hash.update(b"/");
    hash.update(provider.as_bytes());
    BASE64.encode(hash.finalize())
}

/// Whether one value of the `Role` attribute pairs `role` with `provider` (in either order,
/// spaces ignored, as IdPs write it).
fn pairs(values: &[String], role: &str, provider: &str) -> bool {
    values.iter().any(|value| {
        let mut parts = value.split(',').map(str::trim);
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        (a == role && b == provider) || (a == provider && b == role)
    })
}

/// The session tags and transitive keys the assertion's attributes ask for.
fn assertion_tags(response: &VerifiedResponse) -> Result<(SessionTags, Vec<String>), ApiError> {
    let mut tags = SessionTags::new();
    for (name, values) in &response.attributes {
        let Some(key) = name.strip_prefix(PRINCIPAL_TAG) else {
            continue;
        };
        let value = values.first().cloned().unwrap_or_default();
        if key.is_empty() || key.chars().count() > 128 || value.chars().count() > 256 {
            return Err(ApiError::InvalidIdentityToken(format!(
                "Invalid PrincipalTag attribute {name} in AuthnResponse"
            )));
        }
        tags.push((key.to_owned(), value));
    }
    if tags.len() > MAX_SESSION_TAGS {
        return Err(ApiError::InvalidIdentityToken(format!(
            "The AuthnResponse carries more than {MAX_SESSION_TAGS} session tags"
        )));
    }
    let transitive = response
        .attribute(TRANSITIVE_TAG_KEYS)
        .unwrap_or_default()
        .to_vec();
    let input = SessionInput {
        tags,
        transitive_tag_keys: transitive,
        ..SessionInput::default()
    };
    session_tags(None, &input)
}

/// The condition keys an assertion brings to the trust policy.
fn saml_keys(
    response: &VerifiedResponse,
    doc: &str,
    name_qualifier: &str,
    provider_arn: &str,
) -> Vec<(String, ContextValue)> {
    let mut keys = vec![
        (
            "saml:aud".to_owned(),
            ContextValue::single(&response.recipient),
        ),
        (
            "saml:sub".to_owned(),
            ContextValue::single(&response.subject),
        ),
        (
            "saml:sub_type".to_owned(),
            ContextValue::single(&response.subject_type),
        ),
        (
            "saml:iss".to_owned(),
            ContextValue::single(&response.issuer),
        ),
        (
            "saml:namequalifier".to_owned(),
            ContextValue::single(name_qualifier),
        ),
        ("saml:doc".to_owned(), ContextValue::single(doc)),
        (
            "aws:FederatedProvider".to_owned(),
            ContextValue::single(provider_arn),
        ),
    ];
    for (attribute, key) in MAPPED_ATTRIBUTES {
        match response.attribute(attribute) {
            Some([one]) => keys.push(((*key).to_owned(), ContextValue::single(one))),
            Some(values) => keys.push(((*key).to_owned(), ContextValue::multiple(values.to_vec()))),
            None => {}
        }
    }
    keys
}

impl UnsignedOperation for AssumeRoleWithSAML {
    type Input = AssumeRoleWithSAMLInput;
    const NAME: &'static str = operation::ASSUME_ROLE_WITH_SAML;

    fn new(mut input: AssumeRoleWithSAMLInput) -> Result<Self, ApiError> {
        check_role_arn(&input.role_arn)?;
        let is_provider_arn = keyward_policy::Arn::parse(&input.principal_arn).is_ok_and(|a| {
            a.service() == "iam"
                && a.region().is_empty()
                && a.account().len() == 12
                && a.account().bytes().all(|b| b.is_ascii_digit())
                && a.resource().starts_with("saml-provider/")
        });
        if !is_provider_arn {
            return Err(ApiError::ValidationMessage(
                "Request ARN is invalid".to_owned(),
            ));
        }
        let session = SessionInput::new(input.policy.take(), input.policy_arns.take(), None, None);
        Ok(AssumeRoleWithSAML {
            input,
            session,
            verified: None,
        })
    }

    async fn authorization(
        &mut self,
        state: &AppState,
        facts: &RequestFacts,
    ) -> Result<TrustOnly, ApiError> {
        let no_provider =
            || ApiError::InvalidIdentityToken("Specified provider doesn't exist".to_owned());
        let provider_name = arn::saml_provider_name(&state.account, &self.input.principal_arn)
            .ok_or_else(no_provider)?;
        let provider = saml_provider(state, provider_name)
            .await?
            .ok_or_else(no_provider)?;
        let trust = Trust {
            entity_id: &provider.entity_id,
            certificates: &provider.certificates,
            private_keys: &provider.private_keys,
            encryption_required: provider.encryption_required,
            uuid: &provider.uuid,
        };
        let response = verify_response(&self.input.saml_assertion, &trust, state.clock.now())?;
        let provider_arn = arn::saml_provider(&state.account, &provider.name);
        let paired = response
            .attribute(ROLE)
            .is_some_and(|values| pairs(values, &self.input.role_arn, &provider_arn));
        if !paired {
            return Err(refusal());
        }
        let session_name = response
            .attribute(ROLE_SESSION_NAME)
            .and_then(|v| v.first())
            .filter(|name| is_session_name(name))
            .cloned()
            .ok_or_else(|| {
                ApiError::InvalidIdentityToken(
                    "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"
                        .to_owned(),
                )
            })?;
        let source_identity = match response.attribute(SOURCE_IDENTITY).and_then(|v| v.first()) {
            Some(value) if is_session_name(value) => Some(value.clone()),
            Some(_) => {
                return Err(ApiError::InvalidIdentityToken(
                    "SourceIdentity in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"
                        .to_owned(),
                ))
            }
            None => None,
        };
        let (tags, transitive_tag_keys) = assertion_tags(&response)?;
        let account = &state.account.0;
        let qualifier = name_qualifier(&response.issuer, account, &provider.name);
        let principal_id = format!("{qualifier}:{}", response.subject);
        let identity = UserIdentity {
            kind: "SAMLUser",
            principal_id: Some(principal_id.clone()),
            user_name: Some(response.subject.clone()),
            identity_provider: Some(qualifier.clone()),
            ..UserIdentity::default()
        };
        let mut facts = facts.clone();
        let doc = format!("{account}/{}", provider.name);
        facts
            .operation_keys
            .extend(saml_keys(&response, &doc, &qualifier, &provider_arn));
        facts.operation_keys.push((
            "sts:RoleSessionName".to_owned(),
            ContextValue::single(&session_name),
        ));
        let mut also = Vec::new();
        if let Some(source_identity) = &source_identity {
            facts.operation_keys.push((
                "sts:SourceIdentity".to_owned(),
                ContextValue::single(source_identity),
            ));
            also.push("sts:SetSourceIdentity");
        }
        if !tags.is_empty() {
            for (key, value) in &tags {
                facts
                    .operation_keys
                    .push((format!("aws:RequestTag/{key}"), ContextValue::single(value)));
            }
            facts.operation_keys.push((
                "aws:TagKeys".to_owned(),
                ContextValue::multiple(tags.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()),
            ));
            if !transitive_tag_keys.is_empty() {
                facts.operation_keys.push((
                    "sts:TransitiveTagKeys".to_owned(),
                    ContextValue::multiple(transitive_tag_keys.clone()),
                ));
            }
            also.push("sts:TagSession");
        }
        let role = assumable_role(state, &self.input.role_arn).await?;
        let trust_policy = role
            .as_ref()
            .map(|role| compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]));
        self.verified = Some(Verified {
            response,
            name_qualifier: qualifier,
            session_name,
            source_identity,
            tags,
            transitive_tag_keys,
            role,
            identity,
        });
        Ok(TrustOnly {
            principal: keyward_policy::Principal::web_identity(provider_arn),
            principal_id,
            role: Resource::arn(self.input.role_arn.clone()),
            trust: trust_policy.ok_or_else(refusal)?,
            facts,
            refusal: refusal(),
            also,
        })
    }

    fn identity(&self) -> Option<UserIdentity> {
        self.verified.as_ref().map(|v| v.identity.clone())
    }

    async fn handle(self, state: &AppState, _: &RequestFacts) -> Result<Option<Element>, ApiError> {
        let Verified {
            response,
            name_qualifier,
            session_name,
            source_identity,
            tags,
            transitive_tag_keys,
            role,
            ..
        } = self.verified.ok_or(ApiError::ServiceFailure)?;
        let role = role.ok_or(ApiError::ServiceFailure)?;
        let mut duration = role_session_duration(&role, self.input.duration_seconds, false)?;
        if let Some(end) = response.session_not_on_or_after {
            let left = (end - state.clock.now()).whole_seconds();
            duration = duration.min(left.max(1));
        }
        let (policies, packed) = session_policies(state, &self.session, &tags).await?;
        let entity = &role.role;
        let session = RoleSession {
            role_id: entity.id.clone(),
            role_name: entity.name.clone(),
            role_path: entity.path.clone(),
            session_name,
            policies,
            tags,
            transitive_tag_keys,
            source_identity: source_identity.clone(),
            chained: false,
        };
        let mut fields = role_session_result(state, session, duration, packed)?;
        fields.push(Element::text("Subject", &response.subject));
        fields.push(Element::text("SubjectType", &response.subject_type));
        fields.push(Element::text("Issuer", &response.issuer));
        fields.push(Element::text("Audience", &response.recipient));
        fields.push(Element::text("NameQualifier", name_qualifier));
        if let Some(source_identity) = source_identity {
            fields.push(Element::text("SourceIdentity", source_identity));
        }
        Ok(Some(Element::parent("AssumeRoleWithSAMLResult", fields)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_qualifier_is_aws_documented_hash() {
        // BASE64 ( SHA1 ( "https://example.com/saml" + "123456789012" + "/MySAMLIdP" ) )
        assert_eq!(
            name_qualifier("https://example.com/saml", "123456789012", "MySAMLIdP"),
            "1uAJanUnBc2XeUkHURMht+xam2c="
        );
    }

    #[test]
    fn role_values_pair_in_either_order() {
        let role = "arn:aws:iam::123456789012:role/r";
        let idp = "arn:aws:iam::123456789012:saml-provider/p";
        assert!(pairs(&[format!("{role},{idp}")], role, idp));
        assert!(pairs(&[format!("{idp}, {role}")], role, idp));
        assert!(!pairs(&[format!("{role},{idp},x")], role, idp));
        assert!(!pairs(&[role.to_owned()], role, idp));
        let other = "arn:aws:iam::123456789012:saml-provider/other";
        assert!(!pairs(&[format!("{role},{other}")], role, idp));
    }

    #[test]
    fn session_names_follow_aws_pattern() {
        assert!(is_session_name("alice@example.com"));
        assert!(!is_session_name("a"));
        assert!(!is_session_name("has space"));
        assert!(!is_session_name(&"x".repeat(65)));
    }
}
