//! `ListChildren`: the OUs or the accounts directly in a root or OU.

use keyward_aws_model::generated::organizations::{input::ListChildrenInput, operation};

use super::shared::{listing, on, organization, target_arn, typed_id};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::TargetType;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListChildren {
    parent_id: String,
    child_type: String,
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListChildren {
    type Input = ListChildrenInput;
    const NAME: &'static str = operation::LIST_CHILDREN;

    fn new(input: ListChildrenInput) -> Result<Self, ApiError> {
        Ok(ListChildren {
            parent_id: input.parent_id,
            child_type: input.child_type,
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(target_arn(&organization, &self.parent_id)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        if !organization.is_container(&self.parent_id) {
            return Err(OrganizationsError::ParentNotFound.into());
        }
        let children: Vec<Element> = if self.child_type == "ACCOUNT" {
            organization
                .accounts
                .iter()
                .filter(|a| a.parent_id == self.parent_id)
                .map(|a| typed_id("Child", &a.id, TargetType::Account))
                .collect()
        } else {
            organization
                .units
                .iter()
                .filter(|u| u.parent_id == self.parent_id)
                .map(|u| typed_id("Child", &u.id, TargetType::OrganizationalUnit))
                .collect()
        };
        listing(
            "Children",
            children,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}
