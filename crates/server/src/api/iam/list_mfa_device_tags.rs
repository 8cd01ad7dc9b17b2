//! `ListMFADeviceTags`: a virtual MFA device's tags, a page at a time.

use keyward_aws_model::generated::iam::{input::ListMFADeviceTagsInput, operation};
use keyward_store::{EntityKind, StoreError};

use super::shared::mfa::{device_resource, no_such_device};
use super::shared::{paging_fields, tags_element, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::device_key;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListMFADeviceTags {
    serial: String,
    paging: Paging,
}

impl Operation for ListMFADeviceTags {
    type Input = ListMFADeviceTagsInput;
    const NAME: &'static str = operation::LIST_MFA_DEVICE_TAGS;

    fn new(input: ListMFADeviceTagsInput) -> Result<Self, ApiError> {
        Ok(ListMFADeviceTags {
            serial: input.serial_number,
            paging: Paging::new(input.marker, input.max_items),
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
        let page = match ctx
            .state
            .store
            .list_entity_tags(EntityKind::VirtualMfaDevice, key, self.paging.request())
            .await
        {
            Ok(page) => page,
            Err(StoreError::NotFound) => return Err(no_such_device(&self.serial)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListMFADeviceTagsResult", fields)))
    }
}
