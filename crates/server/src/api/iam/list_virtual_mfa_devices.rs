//! `ListVirtualMFADevices`: the account's virtual MFA devices, assigned, unassigned or both.

use keyward_aws_model::generated::iam::{input::ListVirtualMFADevicesInput, operation};

use super::shared::mfa::virtual_device_element;
use super::shared::{paging_fields, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::directory::mfa::{all_devices, assigned_user, serial_number};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListVirtualMFADevices {
    /// `Assigned`, `Unassigned` or `Any` (the default); the model allows nothing else.
    status: String,
    paging: Paging,
}

impl Operation for ListVirtualMFADevices {
    type Input = ListVirtualMFADevicesInput;
    const NAME: &'static str = operation::LIST_VIRTUAL_MFA_DEVICES;

    fn new(input: ListVirtualMFADevicesInput) -> Result<Self, ApiError> {
        Ok(ListVirtualMFADevices {
            status: input.assignment_status.unwrap_or_else(|| "Any".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, _: &Context<'_>) -> Result<Authorization, ApiError> {
        // The action has no resource type: it is authorized on `*`.
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let mut items = Vec::new();
        for device in all_devices(state).await? {
            let user = assigned_user(state, &device).await?;
            let wanted = match self.status.as_str() {
                "Assigned" => user.is_some(),
                "Unassigned" => user.is_none(),
                _ => true,
            };
            if wanted {
                items.push((
                    serial_number(state, &device.name),
                    virtual_device_element(state, &device, user.as_ref()),
                ));
            }
        }
        let page = self.paging.page_in_memory(items);
        let mut fields = vec![Element::list("VirtualMFADevices", page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListVirtualMFADevicesResult", fields)))
    }
}
