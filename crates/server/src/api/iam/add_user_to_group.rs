//! `AddUserToGroup`: makes a user a member of a group, within IAM's groups-per-user quota.

use keyward_aws_model::generated::iam::{input::AddUserToGroupInput, operation};
use keyward_store::{EntityKind, EntityRef, RelationKind, RelationLimit, StoreError, WhenFull};

use super::shared::groups::{group_resource, load_group, no_such_group};
use super::shared::load_user;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Groups one user may belong to (IAM's default `GroupsPerUser` quota).
const MAX_GROUPS_PER_USER: usize = 10;

pub(crate) struct AddUserToGroup(AddUserToGroupInput);

impl Operation for AddUserToGroup {
    type Input = AddUserToGroupInput;
    const NAME: &'static str = operation::ADD_USER_TO_GROUP;

    fn new(input: AddUserToGroupInput) -> Result<Self, ApiError> {
        Ok(AddUserToGroup(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = group_resource(ctx.state, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let AddUserToGroupInput {
            group_name,
            user_name,
        } = self.0;
        let g = load_group(state, &group_name).await?;
        let u = load_user(state, &user_name).await?;
        let limit = RelationLimit {
            max_per_source: MAX_GROUPS_PER_USER,
            when_full: WhenFull::Refuse,
        };
        let from = EntityRef::new(EntityKind::User, &u.user_id.0);
        match state
            .store
            .add_relation(RelationKind::GroupMember, &from, &g.reference(), limit)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for GroupsPerUser: {MAX_GROUPS_PER_USER}"
            ))),
            Err(StoreError::NotFound) => Err(no_such_group(&group_name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
