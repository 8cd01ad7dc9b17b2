//! `DeleteServerCertificate`: removes a server certificate, its sealed private key and tags.

use keyward_aws_model::generated::iam::{input::DeleteServerCertificateInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::certificates::{no_such_server_certificate, server_certificate_resource};
use super::shared::delete_conflict;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteServerCertificate(DeleteServerCertificateInput);

impl Operation for DeleteServerCertificate {
    type Input = DeleteServerCertificateInput;
    const NAME: &'static str = operation::DELETE_SERVER_CERTIFICATE;

    fn new(input: DeleteServerCertificateInput) -> Result<Self, ApiError> {
        Ok(DeleteServerCertificate(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource =
            server_certificate_resource(ctx.state, &self.0.server_certificate_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let name = &self.0.server_certificate_name;
        match ctx
            .state
            .store
            .delete_entity(EntityKind::ServerCertificate, name)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_server_certificate(name)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
