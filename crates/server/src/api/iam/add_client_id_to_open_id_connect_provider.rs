//! `AddClientIDToOpenIDConnectProvider`: one more audience a provider's tokens may name,
//! within IAM's quota.

use keyward_aws_model::generated::iam::{
    input::AddClientIDToOpenIDConnectProviderInput, operation,
};
use keyward_store::{EntityKind, EntityRef, RelationKind, RelationLimit, StoreError, WhenFull};

use super::shared::oidc::{load_provider, not_found, too_many_clients, MAX_CLIENT_IDS};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AddClientIDToOpenIDConnectProvider(AddClientIDToOpenIDConnectProviderInput);

impl Operation for AddClientIDToOpenIDConnectProvider {
    type Input = AddClientIDToOpenIDConnectProviderInput;
    const NAME: &'static str = operation::ADD_CLIENT_ID_TO_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: AddClientIDToOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        Ok(AddClientIDToOpenIDConnectProvider(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = self.0.open_id_connect_provider_arn.clone();
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let AddClientIDToOpenIDConnectProviderInput {
            open_id_connect_provider_arn: arn,
            client_id,
        } = self.0;
        let state = ctx.state;
        let provider = load_provider(state, &arn).await?;
        let to = EntityRef::new(EntityKind::External, client_id);
        let limit = RelationLimit {
            max_per_source: MAX_CLIENT_IDS,
            when_full: WhenFull::Refuse,
        };
        match state
            .store
            .add_relation(
                RelationKind::OidcClientId,
                &provider.reference(),
                &to,
                limit,
            )
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::LimitExceeded) => Err(too_many_clients()),
            Err(StoreError::NotFound) => Err(not_found(&arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
