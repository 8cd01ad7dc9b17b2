//! `GetGroup`: a group and a page of its members.

use keyward_aws_model::generated::iam::{input::GetGroupInput, operation};
use keyward_store::{RelationKind, StoreError, UserId};

use super::shared::groups::{group_element, group_resource, load_group};
use super::shared::Paging;
use super::shared::{paging_fields, user_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetGroup {
    name: String,
    paging: Paging,
}

impl Operation for GetGroup {
    type Input = GetGroupInput;
    const NAME: &'static str = operation::GET_GROUP;

    fn new(input: GetGroupInput) -> Result<Self, ApiError> {
        Ok(GetGroup {
            name: input.group_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            group_resource(ctx.state, &self.name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let group = load_group(state, &self.name).await?;
        let page = state
            .store
            .list_relations(
                RelationKind::GroupMember,
                None,
                Some(&group.reference()),
                self.paging.request(),
            )
            .await
            .map_err(ApiError::from_store)?;
        let mut users = Vec::with_capacity(page.items.len());
        for relation in &page.items {
            let id = UserId(relation.from.id.clone());
            match state.store.get_user_by_id(&id).await {
                Ok(u) => users.push(user_element(state, &u, None)),
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(ApiError::from_store(e)),
            }
        }
        let mut fields = vec![group_element(state, &group), Element::list("Users", users)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("GetGroupResult", fields)))
    }
}
