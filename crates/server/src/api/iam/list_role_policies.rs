//! `ListRolePolicies`: the names of a role's inline policies, a page at a time.

use keyward_aws_model::generated::iam::{input::ListRolePoliciesInput, operation};

use super::shared::attachments::{holder_resource, list_inline, Holder};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListRolePolicies {
    name: String,
    paging: Paging,
}

impl Operation for ListRolePolicies {
    type Input = ListRolePoliciesInput;
    const NAME: &'static str = operation::LIST_ROLE_POLICIES;

    fn new(input: ListRolePoliciesInput) -> Result<Self, ApiError> {
        Ok(ListRolePolicies {
            name: input.role_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::Role, &self.name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = list_inline(ctx.state, Holder::Role, &self.name, &self.paging).await?;
        Ok(Some(Element::parent("ListRolePoliciesResult", fields)))
    }
}
