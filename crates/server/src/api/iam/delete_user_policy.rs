//! `DeleteUserPolicy`: deletes an inline policy of a user.

use keyward_aws_model::generated::iam::{input::DeleteUserPolicyInput, operation};

use super::shared::attachments::{delete_inline, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteUserPolicy(DeleteUserPolicyInput);

impl Operation for DeleteUserPolicy {
    type Input = DeleteUserPolicyInput;
    const NAME: &'static str = operation::DELETE_USER_POLICY;

    fn new(input: DeleteUserPolicyInput) -> Result<Self, ApiError> {
        Ok(DeleteUserPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        delete_inline(
            ctx.state,
            Holder::User,
            &self.0.user_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(None)
    }
}
