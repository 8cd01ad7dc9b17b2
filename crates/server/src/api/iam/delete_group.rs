//! `DeleteGroup`: only a group with no members and no policies left.

use keyward_aws_model::generated::iam::{input::DeleteGroupInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::delete_conflict;
use super::shared::groups::{group_resource, no_such_group};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteGroup(DeleteGroupInput);

impl Operation for DeleteGroup {
    type Input = DeleteGroupInput;
    const NAME: &'static str = operation::DELETE_GROUP;

    fn new(input: DeleteGroupInput) -> Result<Self, ApiError> {
        Ok(DeleteGroup(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = group_resource(ctx.state, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::GroupMembers(self.0.group_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let name = &self.0.group_name;
        match ctx.state.store.delete_entity(EntityKind::Group, name).await {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_group(name)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
