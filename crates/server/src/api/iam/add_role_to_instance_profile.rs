//! `AddRoleToInstanceProfile`: puts a role in an instance profile, which holds at most one.

use keyward_aws_model::generated::iam::{input::AddRoleToInstanceProfileInput, operation};
use keyward_store::{RelationKind, RelationLimit, StoreError, WhenFull};

use super::shared::instance_profiles::{load_profile, profile_resource};
use super::shared::roles::load_role;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Roles one instance profile may hold.
const MAX_ROLES: usize = 1;

pub(crate) struct AddRoleToInstanceProfile(AddRoleToInstanceProfileInput);

impl Operation for AddRoleToInstanceProfile {
    type Input = AddRoleToInstanceProfileInput;
    const NAME: &'static str = operation::ADD_ROLE_TO_INSTANCE_PROFILE;

    fn new(input: AddRoleToInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(AddRoleToInstanceProfile(input))
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
        let name = &self.0.instance_profile_name;
        let profile = load_profile(state, name).await?;
        let role = load_role(state, &self.0.role_name).await?;
        let limit = RelationLimit {
            max_per_source: MAX_ROLES,
            when_full: WhenFull::Refuse,
        };
        let full = || {
            ApiError::LimitExceeded(format!(
                "Cannot exceed quota for InstanceSessionsPerInstanceProfile: {MAX_ROLES}"
            ))
        };
        match state
            .store
            .add_relation(
                RelationKind::InstanceProfileRole,
                &profile.reference(),
                &role.reference(),
                limit,
            )
            .await
        {
            Ok(true) => Ok(None),
            Ok(false) | Err(StoreError::LimitExceeded) => Err(full()),
            Err(StoreError::NotFound) => Err(ApiError::no_such_instance_profile(name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
