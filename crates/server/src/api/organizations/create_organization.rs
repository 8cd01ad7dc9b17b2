//! `CreateOrganization`: the caller's account becomes the management account of a new
//! organization, with a root, AWS's managed policies and (with all features, the default) SCPs
//! enabled in the root and `FullAWSAccess` attached to it and to the management account.

use keyward_aws_model::generated::organizations::{input::CreateOrganizationInput, operation};

use super::shared::{on_any, organization_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, Organization};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct CreateOrganization {
    feature_set: String,
}

impl Operation for CreateOrganization {
    type Input = CreateOrganizationInput;
    const NAME: &'static str = operation::CREATE_ORGANIZATION;

    fn new(input: CreateOrganizationInput) -> Result<Self, ApiError> {
        Ok(CreateOrganization {
            feature_set: input.feature_set.unwrap_or_else(|| "ALL".to_owned()),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let account = &ctx.state.account.0;
        let email = organization::management_email(account);
        let now = ctx.state.clock.now().unix_timestamp();
        let created = Organization::new(account, &email, &self.feature_set, now);
        organization::create(ctx.state, &created).await?;
        Ok(Some(Element::parent(
            "CreateOrganizationResult",
            vec![organization_element(&created)],
        )))
    }
}
