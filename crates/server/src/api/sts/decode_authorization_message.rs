//! `DecodeAuthorizationMessage`: opens an encoded authorization message (what a service that
//! encodes its denials appends to them, see [`crate::authz::encoded_denial`]) and returns
//! AWS's JSON. The caller needs `sts:DecodeAuthorizationMessage`; anything that is not a
//! message sealed for this account is `InvalidAuthorizationMessageException`.

use keyward_aws_model::generated::sts::{input::DecodeAuthorizationMessageInput, operation};

use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::authorization_message::open;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DecodeAuthorizationMessage {
    encoded: String,
}

impl Operation for DecodeAuthorizationMessage {
    type Input = DecodeAuthorizationMessageInput;
    const NAME: &'static str = operation::DECODE_AUTHORIZATION_MESSAGE;

    fn new(input: DecodeAuthorizationMessageInput) -> Result<Self, ApiError> {
        Ok(DecodeAuthorizationMessage {
            encoded: input.encoded_message,
        })
    }

    /// The action has no resource type: it is authorized on `*`.
    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        // Federated users may call no STS operation but GetCallerIdentity.
        if matches!(ctx.caller.identity, Identity::FederatedUser(_)) {
            return Err(ApiError::AccessDenied(
                "Cannot call DecodeAuthorizationMessage with federated user credentials".to_owned(),
            ));
        }
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let decoded = open(&ctx.state.master, &ctx.state.account, &self.encoded)
            .ok_or_else(ApiError::invalid_authorization_message)?;
        Ok(Some(Element::parent(
            "DecodeAuthorizationMessageResult",
            vec![Element::text("DecodedMessage", decoded)],
        )))
    }
}
