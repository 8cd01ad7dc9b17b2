//! `RemoveRoleFromInstanceProfile`: takes a role out of an instance profile.

use keyward_aws_model::generated::iam::{input::RemoveRoleFromInstanceProfileInput, operation};
use keyward_store::{RelationKind, StoreError};

use super::shared::instance_profiles::{load_profile, profile_resource};
use super::shared::roles::load_role;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RemoveRoleFromInstanceProfile(RemoveRoleFromInstanceProfileInput);

impl Operation for RemoveRoleFromInstanceProfile {
    type Input = RemoveRoleFromInstanceProfileInput;
    const NAME: &'static str = operation::REMOVE_ROLE_FROM_INSTANCE_PROFILE;

    fn new(input: RemoveRoleFromInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(RemoveRoleFromInstanceProfile(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = profile_resource(ctx.state, &self.0.instance_profile_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let role = &self.0.role_name;
        let profile = load_profile(state, &self.0.instance_profile_name).await?;
        let role_entity = load_role(state, role).await?;
        match state
            .store
            .remove_relation(
                RelationKind::InstanceProfileRole,
                &profile.reference(),
                Some(&role_entity.reference()),
            )
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(ApiError::no_such_named("role", role)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
