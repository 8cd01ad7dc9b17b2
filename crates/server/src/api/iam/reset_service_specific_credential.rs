//! `ResetServiceSpecificCredential`: a new generated password for a credential.

use keyward_aws_model::generated::iam::{input::ResetServiceSpecificCredentialInput, operation};
use keyward_store::{EntityKind, EntityUpdate};

use super::shared::access_keys::owner_resource;
use super::shared::service_credentials::{element, generate_password, owned, seal, target_user};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::service_credentials::PASSWORD;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ResetServiceSpecificCredential(ResetServiceSpecificCredentialInput);

impl Operation for ResetServiceSpecificCredential {
    type Input = ResetServiceSpecificCredentialInput;
    const NAME: &'static str = operation::RESET_SERVICE_SPECIFIC_CREDENTIAL;

    fn new(input: ResetServiceSpecificCredentialInput) -> Result<Self, ApiError> {
        Ok(ResetServiceSpecificCredential(input))
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
        let id = &self.0.service_specific_credential_id;
        let user = target_user(state, ctx.caller, self.0.user_name.as_deref()).await?;
        let cred = owned(state, &user, id).await?;
        let password = generate_password();
        let update = EntityUpdate {
            attributes: vec![(PASSWORD.to_owned(), Some(seal(state, id, &password)?))],
            ..EntityUpdate::default()
        };
        let updated = state
            .store
            .update_entity(EntityKind::ServiceSpecificCredential, &cred.name, &update)
            .await
            .map_err(ApiError::from_store)?;
        Ok(Some(Element::parent(
            "ResetServiceSpecificCredentialResult",
            vec![element(
                "ServiceSpecificCredential",
                &user,
                &updated,
                Some(password),
            )],
        )))
    }
}
