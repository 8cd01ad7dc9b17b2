//! What the account operations share: they act on the whole account, which IAM authorizes on
//! `*`, and read every entity of a kind.

use keyward_store::{Entity, EntityKind, PageRequest, User};

use crate::authz::Resource;
use crate::error::ApiError;
use crate::state::AppState;

/// Account operations apply to the whole account: IAM authorizes them on `*`.
pub(crate) fn account_resource() -> Resource {
    Resource::arn("*".into())
}

/// Every entity of a kind, through as many pages as it takes.
pub(crate) async fn all_entities(
    state: &AppState,
    kind: EntityKind,
) -> Result<Vec<Entity>, ApiError> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = state
            .store
            .list_entities(
                kind,
                "/",
                PageRequest {
                    marker: marker.as_deref(),
                    max_items: 1000,
                },
            )
            .await
            .map_err(ApiError::from_store)?;
        out.extend(page.items);
        match page.next_marker {
            Some(m) => marker = Some(m),
            None => return Ok(out),
        }
    }
}

/// Every user, through as many pages as it takes.
pub(crate) async fn all_users(state: &AppState) -> Result<Vec<User>, ApiError> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = state
            .store
            .list_users(
                "/",
                PageRequest {
                    marker: marker.as_deref(),
                    max_items: 1000,
                },
            )
            .await
            .map_err(ApiError::from_store)?;
        out.extend(page.items);
        match page.next_marker {
            Some(m) => marker = Some(m),
            None => return Ok(out),
        }
    }
}
