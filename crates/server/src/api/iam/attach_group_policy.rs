//! `AttachGroupPolicy`: attaches a managed policy to a group, within IAM's quota.

use keyward_aws_model::generated::iam::{input::AttachGroupPolicyInput, operation};

use super::shared::attachments::{attach, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AttachGroupPolicy(AttachGroupPolicyInput);

impl Operation for AttachGroupPolicy {
    type Input = AttachGroupPolicyInput;
    const NAME: &'static str = operation::ATTACH_GROUP_POLICY;

    fn new(input: AttachGroupPolicyInput) -> Result<Self, ApiError> {
        Ok(AttachGroupPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::GroupMembers(self.0.group_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        attach(
            ctx.state,
            Holder::Group,
            &self.0.group_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
