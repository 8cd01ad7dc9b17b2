//! `DeleteOrganizationalUnit`: only an OU with no accounts and no OUs in it; its attachments
//! and tags go with it.

use keyward_aws_model::generated::organizations::{
    input::DeleteOrganizationalUnitInput, operation,
};

use super::shared::{on, organization, target_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteOrganizationalUnit {
    id: String,
}

impl Operation for DeleteOrganizationalUnit {
    type Input = DeleteOrganizationalUnitInput;
    const NAME: &'static str = operation::DELETE_ORGANIZATIONAL_UNIT;

    fn new(input: DeleteOrganizationalUnitInput) -> Result<Self, ApiError> {
        Ok(DeleteOrganizationalUnit {
            id: input.organizational_unit_id,
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
        organization::modify(ctx.state, |organization| {
            if organization.unit(&self.id).is_none() {
                return Err(OrganizationsError::OrganizationalUnitNotFound.into());
            }
            if organization.units.iter().any(|u| u.parent_id == self.id)
                || organization.accounts.iter().any(|a| a.parent_id == self.id)
            {
                return Err(OrganizationsError::OrganizationalUnitNotEmpty.into());
            }
            organization.units.retain(|u| u.id != self.id);
            organization.attachments.retain(|a| a.target_id != self.id);
            organization.tags.remove(&self.id);
            Ok(())
        })
        .await?;
        Ok(None)
    }
}
