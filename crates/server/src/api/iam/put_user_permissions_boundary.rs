//! `PutUserPermissionsBoundary`: sets or replaces a user's permissions boundary.

use keyward_aws_model::generated::iam::{input::PutUserPermissionsBoundaryInput, operation};

use super::shared::attachments::{holder_resource, put_boundary, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutUserPermissionsBoundary(PutUserPermissionsBoundaryInput);

impl Operation for PutUserPermissionsBoundary {
    type Input = PutUserPermissionsBoundaryInput;
    const NAME: &'static str = operation::PUT_USER_PERMISSIONS_BOUNDARY;

    fn new(input: PutUserPermissionsBoundaryInput) -> Result<Self, ApiError> {
        Ok(PutUserPermissionsBoundary(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        put_boundary(
            ctx.state,
            Holder::User,
            &self.0.user_name,
            &self.0.permissions_boundary,
        )
        .await?;
        Ok(None)
    }
}
