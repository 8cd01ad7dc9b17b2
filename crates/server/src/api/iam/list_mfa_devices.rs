//! `ListMFADevices`: the MFA devices enabled for the named user, or for the caller.

use keyward_aws_model::generated::iam::{input::ListMFADevicesInput, operation};

use super::shared::access_keys::owner_resource;
use super::shared::mfa::mfa_device_element;
use super::shared::{load_user, paging_fields, Paging};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::Authorization;
use crate::directory::mfa::{devices_of_user, serial_number};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListMFADevices {
    user: Option<String>,
    paging: Paging,
}

impl Operation for ListMFADevices {
    type Input = ListMFADevicesInput;
    const NAME: &'static str = operation::LIST_MFA_DEVICES;

    fn new(input: ListMFADevicesInput) -> Result<Self, ApiError> {
        Ok(ListMFADevices {
            user: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.user.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let name = match (&self.user, &ctx.caller.identity) {
            (Some(name), _) => Some(name.clone()),
            (None, Identity::User(u)) => Some(u.name.clone()),
            // The root user: no device Keyward could have enabled (EnableMFADevice names a user).
            (None, _) => None,
        };
        let mut items = Vec::new();
        if let Some(name) = name {
            let user = load_user(state, &name).await?;
            for device in devices_of_user(state, &user).await? {
                items.push((
                    serial_number(state, &device.name),
                    mfa_device_element(state, &user, &device),
                ));
            }
        }
        let page = self.paging.page_in_memory(items);
        let mut fields = vec![Element::list("MFADevices", page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListMFADevicesResult", fields)))
    }
}
