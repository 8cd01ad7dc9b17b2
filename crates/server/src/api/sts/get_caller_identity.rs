//! `GetCallerIdentity`: who signed the request. Needs no permission, as on AWS.

use keyward_aws_model::generated::sts::{input::GetCallerIdentityInput, operation};

use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetCallerIdentity;

impl Operation for GetCallerIdentity {
    type Input = GetCallerIdentityInput;
    const NAME: &'static str = operation::GET_CALLER_IDENTITY;

    fn new(_: GetCallerIdentityInput) -> Result<Self, ApiError> {
        Ok(GetCallerIdentity)
    }

    async fn authorization(&mut self, _: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::None)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let caller = ctx.caller;
        Ok(Some(Element::parent(
            "GetCallerIdentityResult",
            vec![
                Element::text("Arn", caller.arn()),
                Element::text("UserId", caller.principal_id()),
                Element::text("Account", &caller.account.0),
            ],
        )))
    }
}
