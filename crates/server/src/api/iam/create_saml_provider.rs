//! `CreateSAMLProvider`: a SAML 2.0 identity provider `AssumeRoleWithSAML` can trust, from its
//! metadata document, with an optional private key for encrypted assertions and tags.

use keyward_aws_model::generated::iam::{input::CreateSAMLProviderInput, operation};
use keyward_store::{Entity, EntityKind, StoreError, Tag};

use super::shared::saml::{
    check_private_key, metadata, metadata_attributes, new_uuid, seal_private_key, MAX_PROVIDERS,
    WRITES,
};
use super::shared::tags;
use super::shared::{now_seconds, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::saml::Metadata;
use crate::authz::{Authorization, Resource};
use crate::directory::all_entities;
use crate::directory::saml::{private_keys_attribute, ENCRYPTION_MODE, PRIVATE_KEYS, UUID};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateSAMLProvider {
    name: String,
    document: String,
    metadata: Metadata,
    encryption_mode: Option<String>,
    private_key: Option<String>,
    tags: Vec<Tag>,
}

impl Operation for CreateSAMLProvider {
    type Input = CreateSAMLProviderInput;
    const NAME: &'static str = operation::CREATE_SAML_PROVIDER;

    fn new(input: CreateSAMLProviderInput) -> Result<Self, ApiError> {
        let metadata = metadata(&input.saml_metadata_document)?;
        if let Some(key) = &input.add_private_key {
            check_private_key(key)?;
        }
        if input.assertion_encryption_mode.as_deref() == Some("Required")
            && input.add_private_key.is_none()
        {
            return Err(ApiError::InvalidInput(
                "Unable to set assertion encryption mode to Required because no private key is \
                 provided."
                    .into(),
            ));
        }
        Ok(CreateSAMLProvider {
            name: input.name,
            document: input.saml_metadata_document,
            metadata,
            encryption_mode: input.assertion_encryption_mode,
            private_key: input.add_private_key,
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = arn::saml_provider(&ctx.state.account, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let now = now_seconds();
        let mut provider = Entity {
            kind: EntityKind::SamlProvider,
            id: ids::prefixed("ASPA"),
            name: self.name,
            path: "/".into(),
            create_date: now,
            attributes: Default::default(),
        };
        provider
            .attributes
            .extend(metadata_attributes(&self.document, &self.metadata, now));
        provider.attributes.insert(UUID.into(), new_uuid());
        if let Some(mode) = self.encryption_mode {
            provider.attributes.insert(ENCRYPTION_MODE.into(), mode);
        }
        if let Some(pem) = &self.private_key {
            let key = seal_private_key(state, &provider.id, pem, now)?;
            provider
                .attributes
                .insert(PRIVATE_KEYS.into(), private_keys_attribute(&[key]));
        }
        let _writing = WRITES.lock().await;
        if all_entities(state, EntityKind::SamlProvider, "/")
            .await?
            .len()
            >= MAX_PROVIDERS
        {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for SAMLProvidersPerAccount: {MAX_PROVIDERS}"
            )));
        }
        match state
            .store
            .create_entity(&provider, &self.tags, &[], &[])
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::EntityAlreadyExists(format!(
                    "SAMLProvider {} already exists",
                    provider.name
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let arn = arn::saml_provider(&state.account, &provider.name);
        let mut fields = vec![Element::text("SAMLProviderArn", arn)];
        if !self.tags.is_empty() {
            fields.push(tags_element(&self.tags));
        }
        Ok(Some(Element::parent("CreateSAMLProviderResult", fields)))
    }
}
