//! `UploadSSHPublicKey`: adds an SSH public key (OpenSSH or PEM form) to a user for
//! CodeCommit; five per user, and no key twice for one user.

use keyward_aws_model::generated::iam::{input::UploadSSHPublicKeyInput, operation};
use keyward_store::{Entity, EntityKind};

use super::shared::certificates::{all_under, UPLOADS};
use super::shared::ssh_keys::{key_element, SshKey, BODY, FINGERPRINT, MAX_KEYS_PER_USER, STATUS};
use super::shared::{load_user, now_seconds, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

/// Prefix of SSH public key ids, as IAM forms them.
const ID_PREFIX: &str = "APKA";

pub(crate) struct UploadSshPublicKey(UploadSSHPublicKeyInput);

impl Operation for UploadSshPublicKey {
    type Input = UploadSSHPublicKeyInput;
    const NAME: &'static str = operation::UPLOAD_SSH_PUBLIC_KEY;

    fn new(input: UploadSSHPublicKeyInput) -> Result<Self, ApiError> {
        Ok(UploadSshPublicKey(input))
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
        let key = SshKey::parse(&self.0.ssh_public_key_body)?;
        let fingerprint = key.fingerprint()?;
        let path = format!("/{}/", user.user_id.0);
        let _serialized = UPLOADS.lock().await;
        let existing = all_under(state, EntityKind::SshPublicKey, &path).await?;
        if existing
            .iter()
            .any(|e| e.attribute(FINGERPRINT) == Some(fingerprint.as_str()))
        {
            return Err(ApiError::DuplicateSshPublicKey(
                "The public key is already associated with the specified IAM user.".into(),
            ));
        }
        if existing.len() >= MAX_KEYS_PER_USER {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for PublicKeysPerUser: {MAX_KEYS_PER_USER}"
            )));
        }
        let id = ids::prefixed(ID_PREFIX);
        let body = self.0.ssh_public_key_body.trim().to_owned();
        let entity = Entity {
            kind: EntityKind::SshPublicKey,
            id: id.clone(),
            name: id,
            path,
            create_date: now_seconds(),
            attributes: [
                (BODY.to_owned(), body.clone()),
                (FINGERPRINT.to_owned(), fingerprint),
                (STATUS.to_owned(), "Active".to_owned()),
            ]
            .into_iter()
            .collect(),
        };
        state
            .store
            .create_entity(&entity, &[], &[], &[])
            .await
            .map_err(ApiError::from_store)?;
        Ok(Some(Element::parent(
            "UploadSSHPublicKeyResult",
            vec![key_element(&user, &entity, body)],
        )))
    }
}
