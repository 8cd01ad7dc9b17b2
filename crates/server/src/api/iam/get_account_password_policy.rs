//! `GetAccountPasswordPolicy`: the account's password policy. Every IAM user may read it when
//! the policy lets users change their own passwords.

use keyward_aws_model::generated::iam::operation;
use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;

use super::shared::account::account_resource;
use super::shared::console::{account_granted, load_policy, no_such_policy};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// The input of `GetAccountPasswordPolicy`, which has none: AWS's model gives the operation
/// no input shape, so nothing is generated for it.
pub(crate) struct GetAccountPasswordPolicyInput;

impl FromValue for GetAccountPasswordPolicyInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| GetAccountPasswordPolicyInput)
    }
}

pub(crate) struct GetAccountPasswordPolicy;

impl Operation for GetAccountPasswordPolicy {
    type Input = GetAccountPasswordPolicyInput;
    const NAME: &'static str = operation::GET_ACCOUNT_PASSWORD_POLICY;

    fn new(_input: GetAccountPasswordPolicyInput) -> Result<Self, ApiError> {
        Ok(GetAccountPasswordPolicy)
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let granted = load_policy(ctx.state)
            .await?
            .is_some_and(|p| p.allows_users_to_change());
        Ok(account_granted(ctx, account_resource(), granted))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let policy = load_policy(ctx.state)
            .await?
            .ok_or_else(|| no_such_policy(ctx.state))?;
        Ok(Some(Element::parent(
            "GetAccountPasswordPolicyResult",
            vec![policy.element()],
        )))
    }
}
