//! `DeleteAccessKey`: deletes a key of the named user, or of the caller when no user is named.

use keyward_aws_model::generated::iam::{input::DeleteAccessKeyInput, operation};
use keyward_store::StoreError;

use super::shared::access_keys::{key_owner, no_such_key, owner_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteAccessKey(DeleteAccessKeyInput);

impl Operation for DeleteAccessKey {
    type Input = DeleteAccessKeyInput;
    const NAME: &'static str = operation::DELETE_ACCESS_KEY;

    fn new(input: DeleteAccessKeyInput) -> Result<Self, ApiError> {
        Ok(DeleteAccessKey(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let DeleteAccessKeyInput {
            user_name,
            access_key_id,
        } = self.0;
        let state = ctx.state;
        let (owner, _) = key_owner(state, ctx.caller, user_name).await?;
        match state.store.delete_access_key(&owner, &access_key_id).await {
            Ok(()) => {
                state.keys.remove(&access_key_id);
                Ok(None)
            }
            Err(StoreError::NotFound) => Err(no_such_key(&access_key_id)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
