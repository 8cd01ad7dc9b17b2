//! `DeleteVirtualMFADevice`: only a device no user has enabled.

use keyward_aws_model::generated::iam::{input::DeleteVirtualMFADeviceInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::delete_conflict;
use super::shared::mfa::{device_resource, no_such_device};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::device_key;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteVirtualMFADevice(DeleteVirtualMFADeviceInput);

impl Operation for DeleteVirtualMFADevice {
    type Input = DeleteVirtualMFADeviceInput;
    const NAME: &'static str = operation::DELETE_VIRTUAL_MFA_DEVICE;

    fn new(input: DeleteVirtualMFADeviceInput) -> Result<Self, ApiError> {
        Ok(DeleteVirtualMFADevice(input))
    }

    async fn authorization(&mut self, _: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(device_resource(
            &self.0.serial_number,
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let serial = &self.0.serial_number;
        let key = device_key(ctx.state, serial).ok_or_else(|| no_such_device(serial))?;
        match ctx
            .state
            .store
            .delete_entity(EntityKind::VirtualMfaDevice, key)
            .await
        {
            Ok(_) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_device(serial)),
            Err(StoreError::DeleteConflict(d)) => Err(delete_conflict(d)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
