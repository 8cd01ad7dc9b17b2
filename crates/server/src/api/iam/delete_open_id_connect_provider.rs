//! `DeleteOpenIDConnectProvider`: removes a provider; one that does not exist is no error.

use keyward_aws_model::generated::iam::{input::DeleteOpenIDConnectProviderInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::oidc::name_from_arn;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteOpenIDConnectProvider(DeleteOpenIDConnectProviderInput);

impl Operation for DeleteOpenIDConnectProvider {
    type Input = DeleteOpenIDConnectProviderInput;
    const NAME: &'static str = operation::DELETE_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: DeleteOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        Ok(DeleteOpenIDConnectProvider(input))
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
        let Some(name) = name_from_arn(state, &self.0.open_id_connect_provider_arn) else {
            return Ok(None);
        };
        match state
            .store
            .delete_entity(EntityKind::OidcProvider, name)
            .await
        {
            Ok(_) | Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
