//! `GetDelegatedAccessToken`: a partner trades the exchange token of a finalized delegation
//! request for temporary credentials that act as the request's approver, limited by the
//! request's policy (a session policy: the approver's permissions, intersected). Only a
//! principal of the partner that created the request may redeem it, as often as it likes
//! until the delegated access expires; every credential expires when the access does (IAM
//! User Guide, "Building your integration", Exchange Tokens:
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-building-integration.html>).

use keyward_aws_model::generated::sts::{input::GetDelegatedAccessTokenInput, operation};
use subtle::ConstantTimeEq;

use super::{credentials_element, PACKED_POLICY_BUDGET};
use crate::api::iam::shared::delegation::{attr, load, principal_arn, request_arn, Request, State};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::{Caller, Identity};
use crate::auth::issue;
use crate::auth::session::{DelegatedApprover, DelegatedSession, SessionSubject};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// What the partner is told for a token that does not redeem.
const EXPIRED: &str = "The trade-in token has expired or is no longer valid.";

pub(crate) struct GetDelegatedAccessToken {
    token: String,
    request: Option<Request>,
}

impl Operation for GetDelegatedAccessToken {
    type Input = GetDelegatedAccessTokenInput;
    const NAME: &'static str = operation::GET_DELEGATED_ACCESS_TOKEN;

    fn new(input: GetDelegatedAccessTokenInput) -> Result<Self, ApiError> {
        Ok(GetDelegatedAccessToken {
            token: input.trade_in_token,
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let state = ctx.state;
        let (id, secret_hash) = crate::api::iam::shared::delegation::open_token(state, &self.token)
            .ok_or_else(|| {
                ApiError::InvalidParameterValue("The trade-in token is not valid.".to_owned())
            })?;
        let request = match load(state, &id).await {
            Ok(r) => r,
            Err(ApiError::NoSuchEntity(_)) => {
                return Err(ApiError::ExpiredTradeInToken(EXPIRED.to_owned()))
            }
            Err(e) => return Err(e),
        };
        // Only the partner that created the request may redeem its token.
        let partner = principal_arn(ctx).and_then(|a| state.partners.of_principal(&a));
        if partner.map(|p| p.name.as_str()) != request.get(attr::REQUESTOR_NAME) {
            return Err(ApiError::AccessDenied(format!(
                "User: {} is not authorized to perform: sts:GetDelegatedAccessToken on resource: \
                 {} because the token was issued to another requestor",
                ctx.caller.arn(),
                request_arn(state, &id)
            )));
        }
        let stored = request.get(attr::TOKEN_HASH).unwrap_or_default();
        let matches: bool = stored.as_bytes().ct_eq(secret_hash.as_bytes()).into();
        if !matches || request.state != State::Finalized {
            return Err(ApiError::ExpiredTradeInToken(EXPIRED.to_owned()));
        }
        let resource = Resource::arn(request_arn(state, &id));
        self.request = Some(request);
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        let now = state.clock.now();
        let expires = request
            .get(attr::ACCESS_EXPIRES)
            .and_then(|t| t.parse::<i64>().ok())
            .ok_or(ApiError::ServiceFailure)?;
        let remaining = expires - now.unix_timestamp();
        if remaining <= 0 {
            return Err(ApiError::ExpiredTradeInToken(EXPIRED.to_owned()));
        }
        let approver: DelegatedApprover = request
            .get(attr::APPROVER)
            .and_then(|a| serde_json::from_str(a).ok())
            .ok_or(ApiError::ServiceFailure)?;
        let policy = request.get(attr::POLICY).unwrap_or_default().to_owned();
        let packed = (policy.len() * 100).div_ceil(PACKED_POLICY_BUDGET) as u64;
        if packed > 100 {
            return Err(ApiError::PackedPolicyTooLarge(format!(
                "Packed policy consumes {packed}% of allotted space, please use smaller policy."
            )));
        }
        let session = DelegatedSession {
            request_id: request.id().to_owned(),
            approver: approver.clone(),
            policy,
        };
        let (claims, token) = issue(state, SessionSubject::Delegated(session), remaining)?;
        let assumed = Caller {
            identity: Identity::of_approver(&approver, now),
            ..ctx.caller.clone()
        }
        .arn();
        Ok(Some(Element::parent(
            "GetDelegatedAccessTokenResult",
            vec![
                credentials_element(&claims, token),
                Element::text("PackedPolicySize", packed.to_string()),
                Element::text("AssumedPrincipal", assumed),
            ],
        )))
    }
}
