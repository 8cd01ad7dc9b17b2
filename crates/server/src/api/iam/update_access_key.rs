//! `UpdateAccessKey`: activates or deactivates a key of the named user, or of the caller when
//! no user is named.

use keyward_aws_model::generated::iam::{input::UpdateAccessKeyInput, operation};
use keyward_store::{AccessKeyStatus, StoreError};

use super::shared::access_keys::{key_owner, no_such_key, owner_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateAccessKey {
    name: Option<String>,
    access_key_id: String,
    status: AccessKeyStatus,
}

impl Operation for UpdateAccessKey {
    type Input = UpdateAccessKeyInput;
    const NAME: &'static str = operation::UPDATE_ACCESS_KEY;

    /// The model's `statusType` also has `Expired`, which a key cannot be set to.
    fn new(input: UpdateAccessKeyInput) -> Result<Self, ApiError> {
        let status = AccessKeyStatus::parse(&input.status).ok_or_else(|| {
            ApiError::Validation(vec![format!(
                "Value '{}' at 'status' failed to satisfy constraint: Member must satisfy enum \
                 value set: [Active, Inactive]",
                input.status
            )])
        })?;
        Ok(UpdateAccessKey {
            name: input.user_name,
            access_key_id: input.access_key_id,
            status,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (owner, _) = key_owner(state, ctx.caller, self.name).await?;
        match state
            .store
            .update_access_key_status(&owner, &self.access_key_id, self.status)
            .await
        {
            Ok(()) => {
                state.keys.set_status(&self.access_key_id, self.status);
                Ok(None)
            }
            Err(StoreError::NotFound) => Err(no_such_key(&self.access_key_id)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
