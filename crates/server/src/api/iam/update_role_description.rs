//! `UpdateRoleDescription`: a role's description, answered with the updated role.

use keyward_aws_model::generated::iam::{input::UpdateRoleDescriptionInput, operation};

use super::shared::roles::{detailed_role_element, role_resource, update_role, RoleView};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::roles::DESCRIPTION;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateRoleDescription(UpdateRoleDescriptionInput);

impl Operation for UpdateRoleDescription {
    type Input = UpdateRoleDescriptionInput;
    const NAME: &'static str = operation::UPDATE_ROLE_DESCRIPTION;

    fn new(input: UpdateRoleDescriptionInput) -> Result<Self, ApiError> {
        Ok(UpdateRoleDescription(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let UpdateRoleDescriptionInput {
            role_name,
            description,
        } = self.0;
        let state = ctx.state;
        let attributes = vec![(DESCRIPTION.to_owned(), Some(description))];
        let role = update_role(state, &role_name, attributes).await?;
        let element = detailed_role_element(state, &role, RoleView::Fetched).await?;
        Ok(Some(Element::parent(
            "UpdateRoleDescriptionResult",
            vec![element],
        )))
    }
}
