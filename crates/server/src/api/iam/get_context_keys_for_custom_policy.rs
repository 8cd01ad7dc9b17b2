//! `GetContextKeysForCustomPolicy`: every condition key the given policies test.

use keyward_aws_model::generated::iam::{input::GetContextKeysForCustomPolicyInput, operation};
use keyward_policy::PolicyKind;

use super::shared::check_policy_document;
use super::shared::simulate::context_keys_result;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetContextKeysForCustomPolicy {
    policies: Vec<String>,
}

impl Operation for GetContextKeysForCustomPolicy {
    type Input = GetContextKeysForCustomPolicyInput;
    const NAME: &'static str = operation::GET_CONTEXT_KEYS_FOR_CUSTOM_POLICY;

    fn new(input: GetContextKeysForCustomPolicyInput) -> Result<Self, ApiError> {
        // `PolicyInputList=` (an empty list) is present to the model, but IAM wants a policy.
        if input.policy_input_list.is_empty() {
            return Err(ApiError::validation_null("policyInputList"));
        }
        Ok(GetContextKeysForCustomPolicy {
            policies: input.policy_input_list,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, _ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        for text in &self.policies {
            check_policy_document(text, PolicyKind::Identity, None)?;
        }
        Ok(Some(context_keys_result(
            "GetContextKeysForCustomPolicyResult",
            &self.policies,
        )))
    }
}
