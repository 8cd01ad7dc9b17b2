//! `DisableOutboundWebIdentityFederation`: stops `GetWebIdentityToken`. Tokens issued before
//! stay verifiable, as on AWS: the issuer keeps its keys and keeps serving them.

use keyward_aws_model::generated::iam::operation;

use super::shared::account::account_resource;
use super::shared::outbound::{already_disabled, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::web_identity_issuer;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DisableOutboundWebIdentityFederation;

impl Operation for DisableOutboundWebIdentityFederation {
    type Input = NoInput;
    const NAME: &'static str = operation::DISABLE_OUTBOUND_WEB_IDENTITY_FEDERATION;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(DisableOutboundWebIdentityFederation)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        if !web_identity_issuer::disable(ctx.state).await? {
            return Err(already_disabled());
        }
        Ok(None)
    }
}
