//! `UpdateRole`: a role's description or maximum session duration.

use keyward_aws_model::generated::iam::{input::UpdateRoleInput, operation};

use super::shared::roles::{role_resource, update_role};
use super::shared::service_linked_roles::ensure_modifiable;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::roles::{DESCRIPTION, MAX_SESSION};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateRole(UpdateRoleInput);

impl Operation for UpdateRole {
    type Input = UpdateRoleInput;
    const NAME: &'static str = operation::UPDATE_ROLE;

    fn new(input: UpdateRoleInput) -> Result<Self, ApiError> {
        Ok(UpdateRole(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        // A service-linked role's description may be edited; nothing else of it.
        if self.0.max_session_duration.is_some() {
            ensure_modifiable(ctx.state, &self.0.role_name).await?;
        }
        let UpdateRoleInput {
            role_name,
            description,
            max_session_duration,
        } = self.0;
        let mut attributes = Vec::new();
        if let Some(d) = description {
            attributes.push((DESCRIPTION.to_owned(), Some(d)));
        }
        if let Some(m) = max_session_duration {
            attributes.push((MAX_SESSION.to_owned(), Some(m.to_string())));
        }
        update_role(ctx.state, &role_name, attributes).await?;
        Ok(Some(Element::parent("UpdateRoleResult", Vec::new())))
    }
}
