//! `DeleteInstanceProfile`: only a profile that holds no role.

use keyward_aws_model::generated::iam::{input::DeleteInstanceProfileInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::delete_conflict;
use super::shared::instance_profiles::profile_resource;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteInstanceProfile(DeleteInstanceProfileInput);

impl Operation for DeleteInstanceProfile {
    type Input = DeleteInstanceProfileInput;
    const NAME: &'static str = operation::DELETE_INSTANCE_PROFILE;

    fn new(input: DeleteInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(DeleteInstanceProfile(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = profile_resource(ctx.state, &self.0.instance_profile_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let name = &self.0.instance_profile_name;
        match ctx
            .state
            .store
            .delete_entity(EntityKind::InstanceProfile, name)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::no_such_instance_profile(name)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
