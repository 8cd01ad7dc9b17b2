//! `DeactivateMFADevice`: a virtual MFA device stops being the user's; it stays in the
//! account, unassigned, until deleted.

use keyward_aws_model::generated::iam::{input::DeactivateMFADeviceInput, operation};
use keyward_store::{EntityKind, EntityRef, EntityUpdate, RelationKind, StoreError};

use super::shared::access_keys::owner_resource;
use super::shared::mfa::{load_device, not_enabled_for};
use super::shared::{load_user, user_or_caller};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::{assigned_user, DRIFT, ENABLE_DATE};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeactivateMFADevice(DeactivateMFADeviceInput);

impl Operation for DeactivateMFADevice {
    type Input = DeactivateMFADeviceInput;
    const NAME: &'static str = operation::DEACTIVATE_MFA_DEVICE;

    fn new(input: DeactivateMFADeviceInput) -> Result<Self, ApiError> {
        Ok(DeactivateMFADevice(input))
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
        let serial = &self.0.serial_number;
        // The root user has no device Keyward could have enabled (EnableMFADevice names a user).
        let name = user_or_caller(self.0.user_name.as_deref(), ctx.caller)
            .map_err(|_| not_enabled_for(serial, "root"))?;
        let user = load_user(state, &name).await?;
        let device = load_device(state, serial).await?;
        match assigned_user(state, &device).await? {
            Some(owner) if owner.user_id == user.user_id => {}
            _ => return Err(not_enabled_for(serial, &user.name)),
        }
        let user_ref = EntityRef::new(EntityKind::User, user.user_id.0.clone());
        match state
            .store
            .remove_relation(
                RelationKind::MfaDeviceUser,
                &device.reference(),
                Some(&user_ref),
            )
            .await
        {
            Ok(()) => {}
            Err(StoreError::NotFound) => return Err(not_enabled_for(serial, &user.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let update = EntityUpdate {
            attributes: vec![(ENABLE_DATE.to_owned(), None), (DRIFT.to_owned(), None)],
            ..EntityUpdate::default()
        };
        match state
            .store
            .update_entity(EntityKind::VirtualMfaDevice, &device.name, &update)
            .await
        {
            Ok(_) | Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
