//! `AttachUserPolicy`: attaches a managed policy to a user, within IAM's quota.

use keyward_aws_model::generated::iam::{input::AttachUserPolicyInput, operation};

use super::shared::attachments::{attach, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AttachUserPolicy(AttachUserPolicyInput);

impl Operation for AttachUserPolicy {
    type Input = AttachUserPolicyInput;
    const NAME: &'static str = operation::ATTACH_USER_POLICY;

    fn new(input: AttachUserPolicyInput) -> Result<Self, ApiError> {
        Ok(AttachUserPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        attach(
            ctx.state,
            Holder::User,
            &self.0.user_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
