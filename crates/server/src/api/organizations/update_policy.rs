//! `UpdatePolicy`: a new name, description or content for a policy of the organization's
//! own; AWS's managed policies cannot change.

use keyward_aws_model::generated::organizations::{input::UpdatePolicyInput, operation};

use super::shared::{check_content, immutable, on, organization, policy_arn, policy_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdatePolicy {
    id: String,
    name: Option<String>,
    description: Option<String>,
    content: Option<String>,
}

impl Operation for UpdatePolicy {
    type Input = UpdatePolicyInput;
    const NAME: &'static str = operation::UPDATE_POLICY;

    fn new(input: UpdatePolicyInput) -> Result<Self, ApiError> {
        Ok(UpdatePolicy {
            id: input.policy_id,
            name: input.name,
            description: input.description,
            content: input.content,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(policy_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let element = organization::modify(ctx.state, |organization| {
            let Some(current) = organization.policy(&self.id).cloned() else {
                return Err(OrganizationsError::PolicyNotFound.into());
            };
            if current.aws_managed {
                return Err(immutable());
            }
            if let Some(content) = &self.content {
                check_content(&current.policy_type, content)?;
            }
            if let Some(name) = &self.name {
                if organization.policies.iter().any(|p| {
                    p.id != current.id
                        && !p.aws_managed
                        && p.policy_type == current.policy_type
                        && &p.name == name
                }) {
                    return Err(OrganizationsError::DuplicatePolicy.into());
                }
            }
            let Some(policy) = organization.policies.iter_mut().find(|p| p.id == self.id) else {
                return Err(OrganizationsError::PolicyNotFound.into());
            };
            if let Some(name) = &self.name {
                policy.name = name.clone();
            }
            if let Some(description) = &self.description {
                policy.description = description.clone();
            }
            if let Some(content) = &self.content {
                policy.content = content.clone();
            }
            let policy = policy.clone();
            Ok(policy_element(organization, &policy))
        })
        .await?;
        Ok(Some(Element::parent("UpdatePolicyResult", vec![element])))
    }
}
