//! `GetOutboundWebIdentityFederationInfo`: the issuer URL and whether `GetWebIdentityToken`
//! may sign. An account that never enabled the feature has no issuer: `FeatureDisabled`.

use keyward_aws_model::generated::iam::operation;

use super::shared::account::account_resource;
use super::shared::outbound::{never_enabled, NoInput};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::web_identity_issuer;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetOutboundWebIdentityFederationInfo;

impl Operation for GetOutboundWebIdentityFederationInfo {
    type Input = NoInput;
    const NAME: &'static str = operation::GET_OUTBOUND_WEB_IDENTITY_FEDERATION_INFO;

    fn new(_input: NoInput) -> Result<Self, ApiError> {
        Ok(GetOutboundWebIdentityFederationInfo)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let issuer = web_identity_issuer::load(ctx.state)
            .await?
            .ok_or_else(never_enabled)?;
        Ok(Some(Element::parent(
            "GetOutboundWebIdentityFederationInfoResult",
            vec![
                Element::text("IssuerIdentifier", &ctx.state.issuer),
                Element::boolean(
                    "JwtVendingEnabled",
                    web_identity_issuer::is_enabled(&issuer),
                ),
            ],
        )))
    }
}
