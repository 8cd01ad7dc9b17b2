//! `UntagSAMLProvider`: removes a SAML provider's tags by key.

use keyward_aws_model::generated::iam::{input::UntagSAMLProviderInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::saml::{load_provider, not_found};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagSAMLProvider(UntagSAMLProviderInput);

impl Operation for UntagSAMLProvider {
    type Input = UntagSAMLProviderInput;
    const NAME: &'static str = operation::UNTAG_SAML_PROVIDER;

    fn new(input: UntagSAMLProviderInput) -> Result<Self, ApiError> {
        // `TagKeys=` (an empty list) is present to the model, but IAM wants at least one key.
        if input.tag_keys.is_empty() {
            return Err(ApiError::validation_null("tagKeys"));
        }
        Ok(UntagSAMLProvider(input))
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
        let arn = &self.0.saml_provider_arn;
        let provider = load_provider(state, arn).await?;
        match state
            .store
            .untag_entity(EntityKind::SamlProvider, &provider.name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
