//! `TagPolicy`: adds or replaces tags of a customer managed policy.

use keyward_aws_model::generated::iam::{input::TagPolicyInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::policies::{not_found, policy_resource, resolve_local};
use super::shared::tag_entity;
use super::shared::tags;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagPolicy {
    arn: String,
    tags: Vec<Tag>,
}

impl Operation for TagPolicy {
    type Input = TagPolicyInput;
    const NAME: &'static str = operation::TAG_POLICY;

    fn new(input: TagPolicyInput) -> Result<Self, ApiError> {
        // `Tags=` (an empty list) is present to the model, but IAM wants at least one tag.
        if input.tags.is_empty() {
            return Err(ApiError::validation_null("tags"));
        }
        Ok(TagPolicy {
            arn: input.policy_arn,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let policy = resolve_local(state, ctx.caller, Self::NAME, &self.arn).await?;
        tag_entity(state, EntityKind::Policy, &policy.name, &self.tags, || {
            not_found(&self.arn)
        })
        .await
    }
}
