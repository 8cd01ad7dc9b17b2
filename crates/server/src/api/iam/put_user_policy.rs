//! `PutUserPolicy`: adds or replaces an inline policy of a user, within its size quota.

use keyward_aws_model::generated::iam::{input::PutUserPolicyInput, operation};

use super::shared::attachments::{holder_resource, put_inline, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutUserPolicy(PutUserPolicyInput);

impl Operation for PutUserPolicy {
    type Input = PutUserPolicyInput;
    const NAME: &'static str = operation::PUT_USER_POLICY;

    fn new(input: PutUserPolicyInput) -> Result<Self, ApiError> {
        Ok(PutUserPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let PutUserPolicyInput {
            user_name,
            policy_name,
            policy_document,
        } = self.0;
        put_inline(
            ctx.state,
            Holder::User,
            &user_name,
            policy_name,
            policy_document,
        )
        .await?;
        Ok(None)
    }
}
