//! `UpdateAccountPasswordPolicy`: sets the account's password policy. Not a partial update:
//! whatever the request leaves out returns to its default.

use keyward_aws_model::generated::iam::{input::UpdateAccountPasswordPolicyInput, operation};

use super::shared::account::account_resource;
use super::shared::console::{save_policy, PasswordPolicy};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateAccountPasswordPolicy(PasswordPolicy);

impl Operation for UpdateAccountPasswordPolicy {
    type Input = UpdateAccountPasswordPolicyInput;
    const NAME: &'static str = operation::UPDATE_ACCOUNT_PASSWORD_POLICY;

    fn new(input: UpdateAccountPasswordPolicyInput) -> Result<Self, ApiError> {
        Ok(UpdateAccountPasswordPolicy(PasswordPolicy::from_input(
            input,
        )))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        save_policy(ctx.state, &self.0).await?;
        Ok(None)
    }
}
