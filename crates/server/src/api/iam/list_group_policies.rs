//! `ListGroupPolicies`: the names of a group's inline policies, a page at a time.

use keyward_aws_model::generated::iam::{input::ListGroupPoliciesInput, operation};

use super::shared::attachments::{holder_resource, list_inline, Holder};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListGroupPolicies {
    name: String,
    paging: Paging,
}

impl Operation for ListGroupPolicies {
    type Input = ListGroupPoliciesInput;
    const NAME: &'static str = operation::LIST_GROUP_POLICIES;

    fn new(input: ListGroupPoliciesInput) -> Result<Self, ApiError> {
        Ok(ListGroupPolicies {
            name: input.group_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Group, &self.name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = list_inline(ctx.state, Holder::Group, &self.name, &self.paging).await?;
        Ok(Some(Element::parent("ListGroupPoliciesResult", fields)))
    }
}
