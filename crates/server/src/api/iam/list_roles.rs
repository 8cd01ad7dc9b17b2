//! `ListRoles`: the account's roles under a path prefix, a page at a time.

use keyward_aws_model::generated::iam::{input::ListRolesInput, operation};
use keyward_store::EntityKind;

use super::shared::roles::role_element;
use super::shared::Paging;
use super::shared::{iam_arn, paging_fields};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListRoles {
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListRoles {
    type Input = ListRolesInput;
    const NAME: &'static str = operation::LIST_ROLES;

    fn new(input: ListRolesInput) -> Result<Self, ApiError> {
        Ok(ListRoles {
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Role, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let page = state
            .store
            .list_entities(EntityKind::Role, &self.path_prefix, self.paging.request())
            .await
            .map_err(ApiError::from_store)?;
        let roles = page.items.iter().map(|r| role_element(state, r)).collect();
        let mut fields = vec![Element::list("Roles", roles)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListRolesResult", fields)))
    }
}
