//! `UpdateOpenIDConnectProviderThumbprint`: replaces a provider's thumbprints.

use keyward_aws_model::generated::iam::{
    input::UpdateOpenIDConnectProviderThumbprintInput, operation,
};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::oidc::{load_provider, not_found, thumbprints, THUMBPRINTS};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateOpenIDConnectProviderThumbprint {
    arn: String,
    thumbprints: Vec<String>,
}

impl Operation for UpdateOpenIDConnectProviderThumbprint {
    type Input = UpdateOpenIDConnectProviderThumbprintInput;
    const NAME: &'static str = operation::UPDATE_OPEN_ID_CONNECT_PROVIDER_THUMBPRINT;

    fn new(input: UpdateOpenIDConnectProviderThumbprintInput) -> Result<Self, ApiError> {
        Ok(UpdateOpenIDConnectProviderThumbprint {
            arn: input.open_id_connect_provider_arn,
            thumbprints: thumbprints(input.thumbprint_list)?,
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
        let provider = load_provider(state, &self.arn).await?;
        let update = EntityUpdate {
            attributes: vec![(THUMBPRINTS.into(), Some(self.thumbprints.join("\n")))],
            ..Default::default()
        };
        match state
            .store
            .update_entity(EntityKind::OidcProvider, &provider.name, &update)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(not_found(&self.arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
