//! `RejectDelegationRequest`: the customer refuses an assigned, pending or accepted request
//! (an accepted one only before its token is sent); `Notes` becomes the rejection reason.

use keyward_aws_model::generated::iam::{input::RejectDelegationRequestInput, operation};

use super::shared::delegation::{
    access, attr, load, refuse_partner, transition, wrong_state, Request, State,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct RejectDelegationRequest {
    id: String,
    notes: Option<String>,
    request: Option<Request>,
}

impl Operation for RejectDelegationRequest {
    type Input = RejectDelegationRequestInput;
    const NAME: &'static str = operation::REJECT_DELEGATION_REQUEST;

    fn new(input: RejectDelegationRequestInput) -> Result<Self, ApiError> {
        Ok(RejectDelegationRequest {
            id: input.delegation_request_id,
            notes: input.notes,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        refuse_partner(ctx, "RejectDelegationRequest", &self.id)?;
        let request = load(ctx.state, &self.id).await?;
        let authorization = access(ctx, &request, "RejectDelegationRequest", true)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        if !matches!(
            request.state,
            State::Assigned | State::PendingApproval | State::Accepted
        ) {
            return Err(wrong_state(&request, "rejected"));
        }
        let mut changes = Vec::new();
        if let Some(notes) = self.notes {
            changes.push((attr::REJECTION.to_owned(), Some(notes)));
        }
        let from = request.state;
        transition(ctx.state, &request, State::Rejected, changes, Some(from)).await?;
        Ok(None)
    }
}
