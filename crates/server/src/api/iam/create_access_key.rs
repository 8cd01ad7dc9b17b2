//! `CreateAccessKey`: a new long-term key for the named user, or for the caller when no user is
//! named; the only time its secret is shown.

use keyward_aws_model::generated::iam::{input::CreateAccessKeyInput, operation};
use keyward_store::{AccessKey, AccessKeyStatus, StoreError};
use time::OffsetDateTime;

use super::shared::access_keys::{key_owner, owner_name, owner_resource};
use super::shared::no_such_user;
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

/// Access keys one principal may hold at once.
const MAX_KEYS_PER_USER: usize = 2;

pub(crate) struct CreateAccessKey(CreateAccessKeyInput);

impl Operation for CreateAccessKey {
    type Input = CreateAccessKeyInput;
    const NAME: &'static str = operation::CREATE_ACCESS_KEY;

    fn new(input: CreateAccessKeyInput) -> Result<Self, ApiError> {
        Ok(CreateAccessKey(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (owner, principal) = key_owner(state, ctx.caller, self.0.user_name).await?;
        let access_key_id = ids::access_key_id(state.account.number());
        let secret = ids::secret_access_key();
        let now = OffsetDateTime::now_utc();
        let key = AccessKey {
            access_key_id: access_key_id.clone(),
            owner,
            status: AccessKeyStatus::Active,
            create_date: now.replace_nanosecond(0).unwrap_or(now),
            secret: state
                .master
                .seal(&secret, &access_key_id)
                .map_err(ApiError::from_store)?,
            last_used: None,
        };
        match state.store.create_access_key(&key, MAX_KEYS_PER_USER).await {
            Ok(()) => {}
            Err(StoreError::LimitExceeded) => {
                return Err(ApiError::LimitExceeded(format!(
                    "Cannot exceed quota for AccessKeysPerUser: {MAX_KEYS_PER_USER}"
                )))
            }
            Err(StoreError::NotFound) => {
                if let Identity::User(u) = &principal {
                    return Err(no_such_user(&u.name));
                }
                return Err(ApiError::ServiceFailure);
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        state
            .keys
            .insert(&key, principal.clone(), &state.master)
            .map_err(ApiError::from_store)?;
        let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
        fields.extend([
            Element::text("AccessKeyId", &access_key_id),
            Element::text("Status", key.status.as_str()),
            Element::secret("SecretAccessKey", secret),
            Element::time("CreateDate", key.create_date),
        ]);
        Ok(Some(Element::parent(
            "CreateAccessKeyResult",
            vec![Element::parent("AccessKey", fields)],
        )))
    }
}
