//! `EnableOutboundWebIdentityFederation`: lets the account's principals call
//! `GetWebIdentityToken`, creating the issuer's signing keys the first time, and answers the
//! issuer URL (this server's own, see [`crate::state::AppState::issuer`]).

use keyward_aws_model::generated::iam::operation;

use super::shared::account::account_resource;
use super::shared::outbound::{already_enabled, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::web_identity_issuer;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct EnableOutboundWebIdentityFederation;

impl Operation for EnableOutboundWebIdentityFederation {
    type Input = NoInput;
    const NAME: &'static str = operation::ENABLE_OUTBOUND_WEB_IDENTITY_FEDERATION;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(EnableOutboundWebIdentityFederation)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        if !web_identity_issuer::enable(ctx.state).await? {
            return Err(already_enabled());
        }
        Ok(Some(Element::parent(
            "EnableOutboundWebIdentityFederationResult",
            vec![Element::text("IssuerIdentifier", &ctx.state.issuer)],
        )))
    }
}
