//! `EnableMFADevice`: enables a virtual MFA device for a user, proved by two consecutive codes
//! from it.

use keyward_aws_model::generated::iam::{input::EnableMFADeviceInput, operation};
use keyward_store::WhenFull;
use keyward_store::{EntityKind, EntityRef, EntityUpdate, RelationKind, RelationLimit, StoreError};

use super::shared::mfa::{invalid_codes, load_device, MAX_DEVICES_PER_USER};
use super::shared::{load_user, no_such_user, now_seconds, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::mfa::{
    accept_pair, assigned_user, devices_of_user, PairSearch, DRIFT, ENABLE_DATE,
};
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Steps back the second code may be from: a person types two codes, half a minute apart,
/// and may take a while to send them.
const ENABLE_WINDOW: i64 = 4;
/// A device is enabled for one user.
const ONE_USER: RelationLimit = RelationLimit {
    max_per_source: 1,
    when_full: WhenFull::Refuse,
};

pub(crate) struct EnableMFADevice(EnableMFADeviceInput);

fn already_in_use() -> ApiError {
    ApiError::EntityAlreadyExists("MFA Device is already in use.".to_owned())
}

impl Operation for EnableMFADevice {
    type Input = EnableMFADeviceInput;
    const NAME: &'static str = operation::ENABLE_MFA_DEVICE;

    fn new(input: EnableMFADeviceInput) -> Result<Self, ApiError> {
        Ok(EnableMFADevice(input))
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
        if assigned_user(state, &device).await?.is_some() {
            return Err(already_in_use());
        }
        if devices_of_user(state, &user).await?.len() >= MAX_DEVICES_PER_USER {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for MFADevicesPerUser: {MAX_DEVICES_PER_USER}"
            )));
        }
        let accepted = accept_pair(
            state,
            &device,
            &input.authentication_code1,
            &input.authentication_code2,
            PairSearch::Enable(ENABLE_WINDOW),
        )
        .await?;
        if accepted.is_none() {
            return Err(invalid_codes());
        }
        let user_ref = EntityRef::new(EntityKind::User, user.user_id.0.clone());
        match state
            .store
            .add_relation(
                RelationKind::MfaDeviceUser,
                &device.reference(),
                &user_ref,
                ONE_USER,
            )
            .await
        {
            Ok(true) => {}
            Ok(false) | Err(StoreError::LimitExceeded) => return Err(already_in_use()),
            // The user (or the device) was deleted meanwhile.
            Err(StoreError::NotFound) => return Err(no_such_user(&input.user_name)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let update = EntityUpdate {
            attributes: vec![
                (
                    ENABLE_DATE.to_owned(),
                    Some(now_seconds().unix_timestamp().to_string()),
                ),
                (DRIFT.to_owned(), None),
            ],
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
