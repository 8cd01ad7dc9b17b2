//! `ListGroups`: the account's groups under a path prefix, a page at a time.

use keyward_aws_model::generated::iam::{input::ListGroupsInput, operation};
use keyward_store::EntityKind;

use super::shared::groups::group_element;
use super::shared::Paging;
use super::shared::{iam_arn, paging_fields};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListGroups {
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListGroups {
    type Input = ListGroupsInput;
    const NAME: &'static str = operation::LIST_GROUPS;

    fn new(input: ListGroupsInput) -> Result<Self, ApiError> {
        Ok(ListGroups {
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Group, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let page = state
            .store
            .list_entities(EntityKind::Group, &self.path_prefix, self.paging.request())
            .await
            .map_err(ApiError::from_store)?;
        let groups = page.items.iter().map(|g| group_element(state, g)).collect();
        let mut fields = vec![Element::list("Groups", groups)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListGroupsResult", fields)))
    }
}
