//! `UpdateDelegationRequest`: the customer adds notes and forwards the request to an
//! administrator, which puts it in `PENDING_APPROVAL`. The owner may by default.

use keyward_aws_model::generated::iam::{input::UpdateDelegationRequestInput, operation};

use super::shared::delegation::{
    access, attr, load, refuse_partner, transition, wrong_state, Request, State,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateDelegationRequest {
    id: String,
    notes: Option<String>,
    request: Option<Request>,
}

impl Operation for UpdateDelegationRequest {
    type Input = UpdateDelegationRequestInput;
    const NAME: &'static str = operation::UPDATE_DELEGATION_REQUEST;

    fn new(input: UpdateDelegationRequestInput) -> Result<Self, ApiError> {
        Ok(UpdateDelegationRequest {
            id: input.delegation_request_id,
            notes: input.notes,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        refuse_partner(ctx, "UpdateDelegationRequest", &self.id)?;
        let request = load(ctx.state, &self.id).await?;
        let authorization = access(ctx, &request, "UpdateDelegationRequest", true)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        if !matches!(request.state, State::Assigned | State::PendingApproval) {
            return Err(wrong_state(&request, "updated"));
        }
        let mut changes = Vec::new();
        if let Some(notes) = self.notes {
            changes.push((attr::NOTES.to_owned(), Some(notes)));
        }
        let from = request.state;
        transition(
            ctx.state,
            &request,
            State::PendingApproval,
            changes,
            Some(from),
        )
        .await?;
        Ok(None)
    }
}
