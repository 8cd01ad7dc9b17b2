//! `TagMFADevice`: adds or replaces a virtual MFA device's tags.

use keyward_aws_model::generated::iam::{input::TagMFADeviceInput, operation};
use keyward_store::{EntityKind, Tag};

use super::shared::mfa::{device_resource, no_such_device};
use super::shared::{tag_entity, tags};
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
        tag_entity(
            ctx.state,
            EntityKind::VirtualMfaDevice,
            key,
            &self.tags,
            || no_such_device(&self.serial),
        )
        .await
    }
}
