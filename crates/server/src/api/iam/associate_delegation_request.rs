//! `AssociateDelegationRequest`: the caller claims an unassigned request; its ARN becomes the
//! owner id and, when the partner named none, its account the owner account.

use keyward_aws_model::generated::iam::{input::AssociateDelegationRequestInput, operation};

use super::shared::delegation::{
    access, attr, caller_arn, load, refuse_partner, transition, wrong_state, Request, State,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AssociateDelegationRequest {
    id: String,
    request: Option<Request>,
}

impl Operation for AssociateDelegationRequest {
    type Input = AssociateDelegationRequestInput;
    const NAME: &'static str = operation::ASSOCIATE_DELEGATION_REQUEST;

    fn new(input: AssociateDelegationRequestInput) -> Result<Self, ApiError> {
        Ok(AssociateDelegationRequest {
            id: input.delegation_request_id,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        refuse_partner(ctx, "AssociateDelegationRequest", &self.id)?;
        let request = load(ctx.state, &self.id).await?;
        let authorization = access(ctx, &request, "AssociateDelegationRequest", false)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        if request.state != State::Unassigned {
            return Err(wrong_state(&request, "associated"));
        }
        let changes = vec![
            (attr::OWNER_ID.to_owned(), Some(caller_arn(ctx.caller))),
            (
                attr::OWNER_ACCOUNT.to_owned(),
                Some(ctx.caller.account.0.clone()),
            ),
        ];
        transition(
            ctx.state,
            &request,
            State::Assigned,
            changes,
            Some(State::Unassigned),
        )
        .await?;
        Ok(None)
    }
}
