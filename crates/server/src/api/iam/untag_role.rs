//! `UntagRole`: removes tags by key.

use keyward_aws_model::generated::iam::{input::UntagRoleInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::roles::{no_such_role, role_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagRole(UntagRoleInput);

impl Operation for UntagRole {
    type Input = UntagRoleInput;
    const NAME: &'static str = operation::UNTAG_ROLE;

    fn new(input: UntagRoleInput) -> Result<Self, ApiError> {
        Ok(UntagRole(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.0.role_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let name = &self.0.role_name;
        match ctx
            .state
            .store
            .untag_entity(EntityKind::Role, name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_role(name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
