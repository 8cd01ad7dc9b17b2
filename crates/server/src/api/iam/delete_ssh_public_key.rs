//! `DeleteSSHPublicKey`: removes one of a user's SSH public keys.

use keyward_aws_model::generated::iam::{input::DeleteSSHPublicKeyInput, operation};
use keyward_store::EntityKind;

use super::shared::ssh_keys::owned;
use super::shared::{load_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteSshPublicKey(DeleteSSHPublicKeyInput);

impl Operation for DeleteSshPublicKey {
    type Input = DeleteSSHPublicKeyInput;
    const NAME: &'static str = operation::DELETE_SSH_PUBLIC_KEY;

    fn new(input: DeleteSSHPublicKeyInput) -> Result<Self, ApiError> {
        Ok(DeleteSshPublicKey(input))
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
        state
            .store
            .delete_entity(EntityKind::SshPublicKey, &key.name)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
