//! `PutRolePermissionsBoundary`: sets or replaces a role's permissions boundary.

use keyward_aws_model::generated::iam::{input::PutRolePermissionsBoundaryInput, operation};

use super::shared::attachments::{holder_resource, put_boundary, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutRolePermissionsBoundary(PutRolePermissionsBoundaryInput);

impl Operation for PutRolePermissionsBoundary {
    type Input = PutRolePermissionsBoundaryInput;
    const NAME: &'static str = operation::PUT_ROLE_PERMISSIONS_BOUNDARY;

    fn new(input: PutRolePermissionsBoundaryInput) -> Result<Self, ApiError> {
        Ok(PutRolePermissionsBoundary(input))
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
        put_boundary(
            ctx.state,
            Holder::Role,
            &self.0.role_name,
            &self.0.permissions_boundary,
        )
        .await?;
        Ok(None)
    }
}
