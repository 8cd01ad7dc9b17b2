//! `DetachUserPolicy`: detaches a managed policy from a user.

use keyward_aws_model::generated::iam::{input::DetachUserPolicyInput, operation};

use super::shared::attachments::{detach, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DetachUserPolicy(DetachUserPolicyInput);

impl Operation for DetachUserPolicy {
    type Input = DetachUserPolicyInput;
    const NAME: &'static str = operation::DETACH_USER_POLICY;

    fn new(input: DetachUserPolicyInput) -> Result<Self, ApiError> {
        Ok(DetachUserPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        detach(
            ctx.state,
            Holder::User,
            &self.0.user_name,
            &self.0.policy_arn,
        )
        .await?;
        Ok(None)
    }
}
