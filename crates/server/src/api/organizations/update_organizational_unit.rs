//! `UpdateOrganizationalUnit`: renames an OU; the name stays unique in its parent.

use keyward_aws_model::generated::organizations::{
    input::UpdateOrganizationalUnitInput, operation,
};

use super::shared::{on, organization, target_arn, unit_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateOrganizationalUnit {
    id: String,
    name: Option<String>,
}

impl Operation for UpdateOrganizationalUnit {
    type Input = UpdateOrganizationalUnitInput;
    const NAME: &'static str = operation::UPDATE_ORGANIZATIONAL_UNIT;

    fn new(input: UpdateOrganizationalUnitInput) -> Result<Self, ApiError> {
        Ok(UpdateOrganizationalUnit {
            id: input.organizational_unit_id,
            name: input.name,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let element =
            organization::modify(ctx.state, |organization| {
                let Some(unit) = organization.unit(&self.id).cloned() else {
                    return Err(OrganizationsError::OrganizationalUnitNotFound.into());
                };
                if let Some(name) = &self.name {
                    if organization.units.iter().any(|u| {
                        u.id != unit.id && u.parent_id == unit.parent_id && &u.name == name
                    }) {
                        return Err(OrganizationsError::DuplicateOrganizationalUnit.into());
                    }
                    if let Some(stored) = organization.units.iter_mut().find(|u| u.id == self.id) {
                        stored.name = name.clone();
                    }
                }
                let unit = organization.unit(&self.id).cloned().unwrap_or(unit);
                Ok(unit_element(organization, &unit))
            })
            .await?;
        Ok(Some(Element::parent(
            "UpdateOrganizationalUnitResult",
            vec![element],
        )))
    }
}
