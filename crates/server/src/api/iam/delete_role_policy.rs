//! `DeleteRolePolicy`: deletes an inline policy of a role.

use keyward_aws_model::generated::iam::{input::DeleteRolePolicyInput, operation};

use super::shared::attachments::{delete_inline, holder_resource, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteRolePolicy(DeleteRolePolicyInput);

impl Operation for DeleteRolePolicy {
    type Input = DeleteRolePolicyInput;
    const NAME: &'static str = operation::DELETE_ROLE_POLICY;

    fn new(input: DeleteRolePolicyInput) -> Result<Self, ApiError> {
        Ok(DeleteRolePolicy(input))
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
        delete_inline(
            ctx.state,
            Holder::Role,
            &self.0.role_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(None)
    }
}
