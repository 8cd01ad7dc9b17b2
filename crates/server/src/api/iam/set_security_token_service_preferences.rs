//! `SetSecurityTokenServicePreferences`: which session tokens STS's global endpoint issues —
//! `v1Token` (valid only in Regions enabled by default, AWS's default) or `v2Token` (valid in
//! every Region). `GetAccountSummary` reports it as `GlobalEndpointTokenVersion` (1 or 2).

use keyward_aws_model::generated::iam::{
    input::SetSecurityTokenServicePreferencesInput, operation,
};
use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError};

use super::shared::account::account_resource;
use super::shared::now_seconds;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The account setting holding the STS preferences.
const SETTING: &str = "sts-preferences";
/// Its attribute holding the global endpoint's token version (`v1Token` or `v2Token`).
const TOKEN_VERSION: &str = "GlobalEndpointTokenVersion";

/// The global endpoint's token version as `GetAccountSummary` reports it: 1 unless the
/// account chose `v2Token`.
pub(crate) async fn global_endpoint_token_version(state: &AppState) -> Result<usize, ApiError> {
    match state
        .store
        .get_entity(EntityKind::AccountSetting, SETTING)
        .await
    {
        Ok(e) if e.attribute(TOKEN_VERSION) == Some("v2Token") => Ok(2),
        Ok(_) | Err(StoreError::NotFound) => Ok(1),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(crate) struct SetSecurityTokenServicePreferences(String);

impl Operation for SetSecurityTokenServicePreferences {
    type Input = SetSecurityTokenServicePreferencesInput;
    const NAME: &'static str = operation::SET_SECURITY_TOKEN_SERVICE_PREFERENCES;

    fn new(input: SetSecurityTokenServicePreferencesInput) -> Result<Self, ApiError> {
        Ok(SetSecurityTokenServicePreferences(
            input.global_endpoint_token_version,
        ))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let store = &ctx.state.store;
        let update = EntityUpdate {
            attributes: vec![(TOKEN_VERSION.to_owned(), Some(self.0.clone()))],
            ..Default::default()
        };
        match store
            .update_entity(EntityKind::AccountSetting, SETTING, &update)
            .await
        {
            Ok(_) => return Ok(None),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let mut entity = Entity {
            kind: EntityKind::AccountSetting,
            id: SETTING.to_owned(),
            name: SETTING.to_owned(),
            path: "/".to_owned(),
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        entity.attributes.insert(TOKEN_VERSION.to_owned(), self.0);
        match store.create_entity(&entity, &[], &[], &[]).await {
            Ok(()) => Ok(None),
            // Another request created it meanwhile: this one's choice is the later.
            Err(StoreError::AlreadyExists) => store
                .update_entity(EntityKind::AccountSetting, SETTING, &update)
                .await
                .map(|_| None)
                .map_err(ApiError::from_store),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}
