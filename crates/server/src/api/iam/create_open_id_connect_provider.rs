//! `CreateOpenIDConnectProvider`: a provider `AssumeRoleWithWebIdentity` can trust, with its
//! client ids, thumbprints and tags.

use keyward_aws_model::generated::iam::{input::CreateOpenIDConnectProviderInput, operation};
use keyward_store::{Entity, EntityKind, EntityRef, Relation, RelationKind, StoreError, Tag};

use super::shared::oidc::{thumbprints, too_many_clients, MAX_CLIENT_IDS, THUMBPRINTS};
use super::shared::tags;
use super::shared::{now_seconds, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::web_identity::provider_name;
use crate::authz::{Authorization, Resource};
use crate::directory::oidc::SCHEME;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateOpenIDConnectProvider {
    url: String,
    client_ids: Vec<String>,
    thumbprints: Vec<String>,
    tags: Vec<Tag>,
}

impl Operation for CreateOpenIDConnectProvider {
    type Input = CreateOpenIDConnectProviderInput;
    const NAME: &'static str = operation::CREATE_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: CreateOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        let thumbprints = thumbprints(input.thumbprint_list.unwrap_or_default())?;
        let host = provider_name(&input.url).unwrap_or_default();
        if host.is_empty() || host.starts_with('/') {
            return Err(ApiError::InvalidInput(
                "Invalid Open ID Connect Provider URL".into(),
            ));
        }
        let client_ids = input.client_id_list.unwrap_or_default();
        if client_ids.len() > MAX_CLIENT_IDS {
            return Err(too_many_clients());
        }
        Ok(CreateOpenIDConnectProvider {
            url: input.url,
            client_ids,
            thumbprints,
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let name = provider_name(&self.url).unwrap_or(&self.url);
        let arn = arn::oidc_provider(&ctx.state.account, name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let url = self.url;
        let name = provider_name(&url)
            .unwrap_or(&url)
            .trim_end_matches('/')
            .to_owned();
        let scheme = if url.starts_with("http://") {
            "http"
        } else {
            "https"
        };
        let mut provider = Entity {
            kind: EntityKind::OidcProvider,
            id: ids::prefixed("OIDC"),
            name,
            path: "/".into(),
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        provider
            .attributes
            .insert(THUMBPRINTS.into(), self.thumbprints.join("\n"));
        provider.attributes.insert(SCHEME.into(), scheme.into());
        let relations: Vec<_> = self
            .client_ids
            .iter()
            .map(|c| Relation {
                kind: RelationKind::OidcClientId,
                from: provider.reference(),
                to: EntityRef::new(EntityKind::External, c),
            })
            .collect();
        match state
            .store
            .create_entity(&provider, &self.tags, &[], &relations)
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::EntityAlreadyExists(format!(
                    "Provider with url {url} already exists."
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let arn = arn::oidc_provider(&state.account, &provider.name);
        let mut fields = vec![Element::text("OpenIDConnectProviderArn", arn)];
        if !self.tags.is_empty() {
            fields.push(tags_element(&self.tags));
        }
        Ok(Some(Element::parent(
            "CreateOpenIDConnectProviderResult",
            fields,
        )))
    }
}
