//! `GetRolePolicy`: an inline policy of a role, its document URL-encoded.

use keyward_aws_model::generated::iam::{input::GetRolePolicyInput, operation};

use super::shared::attachments::{get_inline, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetRolePolicy(GetRolePolicyInput);

impl Operation for GetRolePolicy {
    type Input = GetRolePolicyInput;
    const NAME: &'static str = operation::GET_ROLE_POLICY;

    fn new(input: GetRolePolicyInput) -> Result<Self, ApiError> {
        Ok(GetRolePolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Role, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = get_inline(
            ctx.state,
            Holder::Role,
            &self.0.role_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(Some(Element::parent("GetRolePolicyResult", fields)))
    }
}
