//! `DeleteUserPermissionsBoundary`: removes a user's permissions boundary, if it has one.

use keyward_aws_model::generated::iam::{input::DeleteUserPermissionsBoundaryInput, operation};

use super::shared::attachments::{delete_boundary, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteUserPermissionsBoundary(DeleteUserPermissionsBoundaryInput);

impl Operation for DeleteUserPermissionsBoundary {
    type Input = DeleteUserPermissionsBoundaryInput;
    const NAME: &'static str = operation::DELETE_USER_PERMISSIONS_BOUNDARY;

    fn new(input: DeleteUserPermissionsBoundaryInput) -> Result<Self, ApiError> {
        Ok(DeleteUserPermissionsBoundary(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        delete_boundary(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(None)
    }
}
