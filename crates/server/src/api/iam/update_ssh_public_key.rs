//! `UpdateSSHPublicKey`: sets the status of one of a user's SSH public keys.

use keyward_aws_model::generated::iam::{input::UpdateSSHPublicKeyInput, operation};
use keyward_store::{EntityKind, EntityUpdate};

use super::shared::ssh_keys::{owned, STATUS};
use super::shared::{load_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UpdateSshPublicKey(UpdateSSHPublicKeyInput);

impl Operation for UpdateSshPublicKey {
    type Input = UpdateSSHPublicKeyInput;
    const NAME: &'static str = operation::UPDATE_SSH_PUBLIC_KEY;

    fn new(input: UpdateSSHPublicKeyInput) -> Result<Self, ApiError> {
        Ok(UpdateSshPublicKey(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = user_resource(ctx.state, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = load_user(state, &self.0.user_name).await?;
        let key = owned(state, &user, &self.0.ssh_public_key_id).await?;
        let update = EntityUpdate {
            attributes: vec![(STATUS.to_owned(), Some(self.0.status))],
            ..EntityUpdate::default()
        };
        state
            .store
            .update_entity(EntityKind::SshPublicKey, &key.name, &update)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
