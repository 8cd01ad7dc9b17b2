//! `GetOpenIDConnectProvider`: a provider's URL, client ids, thumbprints and tags.

use keyward_aws_model::generated::iam::{input::GetOpenIDConnectProviderInput, operation};
use keyward_store::{EntityKind, RelationKind};

use super::shared::oidc::{load_provider, THUMBPRINTS};
use super::shared::{entity_tags, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetOpenIDConnectProvider(GetOpenIDConnectProviderInput);

impl Operation for GetOpenIDConnectProvider {
    type Input = GetOpenIDConnectProviderInput;
    const NAME: &'static str = operation::GET_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: GetOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        Ok(GetOpenIDConnectProvider(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = self.0.open_id_connect_provider_arn.clone();
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let provider = load_provider(state, &self.0.open_id_connect_provider_arn).await?;
        let clients = all_relations(
            state,
            RelationKind::OidcClientId,
            Some(&provider.reference()),
            None,
        )
        .await?
        .into_iter()
        .map(|r| Element::text("member", r.to.id))
        .collect();
        let prints = provider
            .attribute(THUMBPRINTS)
            .unwrap_or_default()
            .split('\n')
            .filter(|t| !t.is_empty())
            .map(|t| Element::text("member", t))
            .collect();
        let mut fields = vec![
            Element::text("Url", &provider.name),
            Element::list("ClientIDList", clients),
            Element::list("ThumbprintList", prints),
            Element::time("CreateDate", provider.create_date),
        ];
        let tags = entity_tags(state, EntityKind::OidcProvider, &provider.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
        Ok(Some(Element::parent(
            "GetOpenIDConnectProviderResult",
            fields,
        )))
    }
}
