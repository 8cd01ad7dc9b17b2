//! `TagSAMLProvider`: adds or replaces a SAML provider's tags, up to IAM's quota.

use keyward_aws_model::generated::iam::{input::TagSAMLProviderInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::saml::{load_provider, not_found};
use super::shared::tag_entity;
use super::shared::tags;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagSAMLProvider {
    arn: String,
    tags: Vec<Tag>,
}

impl Operation for TagSAMLProvider {
    type Input = TagSAMLProviderInput;
    const NAME: &'static str = operation::TAG_SAML_PROVIDER;

    fn new(input: TagSAMLProviderInput) -> Result<Self, ApiError> {
        // `Tags=` (an empty list) is present to the model, but IAM wants at least one tag.
        if input.tags.is_empty() {
            return Err(ApiError::validation_null("tags"));
        }
        Ok(TagSAMLProvider {
            arn: input.saml_provider_arn,
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
            EntityKind::SamlProvider,
            &provider.name,
            &self.tags,
            || not_found(&self.arn),
        )
        .await
    }
}
