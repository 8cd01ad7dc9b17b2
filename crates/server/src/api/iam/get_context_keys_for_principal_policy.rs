//! `GetContextKeysForPrincipalPolicy`: every condition key the policies of a stored user,
//! group or role (and any policies added) test.

use keyward_aws_model::generated::iam::{input::GetContextKeysForPrincipalPolicyInput, operation};
use keyward_policy::PolicyKind;

use super::shared::check_policy_document;
use super::shared::simulate::{context_keys_result, load_source};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetContextKeysForPrincipalPolicy {
    source_arn: String,
    policies: Vec<String>,
}

impl Operation for GetContextKeysForPrincipalPolicy {
    type Input = GetContextKeysForPrincipalPolicyInput;
    const NAME: &'static str = operation::GET_CONTEXT_KEYS_FOR_PRINCIPAL_POLICY;

    fn new(input: GetContextKeysForPrincipalPolicyInput) -> Result<Self, ApiError> {
        Ok(GetContextKeysForPrincipalPolicy {
            source_arn: input.policy_source_arn,
            policies: input.policy_input_list.unwrap_or_default(),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(
            self.source_arn.clone(),
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let source = load_source(ctx.state, &self.source_arn).await?;
        let mut texts = source.policy_texts();
        for text in &self.policies {
            check_policy_document(text, PolicyKind::Identity, None)?;
        }
        texts.extend(self.policies);
        Ok(Some(context_keys_result(
            "GetContextKeysForPrincipalPolicyResult",
            &texts,
        )))
    }
}
