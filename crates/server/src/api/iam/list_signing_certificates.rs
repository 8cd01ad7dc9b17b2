//! `ListSigningCertificates`: the signing certificates of the named user, or of the caller
//! when no user is named.

use keyward_aws_model::generated::iam::{input::ListSigningCertificatesInput, operation};
use keyward_store::EntityKind;

use super::shared::access_keys::{key_owner, owner_resource};
use super::shared::certificates::{all_under, owner_path, signing_certificate_element};
use super::shared::{paging_fields, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListSigningCertificates {
    name: Option<String>,
    paging: Paging,
}

impl Operation for ListSigningCertificates {
    type Input = ListSigningCertificatesInput;
    const NAME: &'static str = operation::LIST_SIGNING_CERTIFICATES;

    fn new(input: ListSigningCertificatesInput) -> Result<Self, ApiError> {
        Ok(ListSigningCertificates {
            name: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (_, principal) = key_owner(state, ctx.caller, self.name).await?;
        let path = owner_path(&principal).ok_or_else(ApiError::user_name_required)?;
        let certificates = all_under(state, EntityKind::SigningCertificate, &path).await?;
        let page = self.paging.page_in_memory(
            certificates
                .into_iter()
                .map(|c| (format!("{}{}", c.create_date.unix_timestamp(), c.id), c))
                .collect(),
        );
        let members = page
            .items
            .iter()
            .map(|c| signing_certificate_element("member", &principal, c))
            .collect();
        let mut fields = vec![Element::list("Certificates", members)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent(
            "ListSigningCertificatesResult",
            fields,
        )))
    }
}
