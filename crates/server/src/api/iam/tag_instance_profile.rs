//! `TagInstanceProfile`: adds or replaces an instance profile's tags, up to IAM's quota.

use keyward_aws_model::generated::iam::{input::TagInstanceProfileInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::instance_profiles::profile_resource;
use super::shared::tag_entity;
use super::shared::tags;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagInstanceProfile {
    name: String,
    tags: Vec<Tag>,
}

impl Operation for TagInstanceProfile {
    type Input = TagInstanceProfileInput;
    const NAME: &'static str = operation::TAG_INSTANCE_PROFILE;

    fn new(input: TagInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(TagInstanceProfile {
            name: input.instance_profile_name,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            profile_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        tag_entity(
            ctx.state,
            EntityKind::InstanceProfile,
            &self.name,
            &self.tags,
            || ApiError::no_such_instance_profile(&self.name),
        )
        .await
    }
}
