//! `ListDelegationRequests`: the requests of the caller's account that have an owner. A caller
//! allowed `iam:ListDelegationRequests` sees them all (or one owner's, with `OwnerId`); any
//! other caller sees the requests it owns, its default permission.

use keyward_aws_model::generated::iam::{input::ListDelegationRequestsInput, operation};

use super::shared::delegation::{all, attr, caller_arn, element};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::{authorize, Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListDelegationRequests {
    owner: Option<String>,
    paging: Paging,
}

impl Operation for ListDelegationRequests {
    type Input = ListDelegationRequestsInput;
    const NAME: &'static str = operation::LIST_DELEGATION_REQUESTS;

    fn new(input: ListDelegationRequestsInput) -> Result<Self, ApiError> {
        Ok(ListDelegationRequests {
            owner: input.owner_id,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        // Everyone may list their own requests unless explicitly denied; listing others' is
        // decided in `handle`.
        Ok(Authorization::UnlessDenied {
            resource: Resource::arn("*".to_owned()),
        })
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let me = caller_arn(ctx.caller);
        let everyone = match authorize(
            ctx.state,
            ctx.caller,
            "iam:ListDelegationRequests",
            &Resource::arn("*".to_owned()),
            ctx.facts,
        )
        .await
        {
            Ok(()) => true,
            Err(ApiError::AccessDenied(message)) => {
                if self.owner.as_deref().is_some_and(|o| o != me) {
                    return Err(ApiError::AccessDenied(message));
                }
                false
            }
            Err(e) => return Err(e),
        };
        let account = &ctx.caller.account.0;
        let items = all(ctx.state)
            .await?
            .into_iter()
            .filter(|r| r.get(attr::OWNER_ACCOUNT) == Some(account.as_str()))
            .filter(|r| match r.owner_id() {
                None => false,
                Some(owner) => {
                    (everyone || owner == me)
                        && self.owner.as_deref().is_none_or(|wanted| wanted == owner)
                }
            })
            .map(|r| (r.id().to_owned(), element("member", &r)))
            .collect();
        let page = self.paging.page_in_memory(items);
        let mut fields = vec![Element::list("DelegationRequests", page.items)];
        if let Some(marker) = &page.next_marker {
            fields.push(Element::text("Marker", marker));
        }
        fields.push(Element::boolean("isTruncated", page.next_marker.is_some()));
        Ok(Some(Element::parent(
            "ListDelegationRequestsResult",
            fields,
        )))
    }
}
