//! `GetAccessKeyInfo`: the account an access key id belongs to, read from the id itself.

use keyward_aws_model::generated::sts::{input::GetAccessKeyInfoInput, operation};

use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct GetAccessKeyInfo {
    access_key_id: String,
}

impl Operation for GetAccessKeyInfo {
    type Input = GetAccessKeyInfoInput;
    const NAME: &'static str = operation::GET_ACCESS_KEY_INFO;

    fn new(input: GetAccessKeyInfoInput) -> Result<Self, ApiError> {
        Ok(GetAccessKeyInfo {
            access_key_id: input.access_key_id,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        // Federated users may call no STS operation but GetCallerIdentity.
        if matches!(ctx.caller.identity, Identity::FederatedUser(_)) {
            return Err(ApiError::AccessDenied(
                "Cannot call GetAccessKeyInfo with federated user credentials".to_owned(),
            ));
        }
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, _: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let id = &self.access_key_id;
        let account = ids::account_of_key_id(id).ok_or_else(|| {
            ApiError::InvalidParameterValue(format!("The access key ID {id} is not valid."))
        })?;
        Ok(Some(Element::parent(
            "GetAccessKeyInfoResult",
            vec![Element::text("Account", format!("{account:012}"))],
        )))
    }
}
