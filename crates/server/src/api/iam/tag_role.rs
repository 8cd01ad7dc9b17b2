//! `TagRole`: adds or replaces tags, which policies read as `aws:PrincipalTag/*` in the
//! role's sessions.

use keyward_aws_model::generated::iam::{input::TagRoleInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::roles::{no_such_role, role_resource};
use super::shared::tag_entity;
use super::shared::tags;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagRole {
    name: String,
    tags: Vec<Tag>,
}

impl Operation for TagRole {
    type Input = TagRoleInput;
    const NAME: &'static str = operation::TAG_ROLE;

    fn new(input: TagRoleInput) -> Result<Self, ApiError> {
        Ok(TagRole {
            name: input.role_name,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            role_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        tag_entity(ctx.state, EntityKind::Role, &self.name, &self.tags, || {
            no_such_role(&self.name)
        })
        .await
    }
}
