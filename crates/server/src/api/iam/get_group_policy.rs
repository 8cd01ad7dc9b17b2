//! `GetGroupPolicy`: an inline policy of a group, its document URL-encoded.

use keyward_aws_model::generated::iam::{input::GetGroupPolicyInput, operation};

use super::shared::attachments::{get_inline, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetGroupPolicy(GetGroupPolicyInput);

impl Operation for GetGroupPolicy {
    type Input = GetGroupPolicyInput;
    const NAME: &'static str = operation::GET_GROUP_POLICY;

    fn new(input: GetGroupPolicyInput) -> Result<Self, ApiError> {
        Ok(GetGroupPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = get_inline(
            ctx.state,
            Holder::Group,
            &self.0.group_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(Some(Element::parent("GetGroupPolicyResult", fields)))
    }
}
