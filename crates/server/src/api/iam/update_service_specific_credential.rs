//! `UpdateServiceSpecificCredential`: sets a credential's status.

use keyward_aws_model::generated::iam::{input::UpdateServiceSpecificCredentialInput, operation};
use keyward_store::{EntityKind, EntityUpdate};

use super::shared::access_keys::owner_resource;
use super::shared::service_credentials::{owned, target_user};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::service_credentials::STATUS;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateServiceSpecificCredential(UpdateServiceSpecificCredentialInput);

impl Operation for UpdateServiceSpecificCredential {
    type Input = UpdateServiceSpecificCredentialInput;
    const NAME: &'static str = operation::UPDATE_SERVICE_SPECIFIC_CREDENTIAL;

    fn new(input: UpdateServiceSpecificCredentialInput) -> Result<Self, ApiError> {
        Ok(UpdateServiceSpecificCredential(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let UpdateServiceSpecificCredentialInput {
            user_name,
            service_specific_credential_id: id,
            status,
        } = self.0;
        let state = ctx.state;
        let user = target_user(state, ctx.caller, user_name.as_deref()).await?;
        let cred = owned(state, &user, &id).await?;
        let update = EntityUpdate {
            attributes: vec![(STATUS.to_owned(), Some(status))],
            ..EntityUpdate::default()
        };
        state
            .store
            .update_entity(EntityKind::ServiceSpecificCredential, &cred.name, &update)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
