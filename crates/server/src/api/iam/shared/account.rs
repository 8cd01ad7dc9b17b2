//! What the account operations share: they act on the whole account, which IAM authorizes on
//! `*`, and read every entity of a kind.

use keyward_store::{Entity, EntityKind, User};

use crate::authz::Resource;
use crate::directory::{self, page_from};
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
    directory::all_entities(state, kind, "/").await
}

/// Every user, through as many pages as it takes.
pub(crate) async fn all_users(state: &AppState) -> Result<Vec<User>, ApiError> {
    directory::all_pages(|marker| {
        Box::pin(async move { state.store.list_users("/", page_from(&marker)).await })
    })
    .await
}
