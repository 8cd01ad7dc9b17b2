//! `UntagInstanceProfile`: removes an instance profile's tags by key.

use keyward_aws_model::generated::iam::{input::UntagInstanceProfileInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::instance_profiles::profile_resource;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagInstanceProfile(UntagInstanceProfileInput);

impl Operation for UntagInstanceProfile {
    type Input = UntagInstanceProfileInput;
    const NAME: &'static str = operation::UNTAG_INSTANCE_PROFILE;

    fn new(input: UntagInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(UntagInstanceProfile(input))
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
            .untag_entity(EntityKind::InstanceProfile, name, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::no_such_instance_profile(name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
