//! `ListUserPolicies`: the names of a user's inline policies, a page at a time.

use keyward_aws_model::generated::iam::{input::ListUserPoliciesInput, operation};

use super::shared::attachments::{holder_resource, list_inline, Holder};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListUserPolicies {
    name: String,
    paging: Paging,
}

impl Operation for ListUserPolicies {
    type Input = ListUserPoliciesInput;
    const NAME: &'static str = operation::LIST_USER_POLICIES;

    fn new(input: ListUserPoliciesInput) -> Result<Self, ApiError> {
        Ok(ListUserPolicies {
            name: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = holder_resource(ctx.state, Holder::User, &self.name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let fields = list_inline(ctx.state, Holder::User, &self.name, &self.paging).await?;
        Ok(Some(Element::parent("ListUserPoliciesResult", fields)))
    }
}
