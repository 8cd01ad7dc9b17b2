//! `TagServerCertificate`: adds or replaces a server certificate's tags, up to IAM's quota.

use keyward_aws_model::generated::iam::{input::TagServerCertificateInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::certificates::{no_such_server_certificate, server_certificate_resource};
use super::shared::{tag_entity, tags};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagServerCertificate {
    name: String,
    tags: Vec<Tag>,
}

impl Operation for TagServerCertificate {
    type Input = TagServerCertificateInput;
    const NAME: &'static str = operation::TAG_SERVER_CERTIFICATE;

    fn new(input: TagServerCertificateInput) -> Result<Self, ApiError> {
        Ok(TagServerCertificate {
            name: input.server_certificate_name,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            server_certificate_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        tag_entity(
            ctx.state,
            EntityKind::ServerCertificate,
            &self.name,
            &self.tags,
            || no_such_server_certificate(&self.name),
        )
        .await
    }
}
