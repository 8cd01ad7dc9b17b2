//! `UntagServerCertificate`: removes tags from a server certificate by key.

use keyward_aws_model::generated::iam::{input::UntagServerCertificateInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::certificates::{no_such_server_certificate, server_certificate_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagServerCertificate(UntagServerCertificateInput);

impl Operation for UntagServerCertificate {
    type Input = UntagServerCertificateInput;
    const NAME: &'static str = operation::UNTAG_SERVER_CERTIFICATE;

    fn new(input: UntagServerCertificateInput) -> Result<Self, ApiError> {
        Ok(UntagServerCertificate(input))
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
            .untag_entity(EntityKind::ServerCertificate, name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_server_certificate(name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
