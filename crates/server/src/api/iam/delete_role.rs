//! `DeleteRole`: only a role with nothing left hanging off it.

use keyward_aws_model::generated::iam::{input::DeleteRoleInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::delete_conflict;
use super::shared::roles::{no_such_role, role_resource};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteRole(DeleteRoleInput);

impl Operation for DeleteRole {
    type Input = DeleteRoleInput;
    const NAME: &'static str = operation::DELETE_ROLE;

    fn new(input: DeleteRoleInput) -> Result<Self, ApiError> {
        Ok(DeleteRole(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.0.role_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        ensure_modifiable(ctx.state, &self.0.role_name).await?;
        let name = &self.0.role_name;
        match ctx.state.store.delete_entity(EntityKind::Role, name).await {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_role(name)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
