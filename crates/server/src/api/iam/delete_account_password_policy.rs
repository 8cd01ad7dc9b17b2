//! `DeleteAccountPasswordPolicy`: removes the account's password policy; new passwords then
//! meet AWS's default policy.

use keyward_aws_model::generated::iam::operation;
use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;

use super::shared::account::account_resource;
use super::shared::console::delete_policy;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// The input of `DeleteAccountPasswordPolicy`, which has none: AWS's model gives the
/// operation no input shape, so nothing is generated for it.
pub(crate) struct DeleteAccountPasswordPolicyInput;

impl FromValue for DeleteAccountPasswordPolicyInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| DeleteAccountPasswordPolicyInput)
    }
}

pub(crate) struct DeleteAccountPasswordPolicy;

impl Operation for DeleteAccountPasswordPolicy {
    type Input = DeleteAccountPasswordPolicyInput;
    const NAME: &'static str = operation::DELETE_ACCOUNT_PASSWORD_POLICY;

    fn new(_input: DeleteAccountPasswordPolicyInput) -> Result<Self, ApiError> {
        Ok(DeleteAccountPasswordPolicy)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        delete_policy(ctx.state).await?;
        Ok(None)
    }
}
