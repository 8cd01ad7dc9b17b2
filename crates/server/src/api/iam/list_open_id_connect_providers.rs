//! `ListOpenIDConnectProviders`: the ARNs of every provider in the account, unpaged.

use keyward_aws_model::generated::iam::{input::ListOpenIDConnectProvidersInput, operation};
use keyward_store::{EntityKind, PageRequest};

use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Providers listed at most; `ListOpenIDConnectProviders` has no paging and IAM allows 100
/// providers per account.
const MAX_PROVIDERS: usize = 1000;

pub(crate) struct ListOpenIDConnectProviders;

impl Operation for ListOpenIDConnectProviders {
    type Input = ListOpenIDConnectProvidersInput;
    const NAME: &'static str = operation::LIST_OPEN_ID_CONNECT_PROVIDERS;

    fn new(_input: ListOpenIDConnectProvidersInput) -> Result<Self, ApiError> {
        Ok(ListOpenIDConnectProviders)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = arn::oidc_provider(&ctx.state.account, "*");
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
                EntityKind::OidcProvider,
                "/",
                PageRequest {
                    marker: None,
                    max_items: MAX_PROVIDERS,
                },
            )
            .await
            .map_err(ApiError::from_store)?;
        let items = page
            .items
            .iter()
            .map(|p| {
                Element::parent(
                    "OpenIDConnectProviderListEntry",
                    vec![Element::text(
                        "Arn",
                        arn::oidc_provider(&state.account, &p.name),
                    )],
                )
            })
            .collect();
        Ok(Some(Element::parent(
            "ListOpenIDConnectProvidersResult",
            vec![Element::list("OpenIDConnectProviderList", items)],
        )))
    }
}
