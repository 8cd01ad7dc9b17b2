//! `DetachRolePolicy`: detaches a managed policy from a role.

use keyward_aws_model::generated::iam::{input::DetachRolePolicyInput, operation};

use super::shared::attachments::{detach, holder_resource, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DetachRolePolicy(DetachRolePolicyInput);

impl Operation for DetachRolePolicy {
    type Input = DetachRolePolicyInput;
    const NAME: &'static str = operation::DETACH_ROLE_POLICY;

    fn new(input: DetachRolePolicyInput) -> Result<Self, ApiError> {
        Ok(DetachRolePolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Role, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.0.role_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        ensure_modifiable(ctx.state, &self.0.role_name).await?;
        detach(
            ctx.state,
            Holder::Role,
            &self.0.role_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
