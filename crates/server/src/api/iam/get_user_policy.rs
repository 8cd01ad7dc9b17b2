//! `GetUserPolicy`: an inline policy of a user, its document URL-encoded.

use keyward_aws_model::generated::iam::{input::GetUserPolicyInput, operation};

use super::shared::attachments::{get_inline, holder_resource, Holder};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetUserPolicy(GetUserPolicyInput);

impl Operation for GetUserPolicy {
    type Input = GetUserPolicyInput;
    const NAME: &'static str = operation::GET_USER_POLICY;

    fn new(input: GetUserPolicyInput) -> Result<Self, ApiError> {
        Ok(GetUserPolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = get_inline(
            ctx.state,
            Holder::User,
            &self.0.user_name,
            &self.0.policy_name,
        )
        .await?;
        Ok(Some(Element::parent("GetUserPolicyResult", fields)))
    }
}
