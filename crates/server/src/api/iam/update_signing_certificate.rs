//! `UpdateSigningCertificate`: sets a signing certificate's status.

use keyward_aws_model::generated::iam::{input::UpdateSigningCertificateInput, operation};
use keyward_store::{EntityKind, EntityUpdate};

use super::shared::access_keys::{key_owner, owner_resource};
use super::shared::certificates::{owned_signing_certificate, STATUS};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateSigningCertificate(UpdateSigningCertificateInput);

impl Operation for UpdateSigningCertificate {
    type Input = UpdateSigningCertificateInput;
    const NAME: &'static str = operation::UPDATE_SIGNING_CERTIFICATE;

    fn new(input: UpdateSigningCertificateInput) -> Result<Self, ApiError> {
        Ok(UpdateSigningCertificate(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let UpdateSigningCertificateInput {
            user_name,
            certificate_id,
            status,
        } = self.0;
        let state = ctx.state;
        let (_, principal) = key_owner(state, ctx.caller, user_name).await?;
        let certificate = owned_signing_certificate(state, &principal, &certificate_id).await?;
        let update = EntityUpdate {
            attributes: vec![(STATUS.to_owned(), Some(status))],
            ..EntityUpdate::default()
        };
        state
            .store
            .update_entity(EntityKind::SigningCertificate, &certificate.name, &update)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
