//! `DeleteSAMLProvider`: removes a provider, its keys and tags; roles that trust it stay.

use keyward_aws_model::generated::iam::{input::DeleteSAMLProviderInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::saml::{load_provider, not_found};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteSAMLProvider(DeleteSAMLProviderInput);

impl Operation for DeleteSAMLProvider {
    type Input = DeleteSAMLProviderInput;
    const NAME: &'static str = operation::DELETE_SAML_PROVIDER;

    fn new(input: DeleteSAMLProviderInput) -> Result<Self, ApiError> {
        Ok(DeleteSAMLProvider(input))
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
            .delete_entity(EntityKind::SamlProvider, &provider.name)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
