//! `EnablePolicyType`: enables a policy type in the root; enabling SCPs or RCPs attaches
//! `FullAWSAccess` or `RCPFullAWSAccess` to the root, every OU and every account. Policy
//! types need all features.

use keyward_aws_model::generated::organizations::{input::EnablePolicyTypeInput, operation};

use super::shared::{on, organization, root_element, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct EnablePolicyType {
    root_id: String,
    policy_type: String,
}

impl Operation for EnablePolicyType {
    type Input = EnablePolicyTypeInput;
    const NAME: &'static str = operation::ENABLE_POLICY_TYPE;

    fn new(input: EnablePolicyTypeInput) -> Result<Self, ApiError> {
        Ok(EnablePolicyType {
            root_id: input.root_id,
            policy_type: input.policy_type,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.root_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let root = organization::modify(ctx.state, |organization| {
            if organization.root.id != self.root_id {
                return Err(OrganizationsError::RootNotFound.into());
            }
            if organization.feature_set != "ALL" {
                return Err(OrganizationsError::PolicyTypeNotAvailableForOrganization.into());
            }
            if organization.is_enabled(&self.policy_type) {
                return Err(OrganizationsError::PolicyTypeAlreadyEnabled.into());
            }
            organization.enable_policy_type(&self.policy_type);
            Ok(root_element(organization))
        })
        .await?;
        Ok(Some(Element::parent("EnablePolicyTypeResult", vec![root])))
    }
}
