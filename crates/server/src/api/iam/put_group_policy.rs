//! `PutGroupPolicy`: adds or replaces an inline policy of a group, within its size quota.

use keyward_aws_model::generated::iam::{input::PutGroupPolicyInput, operation};

use super::shared::attachments::{holder_resource, put_inline, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutGroupPolicy(PutGroupPolicyInput);

impl Operation for PutGroupPolicy {
    type Input = PutGroupPolicyInput;
    const NAME: &'static str = operation::PUT_GROUP_POLICY;

    fn new(input: PutGroupPolicyInput) -> Result<Self, ApiError> {
        Ok(PutGroupPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::GroupMembers(self.0.group_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let PutGroupPolicyInput {
            group_name,
            policy_name,
            policy_document,
        } = self.0;
        put_inline(
            ctx.state,
            Holder::Group,
            &group_name,
            policy_name,
            policy_document,
        )
        .await?;
        Ok(None)
    }
}
