//! `UntagOpenIDConnectProvider`: removes an OIDC provider's tags by key.

use keyward_aws_model::generated::iam::{input::UntagOpenIDConnectProviderInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::oidc::{load_provider, not_found};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagOpenIDConnectProvider(UntagOpenIDConnectProviderInput);

impl Operation for UntagOpenIDConnectProvider {
    type Input = UntagOpenIDConnectProviderInput;
    const NAME: &'static str = operation::UNTAG_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: UntagOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        // `TagKeys=` (an empty list) is present to the model, but IAM wants at least one key.
        if input.tag_keys.is_empty() {
            return Err(ApiError::validation_null("tagKeys"));
        }
        Ok(UntagOpenIDConnectProvider(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = self.0.open_id_connect_provider_arn.clone();
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let arn = &self.0.open_id_connect_provider_arn;
        let provider = load_provider(state, arn).await?;
        match state
            .store
            .untag_entity(EntityKind::OidcProvider, &provider.name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
