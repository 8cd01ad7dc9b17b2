//! `CreateOrganizationalUnit`: an OU in the root or another OU, at most five levels deep and
//! 1,000 in all, its name unique in its parent; the default policy of each enabled type
//! (`FullAWSAccess`, `RCPFullAWSAccess`) is attached to it.

use keyward_aws_model::generated::organizations::{
    input::CreateOrganizationalUnitInput, operation,
};

use super::shared::{add_tags, input_tags, on, organization, target_arn, unit_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, random_suffix, Unit};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// How deep OUs nest below the root.
const MAX_DEPTH: usize = 5;
/// How many OUs an organization may have.
const MAX_UNITS: usize = 1_000;

pub(crate) struct CreateOrganizationalUnit {
    parent_id: String,
    name: String,
    tags: Vec<(String, String)>,
}

impl Operation for CreateOrganizationalUnit {
    type Input = CreateOrganizationalUnitInput;
    const NAME: &'static str = operation::CREATE_ORGANIZATIONAL_UNIT;

    fn new(input: CreateOrganizationalUnitInput) -> Result<Self, ApiError> {
        Ok(CreateOrganizationalUnit {
            parent_id: input.parent_id,
            name: input.name,
            tags: input_tags(input.tags)?,
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
        let element = organization::modify(ctx.state, |organization| {
            if !organization.is_container(&self.parent_id) {
                return Err(OrganizationsError::ParentNotFound.into());
            }
            if organization.depth(&self.parent_id) + 1 > MAX_DEPTH {
                return Err(
                    OrganizationsError::ConstraintViolation("OU_DEPTH_LIMIT_EXCEEDED").into(),
                );
            }
            if organization.units.len() >= MAX_UNITS {
                return Err(
                    OrganizationsError::ConstraintViolation("OU_NUMBER_LIMIT_EXCEEDED").into(),
                );
            }
            if organization
                .units
                .iter()
                .any(|u| u.parent_id == self.parent_id && u.name == self.name)
            {
                return Err(OrganizationsError::DuplicateOrganizationalUnit.into());
            }
            let root_suffix = organization.root.id.trim_start_matches("r-").to_owned();
            let unit = Unit {
                id: format!("ou-{root_suffix}-{}", random_suffix(8)),
                name: self.name.clone(),
                parent_id: self.parent_id.clone(),
            };
            add_tags(organization, &unit.id, &self.tags)?;
            organization.units.push(unit.clone());
            organization.attach_defaults(&unit.id);
            Ok(unit_element(organization, &unit))
        })
        .await?;
        Ok(Some(Element::parent(
            "CreateOrganizationalUnitResult",
            vec![element],
        )))
    }
}
