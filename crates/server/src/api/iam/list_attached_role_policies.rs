//! `ListAttachedRolePolicies`: the managed policies attached to a role, a page at a time.

use keyward_aws_model::generated::iam::{input::ListAttachedRolePoliciesInput, operation};

use super::shared::attachments::{holder_resource, list_attached, Holder};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAttachedRolePolicies {
    name: String,
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListAttachedRolePolicies {
    type Input = ListAttachedRolePoliciesInput;
    const NAME: &'static str = operation::LIST_ATTACHED_ROLE_POLICIES;

    fn new(input: ListAttachedRolePoliciesInput) -> Result<Self, ApiError> {
        Ok(ListAttachedRolePolicies {
            name: input.role_name,
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
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
        let fields = list_attached(
            ctx.state,
            Holder::Role,
            &self.name,
            &self.path_prefix,
            &self.paging,
        )
        .await?;
        Ok(Some(Element::parent(
            "ListAttachedRolePoliciesResult",
            fields,
        )))
    }
}
