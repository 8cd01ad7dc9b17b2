//! `UntagMFADevice`: removes tags from a virtual MFA device by key.

use keyward_aws_model::generated::iam::{input::UntagMFADeviceInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::mfa::{device_resource, no_such_device};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::device_key;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagMFADevice(UntagMFADeviceInput);

impl Operation for UntagMFADevice {
    type Input = UntagMFADeviceInput;
    const NAME: &'static str = operation::UNTAG_MFA_DEVICE;

    fn new(input: UntagMFADeviceInput) -> Result<Self, ApiError> {
        Ok(UntagMFADevice(input))
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
            .untag_entity(EntityKind::VirtualMfaDevice, key, &self.0.tag_keys)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_device(serial)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
