//! `GetSSHPublicKey`: one of a user's SSH public keys, in OpenSSH (`SSH`) or PEM encoding.

use keyward_aws_model::generated::iam::{input::GetSSHPublicKeyInput, operation};

use super::shared::ssh_keys::{key_element, owned, SshKey, BODY};
use super::shared::{load_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetSshPublicKey(GetSSHPublicKeyInput);

impl Operation for GetSshPublicKey {
    type Input = GetSSHPublicKeyInput;
    const NAME: &'static str = operation::GET_SSH_PUBLIC_KEY;

    fn new(input: GetSSHPublicKeyInput) -> Result<Self, ApiError> {
        Ok(GetSshPublicKey(input))
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
        let entity = owned(state, &user, &self.0.ssh_public_key_id).await?;
        let key = SshKey::parse(entity.attribute(BODY).unwrap_or_default())?;
        let body = match self.0.encoding.as_str() {
            "PEM" => key.pem_text()?,
            _ => key.ssh_text()?,
        };
        Ok(Some(Element::parent(
            "GetSSHPublicKeyResult",
            vec![key_element(&user, &entity, body)],
        )))
    }
}
