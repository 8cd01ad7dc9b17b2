//! `ListUsers`: the account's users under a path prefix, a page at a time.

use keyward_aws_model::generated::iam::{input::ListUsersInput, operation};

use super::shared::Paging;
use super::shared::{paging_fields, user_element};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListUsers {
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListUsers {
    type Input = ListUsersInput;
    const NAME: &'static str = operation::LIST_USERS;

    fn new(input: ListUsersInput) -> Result<Self, ApiError> {
        Ok(ListUsers {
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = arn::user(&ctx.state.account, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let page = state
            .store
            .list_users(&self.path_prefix, self.paging.request())
            .await
            .map_err(ApiError::from_store)?;
        let users = page
            .items
            .iter()
            .map(|u| user_element(state, u, None))
            .collect();
        let mut fields = vec![Element::list("Users", users)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListUsersResult", fields)))
    }
}
