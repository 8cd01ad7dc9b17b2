//! `DeleteServiceSpecificCredential`: deletes a credential.

use keyward_aws_model::generated::iam::{input::DeleteServiceSpecificCredentialInput, operation};
use keyward_store::EntityKind;

use super::shared::access_keys::owner_resource;
use super::shared::service_credentials::{owned, target_user};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteServiceSpecificCredential(DeleteServiceSpecificCredentialInput);

impl Operation for DeleteServiceSpecificCredential {
    type Input = DeleteServiceSpecificCredentialInput;
    const NAME: &'static str = operation::DELETE_SERVICE_SPECIFIC_CREDENTIAL;

    fn new(input: DeleteServiceSpecificCredentialInput) -> Result<Self, ApiError> {
        Ok(DeleteServiceSpecificCredential(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = target_user(state, ctx.caller, self.0.user_name.as_deref()).await?;
        let id = &self.0.service_specific_credential_id;
        let cred = owned(state, &user, id).await?;
        state
            .store
            .delete_entity(EntityKind::ServiceSpecificCredential, &cred.name)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
