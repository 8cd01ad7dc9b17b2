//! `ListOrganizationalUnitsForParent`: the OUs directly in a root or OU.

use keyward_aws_model::generated::organizations::{
    input::ListOrganizationalUnitsForParentInput, operation,
};

use super::shared::{listing, on, organization, target_arn, unit_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListOrganizationalUnitsForParent {
    parent_id: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListOrganizationalUnitsForParent {
    type Input = ListOrganizationalUnitsForParentInput;
    const NAME: &'static str = operation::LIST_ORGANIZATIONAL_UNITS_FOR_PARENT;

    fn new(input: ListOrganizationalUnitsForParentInput) -> Result<Self, ApiError> {
        Ok(ListOrganizationalUnitsForParent {
            parent_id: input.parent_id,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.parent_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if !organization.is_container(&self.parent_id) {
            return Err(OrganizationsError::ParentNotFound.into());
        }
        let units = organization
            .units
            .iter()
            .filter(|u| u.parent_id == self.parent_id)
            .map(|u| unit_element(&organization, u))
            .collect();
        listing(
            "OrganizationalUnits",
            units,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
