//! `ListGroupsForUser`: the groups a user belongs to, a page at a time.

use keyward_aws_model::generated::iam::{input::ListGroupsForUserInput, operation};
use keyward_store::{EntityKind, EntityRef, StoreError};

use super::shared::groups::{group_element, groups_of};
use super::shared::paging_fields;
use super::shared::{no_such_user, user_resource, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListGroupsForUser {
    user: String,
    paging: Paging,
}

impl Operation for ListGroupsForUser {
    type Input = ListGroupsForUserInput;
    const NAME: &'static str = operation::LIST_GROUPS_FOR_USER;

    fn new(input: ListGroupsForUserInput) -> Result<Self, ApiError> {
        Ok(ListGroupsForUser {
            user: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            user_resource(ctx.state, &self.user).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let u = match state.store.get_user(&self.user).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Err(no_such_user(&self.user)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let groups = groups_of(state, &EntityRef::new(EntityKind::User, &u.user_id.0)).await?;
        let keyed = groups
            .into_iter()
            .map(|g| (g.name.to_lowercase(), g))
            .collect();
        let page = self.paging.page_in_memory(keyed);
        let mut fields = vec![Element::list(
            "Groups",
            page.items.iter().map(|g| group_element(state, g)).collect(),
        )];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListGroupsForUserResult", fields)))
    }
}
