//! `DeleteRolePermissionsBoundary`: removes a role's permissions boundary, if it has one.

use keyward_aws_model::generated::iam::{input::DeleteRolePermissionsBoundaryInput, operation};

use super::shared::attachments::{delete_boundary, holder_resource, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteRolePermissionsBoundary(DeleteRolePermissionsBoundaryInput);

impl Operation for DeleteRolePermissionsBoundary {
    type Input = DeleteRolePermissionsBoundaryInput;
    const NAME: &'static str = operation::DELETE_ROLE_PERMISSIONS_BOUNDARY;

    fn new(input: DeleteRolePermissionsBoundaryInput) -> Result<Self, ApiError> {
        Ok(DeleteRolePermissionsBoundary(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Role, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.0.role_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        ensure_modifiable(ctx.state, &self.0.role_name).await?;
        delete_boundary(ctx.state, Holder::Role, &self.0.role_name).await?;
        Ok(None)
    }
}
