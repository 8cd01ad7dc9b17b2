//! `UpdateServerCertificate`: renames a server certificate and/or moves it to a new path.

use keyward_aws_model::generated::iam::{input::UpdateServerCertificateInput, operation};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::certificates::{
    no_such_server_certificate, server_certificate_exists, server_certificate_resource,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateServerCertificate(UpdateServerCertificateInput);

impl Operation for UpdateServerCertificate {
    type Input = UpdateServerCertificateInput;
    const NAME: &'static str = operation::UPDATE_SERVER_CERTIFICATE;

    fn new(input: UpdateServerCertificateInput) -> Result<Self, ApiError> {
        Ok(UpdateServerCertificate(input))
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
        let UpdateServerCertificateInput {
            server_certificate_name: name,
            new_path,
            new_server_certificate_name: new_name,
        } = self.0;
        let update = EntityUpdate {
            new_name: new_name.clone(),
            new_path,
            attributes: Vec::new(),
        };
        match ctx
            .state
            .store
            .update_entity(EntityKind::ServerCertificate, &name, &update)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_server_certificate(&name)),
            Err(StoreError::AlreadyExists) => Err(server_certificate_exists(
                new_name.as_deref().unwrap_or(&name),
            )),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
