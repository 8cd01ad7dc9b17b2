//! `ListSAMLProviders`: every SAML provider of the account with its dates, unpaged.

use keyward_aws_model::generated::iam::{input::ListSAMLProvidersInput, operation};
use keyward_store::EntityKind;

use super::shared::saml::valid_until;
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::authz::{Authorization, Resource};
use crate::directory::all_entities;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListSAMLProviders;

impl Operation for ListSAMLProviders {
    type Input = ListSAMLProvidersInput;
    const NAME: &'static str = operation::LIST_SAML_PROVIDERS;

    fn new(_input: ListSAMLProvidersInput) -> Result<Self, ApiError> {
        Ok(ListSAMLProviders)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = arn::saml_provider(&ctx.state.account, "*");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let items = all_entities(state, EntityKind::SamlProvider, "/")
            .await?
            .iter()
            .map(|p| {
                let mut fields = vec![Element::text(
                    "Arn",
                    arn::saml_provider(&state.account, &p.name),
                )];
                if let Some(until) = valid_until(p) {
                    fields.push(Element::time("ValidUntil", until));
                }
                fields.push(Element::time("CreateDate", p.create_date));
                Element::parent("member", fields)
            })
            .collect();
        Ok(Some(Element::parent(
            "ListSAMLProvidersResult",
            vec![Element::list("SAMLProviderList", items)],
        )))
    }
}
