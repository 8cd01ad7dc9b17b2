//! `ListServerCertificateTags`: a server certificate's tags, a page at a time.

use keyward_aws_model::generated::iam::{input::ListServerCertificateTagsInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::certificates::{no_such_server_certificate, server_certificate_resource};
use super::shared::{paging_fields, tags_element, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListServerCertificateTags {
    name: String,
    paging: Paging,
}

impl Operation for ListServerCertificateTags {
    type Input = ListServerCertificateTagsInput;
    const NAME: &'static str = operation::LIST_SERVER_CERTIFICATE_TAGS;

    fn new(input: ListServerCertificateTagsInput) -> Result<Self, ApiError> {
        Ok(ListServerCertificateTags {
            name: input.server_certificate_name,
            paging: Paging::new(input.marker, input.max_items),
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
        let page = match ctx
            .state
            .store
            .list_entity_tags(
                EntityKind::ServerCertificate,
                &self.name,
                self.paging.request(),
            )
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Err(no_such_server_certificate(&self.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent(
            "ListServerCertificateTagsResult",
            fields,
        )))
    }
}
