//! `GetRole`: a role with its boundary, tags and last use.

use keyward_aws_model::generated::iam::{input::GetRoleInput, operation};

use super::shared::roles::{detailed_role_element, load_role, role_resource, RoleView};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetRole(GetRoleInput);

impl Operation for GetRole {
    type Input = GetRoleInput;
    const NAME: &'static str = operation::GET_ROLE;

    fn new(input: GetRoleInput) -> Result<Self, ApiError> {
        Ok(GetRole(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let role = load_role(state, &self.0.role_name).await?;
        let element = detailed_role_element(state, &role, RoleView::Fetched).await?;
        Ok(Some(Element::parent("GetRoleResult", vec![element])))
    }
}
