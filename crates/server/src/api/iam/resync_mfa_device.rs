//! `ResyncMFADevice`: realigns IAM with a device whose clock has drifted, from two
//! consecutive codes it shows now.

use keyward_aws_model::generated::iam::{input::ResyncMFADeviceInput, operation};
use keyward_store::{EntityKind, EntityUpdate};

use super::shared::mfa::{invalid_codes, load_device, not_enabled_for};
use super::shared::{load_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::{accept_pair, assigned_user, PairSearch, DRIFT};
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Steps either side of the true clock a drifted device's codes are looked for (ten minutes).
const RESYNC_WINDOW: i64 = 20;

pub(crate) struct ResyncMFADevice(ResyncMFADeviceInput);

impl Operation for ResyncMFADevice {
    type Input = ResyncMFADeviceInput;
    const NAME: &'static str = operation::RESYNC_MFA_DEVICE;

    fn new(input: ResyncMFADeviceInput) -> Result<Self, ApiError> {
        Ok(ResyncMFADevice(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            user_resource(ctx.state, &self.0.user_name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let input = &self.0;
        let user = load_user(state, &input.user_name).await?;
        let device = load_device(state, &input.serial_number).await?;
        match assigned_user(state, &device).await? {
            Some(owner) if owner.user_id == user.user_id => {}
            _ => return Err(not_enabled_for(&input.serial_number, &user.name)),
        }
        let drift = accept_pair(
            state,
            &device,
            &input.authentication_code1,
            &input.authentication_code2,
            PairSearch::Resync(RESYNC_WINDOW),
        )
        .await?
        .ok_or_else(invalid_codes)?;
        let update = EntityUpdate {
            attributes: vec![(DRIFT.to_owned(), Some(drift.to_string()))],
            ..EntityUpdate::default()
        };
        state
            .store
            .update_entity(EntityKind::VirtualMfaDevice, &device.name, &update)
            .await
            .map_err(ApiError::from_store)?;
        Ok(None)
    }
}
