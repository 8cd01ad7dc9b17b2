//! `RemoveUserFromGroup`: ends a user's membership of a group.

use keyward_aws_model::generated::iam::{input::RemoveUserFromGroupInput, operation};
use keyward_store::{EntityKind, EntityRef, RelationKind, StoreError};

use super::shared::groups::{group_resource, load_group};
use super::shared::load_user;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RemoveUserFromGroup(RemoveUserFromGroupInput);

impl Operation for RemoveUserFromGroup {
    type Input = RemoveUserFromGroupInput;
    const NAME: &'static str = operation::REMOVE_USER_FROM_GROUP;

    fn new(input: RemoveUserFromGroupInput) -> Result<Self, ApiError> {
        Ok(RemoveUserFromGroup(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = group_resource(ctx.state, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        // Removing a user who is not a member succeeds, as IAM answers it (observed against
        // AWS by cloud-custodian's maintainers, cloud-custodian#4730).
        let state = ctx.state;
        let g = load_group(state, &self.0.group_name).await?;
        let u = load_user(state, &self.0.user_name).await?;
        let from = EntityRef::new(EntityKind::User, &u.user_id.0);
        match state
            .store
            .remove_relation(RelationKind::GroupMember, &from, Some(&g.reference()))
            .await
        {
            Ok(()) | Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
