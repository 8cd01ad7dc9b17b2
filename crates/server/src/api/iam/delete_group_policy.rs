//! `DeleteGroupPolicy`: deletes an inline policy of a group.

use keyward_aws_model::generated::iam::{input::DeleteGroupPolicyInput, operation};

use super::shared::attachments::{delete_inline, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteGroupPolicy(DeleteGroupPolicyInput);

impl Operation for DeleteGroupPolicy {
    type Input = DeleteGroupPolicyInput;
    const NAME: &'static str = operation::DELETE_GROUP_POLICY;

    fn new(input: DeleteGroupPolicyInput) -> Result<Self, ApiError> {
        Ok(DeleteGroupPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::GroupMembers(self.0.group_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        delete_inline(
            ctx.state,
            Holder::Group,
            &self.0.group_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(None)
    }
}
