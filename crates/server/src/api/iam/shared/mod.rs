//! What IAM operations share: the conversions from their generated inputs, paging, tags, and
//! the lookups and response structures several operations use.

pub(crate) mod access_keys;
pub(crate) mod account;
pub(crate) mod attachments;
pub(crate) mod groups;
pub(crate) mod instance_profiles;
pub(crate) mod oidc;
pub(crate) mod policies;
pub(crate) mod roles;
pub(crate) mod service_credentials;
pub(crate) mod simulate;

use keyward_aws_model::generated::iam::input;
use keyward_store::{EntityKind, EntityRef, Page, PageRequest, StoreError, Tag, User};

use super::{user_element, MAX_TAGS};
use crate::arn;
use crate::auth::identity::{Caller, Identity};
use crate::authz::Resource;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Paging input of a list operation: `Marker` and `MaxItems` (100 unless given; the model
/// bounds it to 1–1000).
#[derive(Debug)]
pub(crate) struct Paging {
    marker: Option<String>,
    max_items: usize,
}

impl Paging {
    /// Paging from an operation's `Marker` and `MaxItems`.
    pub(crate) fn new(marker: Option<String>, max_items: Option<i64>) -> Self {
        Paging {
            marker,
            max_items: max_items
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(100),
        }
    }

    /// The store's page request.
    pub(crate) fn request(&self) -> PageRequest<'_> {
        PageRequest {
            marker: self.marker.as_deref(),
            max_items: self.max_items,
        }
    }

    /// A page of an in-memory listing whose items carry their sort keys, so that listings
    /// gathered from several records page like store listings.
    pub(crate) fn page_in_memory<T>(&self, mut items: Vec<(String, T)>) -> Page<T> {
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let start = match &self.marker {
            Some(m) => items.partition_point(|(k, _)| k < m),
            None => 0,
        };
        let mut rest: Vec<(String, T)> = items.into_iter().skip(start).collect();
        let next_marker = if rest.len() > self.max_items {
            rest.truncate(self.max_items + 1);
            rest.pop().map(|(k, _)| k)
        } else {
            None
        };
        Page {
            items: rest.into_iter().map(|(_, v)| v).collect(),
            next_marker,
        }
    }
}

/// The tags of a request, with IAM's check the model cannot express: keys are unique,
/// ignoring case.
pub(crate) fn tags(tags: Option<Vec<input::Tag>>) -> Result<Vec<Tag>, ApiError> {
    let tags: Vec<Tag> = tags
        .unwrap_or_default()
        .into_iter()
        .map(|t| Tag {
            key: t.key,
            value: t.value,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = tags.iter().find(|t| !seen.insert(t.key.to_lowercase())) {
        return Err(ApiError::InvalidInput(format!(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive. ({})",
            dup.key
        )));
    }
    Ok(tags)
}

/// The user an operation names, or the calling user when it names none; IAM refuses callers
/// that are not users.
pub(crate) fn user_or_caller(name: Option<&str>, caller: &Caller) -> Result<String, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => Ok(name.to_owned()),
        (None, Identity::User(u)) => Ok(u.name.clone()),
        (None, _) => Err(ApiError::user_name_required()),
    }
}

/// The resource of an operation on user `name`: `user NAME` in messages, as IAM writes it.
pub(crate) async fn user_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
    let account = &state.account;
    match state.store.get_user(name).await {
        Ok(u) => Ok(Resource::user(
            arn::user(account, &u.path, &u.name),
            &u.name,
        )),
        Err(StoreError::NotFound) => Ok(Resource::user(arn::user(account, "/", name), name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// NoSuchEntity for a user name, in IAM's words.
pub(crate) fn no_such_user(name: &str) -> ApiError {
    ApiError::no_such_named("user", name)
}

/// Reads a user by name, mapping absence to IAM's `NoSuchEntity`.
pub(crate) async fn load_user(state: &AppState, name: &str) -> Result<User, ApiError> {
    match state.store.get_user(name).await {
        Ok(u) => Ok(u),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Every tag of a user (at most [`MAX_TAGS`], so one page).
pub(crate) async fn user_tags(state: &AppState, name: &str) -> Result<Vec<Tag>, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: MAX_TAGS,
    };
    match state.store.list_user_tags(name, page).await {
        Ok(page) => Ok(page.items),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<User>` structure with its tags and permissions boundary, as `CreateUser` and
/// `GetUser` return it.
pub(crate) async fn full_user_element(
    state: &AppState,
    user: &User,
    tags: &[Tag],
) -> Result<Element, ApiError> {
    let mut element = user_element(state, user, Some(tags));
    let reference = EntityRef::new(EntityKind::User, &user.user_id.0);
    if let Some(boundary) = super::boundary_element(state, &reference).await? {
        element.push(boundary);
    }
    Ok(element)
}
