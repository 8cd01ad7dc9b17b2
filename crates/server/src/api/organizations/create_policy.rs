//! `CreatePolicy`: a policy of any type the model lists, its content checked as Organizations
//! checks its type (SCPs and RCPs: see [`check_content`]), its name unique among the
//! policies of its type, at most 1,000 of a type.

use keyward_aws_model::generated::organizations::{input::CreatePolicyInput, operation};

use super::shared::{add_tags, check_content, input_tags, on_any, policy_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, random_suffix, Policy};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// How many policies of one type an organization may have.
const MAX_POLICIES_OF_A_TYPE: usize = 1_000;

pub(crate) struct CreatePolicy {
    content: String,
    description: String,
    name: String,
    policy_type: String,
    tags: Vec<(String, String)>,
}

impl Operation for CreatePolicy {
    type Input = CreatePolicyInput;
    const NAME: &'static str = operation::CREATE_POLICY;

    fn new(input: CreatePolicyInput) -> Result<Self, ApiError> {
        check_content(&input.r#type, &input.content)?;
        Ok(CreatePolicy {
            content: input.content,
            description: input.description,
            name: input.name,
            policy_type: input.r#type,
            tags: input_tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let element = organization::modify(ctx.state, |organization| {
            if organization.feature_set != "ALL" {
                return Err(OrganizationsError::PolicyTypeNotAvailableForOrganization.into());
            }
            let of_type = organization
                .policies
                .iter()
                .filter(|p| p.policy_type == self.policy_type && !p.aws_managed);
            if of_type.clone().any(|p| p.name == self.name) {
                return Err(OrganizationsError::DuplicatePolicy.into());
            }
            if of_type.count() >= MAX_POLICIES_OF_A_TYPE {
                return Err(OrganizationsError::ConstraintViolation(
                    "POLICY_NUMBER_LIMIT_EXCEEDED",
                )
                .into());
            }
            let policy = Policy {
                id: format!("p-{}", random_suffix(8)),
                name: self.name.clone(),
                description: self.description.clone(),
                policy_type: self.policy_type.clone(),
                aws_managed: false,
                content: self.content.clone(),
            };
            add_tags(organization, &policy.id, &self.tags)?;
            organization.policies.push(policy.clone());
            Ok(policy_element(organization, &policy))
        })
        .await?;
        Ok(Some(Element::parent("CreatePolicyResult", vec![element])))
    }
}
