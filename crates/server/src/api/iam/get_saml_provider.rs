//! `GetSAMLProvider`: a provider's metadata document, dates, encryption settings and tags — its
//! private keys by id only.

use keyward_aws_model::generated::iam::{input::GetSAMLProviderInput, operation};
use keyward_store::EntityKind;

use super::shared::saml::{load_provider, private_key_list, valid_until};
use super::shared::{entity_tags, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::directory::saml::{private_keys, ENCRYPTION_MODE, METADATA, UUID};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetSAMLProvider(GetSAMLProviderInput);

impl Operation for GetSAMLProvider {
    type Input = GetSAMLProviderInput;
    const NAME: &'static str = operation::GET_SAML_PROVIDER;

    fn new(input: GetSAMLProviderInput) -> Result<Self, ApiError> {
        Ok(GetSAMLProvider(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = self.0.saml_provider_arn.clone();
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let provider = load_provider(state, &self.0.saml_provider_arn).await?;
        let mut fields = Vec::new();
        if let Some(uuid) = provider.attribute(UUID) {
            fields.push(Element::text("SAMLProviderUUID", uuid));
        }
        fields.push(Element::text(
            "SAMLMetadataDocument",
            provider.attribute(METADATA).unwrap_or_default(),
        ));
        fields.push(Element::time("CreateDate", provider.create_date));
        if let Some(until) = valid_until(&provider) {
            fields.push(Element::time("ValidUntil", until));
        }
        let tags = entity_tags(state, EntityKind::SamlProvider, &provider.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
        if let Some(mode) = provider.attribute(ENCRYPTION_MODE) {
            fields.push(Element::text("AssertionEncryptionMode", mode));
        }
        if !private_keys(&provider).is_empty() {
            fields.push(private_key_list(&provider));
        }
        Ok(Some(Element::parent("GetSAMLProviderResult", fields)))
    }
}
