//! `ListServerCertificates`: the account's server certificates under a path prefix, a page at
//! a time.

use keyward_aws_model::generated::iam::{input::ListServerCertificatesInput, operation};
use keyward_store::EntityKind;

use super::shared::certificates::{server_certificate_arn, server_metadata_element};
use super::shared::{paging_fields, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListServerCertificates {
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListServerCertificates {
    type Input = ListServerCertificatesInput;
    const NAME: &'static str = operation::LIST_SERVER_CERTIFICATES;

    fn new(input: ListServerCertificatesInput) -> Result<Self, ApiError> {
        Ok(ListServerCertificates {
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = server_certificate_arn(ctx.state, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let page = state
            .store
            .list_entities(
                EntityKind::ServerCertificate,
                &self.path_prefix,
                self.paging.request(),
            )
            .await
            .map_err(ApiError::from_store)?;
        let items = page
            .items
            .iter()
            .map(|c| server_metadata_element(state, "member", c))
            .collect();
        let mut fields = vec![Element::list("ServerCertificateMetadataList", items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent(
            "ListServerCertificatesResult",
            fields,
        )))
    }
}
