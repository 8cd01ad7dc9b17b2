//! `TagMFADevice`: adds or replaces a virtual MFA device's tags.

use keyward_aws_model::generated::iam::{input::TagMFADeviceInput, operation};
use keyward_store::{EntityKind, StoreError, Tag};

use super::shared::mfa::{device_resource, no_such_device};
use super::shared::{tags, too_many_tags, MAX_TAGS};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::device_key;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct TagMFADevice {
    serial: String,
    tags: Vec<Tag>,
}

impl Operation for TagMFADevice {
    type Input = TagMFADeviceInput;
    const NAME: &'static str = operation::TAG_MFA_DEVICE;

    fn new(input: TagMFADeviceInput) -> Result<Self, ApiError> {
        Ok(TagMFADevice {
            serial: input.serial_number,
            tags: tags(Some(input.tags))?,
        })
    }

    async fn authorization(&mut self, _: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(device_resource(&self.serial)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let key =
            device_key(ctx.state, &self.serial).ok_or_else(|| no_such_device(&self.serial))?;
        match ctx
            .state
            .store
            .tag_entity(EntityKind::VirtualMfaDevice, key, &self.tags, MAX_TAGS)
            .await
        {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_device(&self.serial)),
            Err(StoreError::LimitExceeded) => Err(too_many_tags()),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
