//! `ListSAMLProviderTags`: a SAML provider's tags, sorted by key, a page at a time.

use keyward_aws_model::generated::iam::{input::ListSAMLProviderTagsInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::saml::{load_provider, not_found};
use super::shared::Paging;
use super::shared::{paging_fields, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListSAMLProviderTags {
    arn: String,
    paging: Paging,
}

impl Operation for ListSAMLProviderTags {
    type Input = ListSAMLProviderTagsInput;
    const NAME: &'static str = operation::LIST_SAML_PROVIDER_TAGS;

    fn new(input: ListSAMLProviderTagsInput) -> Result<Self, ApiError> {
        Ok(ListSAMLProviderTags {
            arn: input.saml_provider_arn,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(self.arn.clone())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let provider = load_provider(state, &self.arn).await?;
        let page = match state
            .store
            .list_entity_tags(
                EntityKind::SamlProvider,
                &provider.name,
                self.paging.request(),
            )
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Err(not_found(&self.arn)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListSAMLProviderTagsResult", fields)))
    }
}
