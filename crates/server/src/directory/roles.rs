//! Roles as the layers below the API need them: how a role is stored, and the role an ARN
//! names when it is assumed.

use std::sync::Arc;

use keyward_store::{Entity, EntityKind, StoreError};

use crate::arn::{AccountId, IamArn, IamResourceType};
use crate::error::ApiError;
use crate::state::AppState;

/// Attribute holding the trust policy.
pub(crate) const TRUST_POLICY: &str = "AssumeRolePolicyDocument";
/// Attribute holding the description.
pub(crate) const DESCRIPTION: &str = "Description";
/// Attribute holding the maximum session duration in seconds.
pub(crate) const MAX_SESSION: &str = "MaxSessionDuration";
/// The session duration a role gets unless it says otherwise.
pub(crate) const DEFAULT_MAX_SESSION: i64 = 3600;

/// A role as `AssumeRole` needs it.
pub(crate) struct AssumableRole {
    /// The role.
    pub(crate) role: Entity,
    /// Its trust policy.
    pub(crate) trust_policy: String,
    /// Longest session it allows, in seconds.
    pub(crate) max_session_seconds: i64,
}

/// The role `arn:aws:iam::ACCOUNT:role/PATH/NAME` names in this account, if it exists.
pub(crate) async fn assumable_role(
    state: &AppState,
    arn: &str,
) -> Result<Option<AssumableRole>, ApiError> {
    let Some(parsed) = IamArn::parse(arn)
        .filter(|a| a.resource_type == IamResourceType::Role && a.account == state.account.0)
    else {
        return Ok(None);
    };
    let role = match state.store.get_entity(EntityKind::Role, &parsed.name).await {
        Ok(role) if role.path == parsed.path && role.name == parsed.name => role,
        Ok(_) | Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    Ok(Some(AssumableRole {
        trust_policy: role.attribute(TRUST_POLICY).unwrap_or_default().to_owned(),
        max_session_seconds: role
            .attribute(MAX_SESSION)
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_MAX_SESSION),
        role,
    }))
}

/// The state of the account a role ARN names when it is another account this server serves
/// (`Some`), so a cross-account `AssumeRole` finds the role and issues its session there;
/// `None` when the ARN names `state`'s own account, one this server does not serve, or is no
/// role ARN (the role is then looked up, and not found, in `state`).
pub(crate) async fn role_owner(
    state: &AppState,
    arn: &str,
) -> Result<Option<Arc<AppState>>, ApiError> {
    let Some(parsed) = IamArn::parse(arn).filter(|a| a.resource_type == IamResourceType::Role)
    else {
        return Ok(None);
    };
    if parsed.account == state.account.0 {
        return Ok(None);
    }
    state
        .accounts
        .get(&AccountId(parsed.account))
        .await
        .map_err(ApiError::from_store)
}
