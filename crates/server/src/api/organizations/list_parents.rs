//! `ListParents`: the root or OU an OU or account is directly in.

use keyward_aws_model::generated::organizations::{input::ListParentsInput, operation};

use super::shared::{listing, on, organization, target_arn, typed_id};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListParents {
    child_id: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListParents {
    type Input = ListParentsInput;
    const NAME: &'static str = operation::LIST_PARENTS;

    fn new(input: ListParentsInput) -> Result<Self, ApiError> {
        Ok(ListParents {
            child_id: input.child_id,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.child_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let parent = organization
            .parent_of(&self.child_id)
            .ok_or(ApiError::Organizations(OrganizationsError::ChildNotFound))?;
        let parent_type = organization
            .target_type(parent)
            .ok_or(ApiError::ServiceFailure)?;
        listing(
            "Parents",
            vec![typed_id("Parent", parent, parent_type)],
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
