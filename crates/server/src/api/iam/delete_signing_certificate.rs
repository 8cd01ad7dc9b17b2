//! `DeleteSigningCertificate`: removes a signing certificate of the named user, or of the
//! caller when no user is named.

use keyward_aws_model::generated::iam::{input::DeleteSigningCertificateInput, operation};
use keyward_store::EntityKind;

use super::shared::access_keys::{key_owner, owner_resource};
use super::shared::certificates::owned_signing_certificate;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteSigningCertificate(DeleteSigningCertificateInput);

impl Operation for DeleteSigningCertificate {
    type Input = DeleteSigningCertificateInput;
    const NAME: &'static str = operation::DELETE_SIGNING_CERTIFICATE;

    fn new(input: DeleteSigningCertificateInput) -> Result<Self, ApiError> {
        Ok(DeleteSigningCertificate(input))
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
        let (_, principal) = key_owner(state, ctx.caller, self.0.user_name).await?;
        let certificate =
            owned_signing_certificate(state, &principal, &self.0.certificate_id).await?;
        state
            .store
            .delete_entity(EntityKind::SigningCertificate, &certificate.name)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
