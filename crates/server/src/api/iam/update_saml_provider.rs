//! `UpdateSAMLProvider`: a new metadata document, an assertion encryption mode, or one private
//! key added or removed — with IAM's rules: something must change, a key is added or removed
//! but not both, two keys at most, and `Required` encryption always keeps a key.

use keyward_aws_model::generated::iam::{input::UpdateSAMLProviderInput, operation};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::now_seconds;
use super::shared::saml::{
    check_private_key, load_provider, metadata, metadata_attributes, not_found, seal_private_key,
    too_many_private_keys, MAX_PRIVATE_KEYS, WRITES,
};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::saml::Metadata;
use crate::authz::{Authorization, Resource};
use crate::directory::saml::{private_keys, private_keys_attribute, ENCRYPTION_MODE, PRIVATE_KEYS};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateSAMLProvider {
    arn: String,
    document: Option<(String, Metadata)>,
    encryption_mode: Option<String>,
    add_private_key: Option<String>,
    remove_private_key: Option<String>,
}

impl Operation for UpdateSAMLProvider {
    type Input = UpdateSAMLProviderInput;
    const NAME: &'static str = operation::UPDATE_SAML_PROVIDER;

    fn new(input: UpdateSAMLProviderInput) -> Result<Self, ApiError> {
        if input.saml_metadata_document.is_none()
            && input.assertion_encryption_mode.is_none()
            && input.add_private_key.is_none()
            && input.remove_private_key.is_none()
        {
            return Err(ApiError::InvalidInput(
                "Unable to update identity provider. No updates are defined for metadata or \
                 encryption assertion."
                    .into(),
            ));
        }
        if input.add_private_key.is_some() && input.remove_private_key.is_some() {
            return Err(ApiError::InvalidInput(
                "Unable to add and remove private keys in the same request. Set a value for \
                 only one of the two parameters."
                    .into(),
            ));
        }
        let document = match input.saml_metadata_document {
            Some(text) => {
                let parsed = metadata(&text)?;
                Some((text, parsed))
            }
            None => None,
        };
        if let Some(key) = &input.add_private_key {
            check_private_key(key)?;
        }
        Ok(UpdateSAMLProvider {
            arn: input.saml_provider_arn,
            document,
            encryption_mode: input.assertion_encryption_mode,
            add_private_key: input.add_private_key,
            remove_private_key: input.remove_private_key,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(self.arn.clone())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let now = now_seconds();
        let _writing = WRITES.lock().await;
        let provider = load_provider(state, &self.arn).await?;
        let mut keys = private_keys(&provider);
        let mode = self
            .encryption_mode
            .clone()
            .or_else(|| provider.attribute(ENCRYPTION_MODE).map(str::to_owned));
        let required = mode.as_deref() == Some("Required");
        if let Some(pem) = &self.add_private_key {
            if keys.len() >= MAX_PRIVATE_KEYS {
                return Err(too_many_private_keys());
            }
            keys.push(seal_private_key(state, &provider.id, pem, now)?);
        }
        if let Some(id) = &self.remove_private_key {
            let position = keys.iter().position(|k| &k.id == id);
            match position {
                Some(i) if !(required && keys.len() == 1) => {
                    keys.remove(i);
                }
                _ => {
                    return Err(ApiError::InvalidInput(
                        "Failed to remove private key.".into(),
                    ))
                }
            }
        }
        if required && keys.is_empty() {
            return Err(ApiError::InvalidInput(
                "Failed to set assertion encryption mode to Required because no private key \
                 is present."
                    .into(),
            ));
        }
        let mut attributes: Vec<(String, Option<String>)> = Vec::new();
        if let Some((text, parsed)) = &self.document {
            attributes.extend(
                metadata_attributes(text, parsed, now)
                    .into_iter()
                    .map(|(k, v)| (k, Some(v))),
            );
        }
        if let Some(mode) = self.encryption_mode {
            attributes.push((ENCRYPTION_MODE.into(), Some(mode)));
        }
        if self.add_private_key.is_some() || self.remove_private_key.is_some() {
            let value = (!keys.is_empty()).then(|| private_keys_attribute(&keys));
            attributes.push((PRIVATE_KEYS.into(), value));
        }
        let update = EntityUpdate {
            attributes,
            ..EntityUpdate::default()
        };
        match state
            .store
            .update_entity(EntityKind::SamlProvider, &provider.name, &update)
            .await
        {
            Ok(_) => {}
            Err(StoreError::NotFound) => return Err(not_found(&self.arn)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        Ok(Some(Element::parent(
            "UpdateSAMLProviderResult",
            vec![Element::text(
                "SAMLProviderArn",
                arn::saml_provider(&state.account, &provider.name),
            )],
        )))
    }
}
