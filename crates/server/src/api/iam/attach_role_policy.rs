//! `AttachRolePolicy`: attaches a managed policy to a role, within IAM's quota.

use keyward_aws_model::generated::iam::{input::AttachRolePolicyInput, operation};

use super::shared::attachments::{attach, holder_resource, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AttachRolePolicy(AttachRolePolicyInput);

impl Operation for AttachRolePolicy {
    type Input = AttachRolePolicyInput;
    const NAME: &'static str = operation::ATTACH_ROLE_POLICY;

    fn new(input: AttachRolePolicyInput) -> Result<Self, ApiError> {
        Ok(AttachRolePolicy(input))
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
        attach(
            ctx.state,
            Holder::Role,
            &self.0.role_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
