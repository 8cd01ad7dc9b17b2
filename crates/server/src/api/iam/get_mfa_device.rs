//! `GetMFADevice`: an MFA device enabled for the named user, or for the caller.

use keyward_aws_model::generated::iam::{input::GetMFADeviceInput, operation};

use super::shared::access_keys::owner_resource;
use super::shared::mfa::{load_device, not_enabled_for};
use super::shared::{load_user, user_or_caller};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::{assigned_user, enable_date, serial_number};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetMFADevice(GetMFADeviceInput);

impl Operation for GetMFADevice {
    type Input = GetMFADeviceInput;
    const NAME: &'static str = operation::GET_MFA_DEVICE;

    fn new(input: GetMFADeviceInput) -> Result<Self, ApiError> {
        Ok(GetMFADevice(input))
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
        let name = user_or_caller(self.0.user_name.as_deref(), ctx.caller)
            .map_err(|_| not_enabled_for(serial, "root"))?;
        let user = load_user(state, &name).await?;
        let device = load_device(state, serial).await?;
        match assigned_user(state, &device).await? {
            Some(owner) if owner.user_id == user.user_id => {}
            _ => return Err(not_enabled_for(serial, &user.name)),
        }
        let mut fields = vec![
            Element::text("UserName", &user.name),
            Element::text("SerialNumber", serial_number(state, &device.name)),
        ];
        if let Some(date) = enable_date(&device) {
            fields.push(Element::time("EnableDate", date));
        }
        Ok(Some(Element::parent("GetMFADeviceResult", fields)))
    }
}
