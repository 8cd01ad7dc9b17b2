//! `DetachGroupPolicy`: detaches a managed policy from a group.

use keyward_aws_model::generated::iam::{input::DetachGroupPolicyInput, operation};

use super::shared::attachments::{detach, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DetachGroupPolicy(DetachGroupPolicyInput);

impl Operation for DetachGroupPolicy {
    type Input = DetachGroupPolicyInput;
    const NAME: &'static str = operation::DETACH_GROUP_POLICY;

    fn new(input: DetachGroupPolicyInput) -> Result<Self, ApiError> {
        Ok(DetachGroupPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.0.group_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::GroupMembers(self.0.group_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        detach(
            ctx.state,
            Holder::Group,
            &self.0.group_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
