//! `SendDelegationToken`: releases the exchange token of an accepted request to the partner,
//! through the notification channel the partner named, and finalizes the request. The
//! delegated access lasts `SessionDuration` from now. With `OnlySendByOwner`, only the owner
//! may release it; otherwise the owner may by default and others with
//! `iam:SendDelegationToken`. The token is never in the response, a log or the audit log.

use keyward_aws_model::generated::iam::{input::SendDelegationTokenInput, operation};
use time::Duration;

use super::shared::delegation::{
    access, attr, caller_arn, load, new_token, notify, refuse_partner, transition, wrong_state,
    Request, State,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct SendDelegationToken {
    id: String,
    request: Option<Request>,
}

impl Operation for SendDelegationToken {
    type Input = SendDelegationTokenInput;
    const NAME: &'static str = operation::SEND_DELEGATION_TOKEN;

    fn new(input: SendDelegationTokenInput) -> Result<Self, ApiError> {
        Ok(SendDelegationToken {
            id: input.delegation_request_id,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        refuse_partner(ctx, "SendDelegationToken", &self.id)?;
        let request = load(ctx.state, &self.id).await?;
        let owner = request.owner_id() == Some(caller_arn(ctx.caller).as_str());
        if request.get(attr::ONLY_OWNER_SENDS) == Some("true") && !owner {
            return Err(ApiError::AccessDenied(format!(
                "User: {} is not authorized to perform: iam:SendDelegationToken on resource: {} \
                 because only the owner of the delegation request may send its token",
                ctx.caller.arn(),
                super::shared::delegation::request_arn(ctx.state, &self.id)
            )));
        }
        let authorization = access(ctx, &request, "SendDelegationToken", true)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        if request.state != State::Accepted {
            return Err(wrong_state(&request, "sent"));
        }
        let (token, token_hash) = new_token(state, request.id())?;
        let access_expires = state.clock.now() + Duration::seconds(request.duration());
        let changes = vec![
            (attr::TOKEN_HASH.to_owned(), Some(token_hash)),
            (
                attr::ACCESS_EXPIRES.to_owned(),
                Some(access_expires.unix_timestamp().to_string()),
            ),
        ];
        let finalized = transition(
            state,
            &request,
            State::Finalized,
            changes,
            Some(State::Accepted),
        )
        .await?;
        notify(state, &finalized, Some((&token, access_expires))).await;
        Ok(None)
    }
}
