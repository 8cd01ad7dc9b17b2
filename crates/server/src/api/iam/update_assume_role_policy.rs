//! `UpdateAssumeRolePolicy`: replaces a role's trust policy.

use keyward_aws_model::generated::iam::{input::UpdateAssumeRolePolicyInput, operation};
use keyward_policy::PolicyKind;

use super::shared::check_policy_document;
use super::shared::roles::{load_role, role_resource, update_role};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::roles::TRUST_POLICY;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateAssumeRolePolicy(UpdateAssumeRolePolicyInput);

impl Operation for UpdateAssumeRolePolicy {
    type Input = UpdateAssumeRolePolicyInput;
    const NAME: &'static str = operation::UPDATE_ASSUME_ROLE_POLICY;

    fn new(input: UpdateAssumeRolePolicyInput) -> Result<Self, ApiError> {
        Ok(UpdateAssumeRolePolicy(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        ensure_modifiable(ctx.state, &self.0.role_name).await?;
        let UpdateAssumeRolePolicyInput {
            role_name,
            policy_document,
        } = self.0;
        let state = ctx.state;
        load_role(state, &role_name).await?;
        check_policy_document(&policy_document, PolicyKind::Trust, None)?;
        let attributes = vec![(TRUST_POLICY.to_owned(), Some(policy_document))];
        update_role(state, &role_name, attributes).await?;
        Ok(None)
    }
}
