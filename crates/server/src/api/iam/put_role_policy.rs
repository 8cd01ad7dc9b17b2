//! `PutRolePolicy`: adds or replaces an inline policy of a role, within its size quota.

use keyward_aws_model::generated::iam::{input::PutRolePolicyInput, operation};

use super::shared::attachments::{holder_resource, put_inline, Holder};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutRolePolicy(PutRolePolicyInput);

impl Operation for PutRolePolicy {
    type Input = PutRolePolicyInput;
    const NAME: &'static str = operation::PUT_ROLE_POLICY;

    fn new(input: PutRolePolicyInput) -> Result<Self, ApiError> {
        Ok(PutRolePolicy(input))
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
        let PutRolePolicyInput {
            role_name,
            policy_name,
            policy_document,
        } = self.0;
        put_inline(
            ctx.state,
            Holder::Role,
            &role_name,
            policy_name,
            policy_document,
        )
        .await?;
        Ok(None)
    }
}
