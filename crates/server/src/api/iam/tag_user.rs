//! `TagUser`: adds or replaces tags, which policies read as `aws:PrincipalTag/*`.

use keyward_aws_model::generated::iam::{input::TagUserInput, operation};
use keyward_store::{StoreError, Tag};

use super::shared::{no_such_user, tags, user_resource};
use super::shared::{too_many_tags, MAX_TAGS};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagUser {
    name: String,
    tags: Vec<Tag>,
}

impl Operation for TagUser {
    type Input = TagUserInput;
    const NAME: &'static str = operation::TAG_USER;

    fn new(input: TagUserInput) -> Result<Self, ApiError> {
        Ok(TagUser {
            name: input.user_name,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            user_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        match ctx
            .state
            .store
            .tag_user(&self.name, &self.tags, MAX_TAGS)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_user(&self.name)),
            Err(StoreError::LimitExceeded) => Err(too_many_tags()),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
