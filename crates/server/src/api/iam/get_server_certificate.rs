//! `GetServerCertificate`: a server certificate's metadata, body, chain and tags — never its
//! private key.

use keyward_aws_model::generated::iam::{input::GetServerCertificateInput, operation};
use keyward_store::EntityKind;

use super::shared::certificates::{
    load_server_certificate, server_certificate_resource, server_metadata_element, BODY, CHAIN,
};
use super::shared::{entity_tags, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetServerCertificate(GetServerCertificateInput);

impl Operation for GetServerCertificate {
    type Input = GetServerCertificateInput;
    const NAME: &'static str = operation::GET_SERVER_CERTIFICATE;

    fn new(input: GetServerCertificateInput) -> Result<Self, ApiError> {
        Ok(GetServerCertificate(input))
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
        let state = ctx.state;
        let cert = load_server_certificate(state, &self.0.server_certificate_name).await?;
        let mut fields = vec![
            server_metadata_element(state, "ServerCertificateMetadata", &cert),
            Element::text("CertificateBody", cert.attribute(BODY).unwrap_or_default()),
        ];
        if let Some(chain) = cert.attribute(CHAIN) {
            fields.push(Element::text("CertificateChain", chain));
        }
        let tags = entity_tags(state, EntityKind::ServerCertificate, &cert.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
        Ok(Some(Element::parent(
            "GetServerCertificateResult",
            vec![Element::parent("ServerCertificate", fields)],
        )))
    }
}
