//! `RemoveClientIDFromOpenIDConnectProvider`: drops an audience; one the provider does not
//! list is no error.

use keyward_aws_model::generated::iam::{
    input::RemoveClientIDFromOpenIDConnectProviderInput, operation,
};
use keyward_store::{EntityKind, EntityRef, RelationKind, StoreError};

use super::shared::oidc::load_provider;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RemoveClientIDFromOpenIDConnectProvider(
    RemoveClientIDFromOpenIDConnectProviderInput,
);

impl Operation for RemoveClientIDFromOpenIDConnectProvider {
    type Input = RemoveClientIDFromOpenIDConnectProviderInput;
    const NAME: &'static str = operation::REMOVE_CLIENT_ID_FROM_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: RemoveClientIDFromOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        Ok(RemoveClientIDFromOpenIDConnectProvider(input))
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
        let provider = load_provider(state, &self.0.open_id_connect_provider_arn).await?;
        let to = EntityRef::new(EntityKind::External, &self.0.client_id);
        match state
            .store
            .remove_relation(RelationKind::OidcClientId, &provider.reference(), Some(&to))
            .await
        {
            Ok(()) | Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
