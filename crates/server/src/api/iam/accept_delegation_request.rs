//! `AcceptDelegationRequest`: an identity allowed `iam:AcceptDelegationRequest` approves an
//! assigned or pending request. IAM records the approver: the delegated credentials act as it,
//! within the request's policy. A root user may approve only sessions of 4 hours or less.

use keyward_aws_model::generated::iam::{input::AcceptDelegationRequestInput, operation};

use super::shared::delegation::{
    access, approver_of, attr, caller_arn, load, refuse_partner, transition, wrong_state, Request,
    State, ROOT_MAX_DURATION,
};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct AcceptDelegationRequest {
    id: String,
    request: Option<Request>,
}

impl Operation for AcceptDelegationRequest {
    type Input = AcceptDelegationRequestInput;
    const NAME: &'static str = operation::ACCEPT_DELEGATION_REQUEST;

    fn new(input: AcceptDelegationRequestInput) -> Result<Self, ApiError> {
        Ok(AcceptDelegationRequest {
            id: input.delegation_request_id,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        refuse_partner(ctx, "AcceptDelegationRequest", &self.id)?;
        let request = load(ctx.state, &self.id).await?;
        // Approving is never a default permission of the owner.
        let authorization = access(ctx, &request, "AcceptDelegationRequest", false)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        if !matches!(request.state, State::Assigned | State::PendingApproval) {
            return Err(wrong_state(&request, "accepted"));
        }
        if ctx.caller.identity == Identity::Root && request.duration() > ROOT_MAX_DURATION {
            return Err(ApiError::AccessDenied(format!(
                "The root user can only approve delegation requests with a session duration \
                 of {ROOT_MAX_DURATION} seconds or less; this request asks for {} seconds.",
                request.duration()
            )));
        }
        let approver = approver_of(ctx.caller)?;
        let changes = vec![
            (attr::APPROVER_ID.to_owned(), Some(caller_arn(ctx.caller))),
            (
                attr::APPROVER.to_owned(),
                Some(serde_json::to_string(&approver).map_err(|_| ApiError::ServiceFailure)?),
            ),
        ];
        let from = request.state;
        transition(ctx.state, &request, State::Accepted, changes, Some(from)).await?;
        Ok(None)
    }
}
