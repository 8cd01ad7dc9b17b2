//! `UpdateGroup`: renames a group or moves it to another path.

use keyward_aws_model::generated::iam::{input::UpdateGroupInput, operation};
use keyward_store::{EntityKind, EntityUpdate, StoreError};

use super::shared::groups::{group_resource, no_such_group};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateGroup(UpdateGroupInput);

impl Operation for UpdateGroup {
    type Input = UpdateGroupInput;
    const NAME: &'static str = operation::UPDATE_GROUP;

    fn new(input: UpdateGroupInput) -> Result<Self, ApiError> {
        Ok(UpdateGroup(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = group_resource(ctx.state, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let UpdateGroupInput {
            group_name,
            new_path,
            new_group_name,
        } = self.0;
        let update = EntityUpdate {
            new_name: new_group_name.clone(),
            new_path,
            attributes: Vec::new(),
        };
        match ctx
            .state
            .store
            .update_entity(EntityKind::Group, &group_name, &update)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_group(&group_name)),
            Err(StoreError::AlreadyExists) => Err(ApiError::already_exists(
                "Group",
                new_group_name.as_deref().unwrap_or(&group_name),
            )),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
