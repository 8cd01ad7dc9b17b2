//! `TagOpenIDConnectProvider`: adds or replaces an OIDC provider's tags, up to IAM's quota.

use keyward_aws_model::generated::iam::{input::TagOpenIDConnectProviderInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::oidc::{load_provider, not_found};
use super::shared::tag_entity;
use super::shared::tags;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagOpenIDConnectProvider {
    arn: String,
    tags: Vec<Tag>,
}

impl Operation for TagOpenIDConnectProvider {
    type Input = TagOpenIDConnectProviderInput;
    const NAME: &'static str = operation::TAG_OPEN_ID_CONNECT_PROVIDER;

    fn new(input: TagOpenIDConnectProviderInput) -> Result<Self, ApiError> {
        // `Tags=` (an empty list) is present to the model, but IAM wants at least one tag.
        if input.tags.is_empty() {
            return Err(ApiError::validation_null("tags"));
        }
        Ok(TagOpenIDConnectProvider {
            arn: input.open_id_connect_provider_arn,
            tags: tags(Some(input.tags))?,
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
        tag_entity(
            state,
            EntityKind::OidcProvider,
            &provider.name,
            &self.tags,
            || not_found(&self.arn),
        )
        .await
    }
}
