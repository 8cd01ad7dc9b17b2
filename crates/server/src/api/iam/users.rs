//! IAM users and their tags.

use keyward_store::{
    Dependent, EntityKind, EntityRef, PageRequest, Relation, RelationKind, StoreError, Tag, User,
    UserId,
};

use super::{
    load_user, no_such_user, now_seconds, page_request, paging_fields, tags_element, user_element,
    Paging, MAX_TAGS,
};
use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(super) async fn create(
    state: &AppState,
    name: String,
    path: String,
    tags: Vec<Tag>,
    boundary: Option<String>,
) -> Result<Option<Element>, ApiError> {
    let user = User {
        user_id: UserId(ids::user_id()),
        name,
        path,
        create_date: now_seconds(),
    };
    let own = EntityRef::new(EntityKind::User, &user.user_id.0);
    let mut relations = Vec::new();
    if let Some(arn) = &boundary {
        let policy = crate::directory::find_managed_policy(state, arn)
            .await?
            .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
        relations.push(Relation {
            kind: RelationKind::PermissionsBoundary,
            from: own.clone(),
            to: policy.target(),
        });
    }
    match state.store.create_user(&user, &tags, &relations).await {
        Ok(()) => {}
        Err(StoreError::AlreadyExists) => return Err(ApiError::already_exists("User", &user.name)),
        Err(StoreError::NotFound) => {
            return Err(ApiError::policy_not_attachable(
                boundary.as_deref().unwrap_or_default(),
            ))
        }
        Err(e) => return Err(ApiError::from_store(e)),
    }
    let mut element = user_element(state, &user, Some(&tags));
    if let Some(b) = super::boundary_element(state, &own).await? {
        element.push(b);
    }
    Ok(Some(Element::parent("CreateUserResult", vec![element])))
}

pub(super) async fn get(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<Option<Element>, ApiError> {
    let name = match (name, &caller.identity) {
        (Some(name), _) => name,
        (None, Identity::User(u)) => u.name.clone(),
        (None, Identity::RoleSession(_) | Identity::FederatedUser(_)) => {
            return Err(ApiError::user_name_required())
        }
        (None, Identity::Root) => {
            let root = Element::parent(
                "User",
                vec![
                    Element::text("UserId", &state.account.0),
                    Element::text("Arn", caller.arn()),
                    Element::time("CreateDate", state.created_at),
                ],
            );
            return Ok(Some(Element::parent("GetUserResult", vec![root])));
        }
    };
    let user = load_user(state, &name).await?;
    let tags = all_tags(state, &user.name).await?;
    let mut element = user_element(state, &user, Some(&tags));
    let reference = EntityRef::new(EntityKind::User, &user.user_id.0);
    if let Some(boundary) = super::boundary_element(state, &reference).await? {
        element.push(boundary);
    }
    Ok(Some(Element::parent("GetUserResult", vec![element])))
}

async fn all_tags(state: &AppState, name: &str) -> Result<Vec<Tag>, ApiError> {
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

pub(super) async fn list(
    state: &AppState,
    path_prefix: &str,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let page = state
        .store
        .list_users(path_prefix, page_request(paging))
        .await
        .map_err(ApiError::from_store)?;
    let users = page
        .items
        .iter()
        .map(|u| user_element(state, u, None))
        .collect();
    let mut fields = vec![Element::list("Users", users)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListUsersResult", fields)))
}

pub(super) async fn update(
    state: &AppState,
    name: &str,
    new_name: Option<String>,
    new_path: Option<String>,
) -> Result<Option<Element>, ApiError> {
    match state
        .store
        .update_user(name, new_name.as_deref(), new_path.as_deref())
        .await
    {
        Ok(user) => {
            state.keys.update_user(&user);
            Ok(None)
        }
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(StoreError::AlreadyExists) => Err(ApiError::already_exists(
            "User",
            new_name.as_deref().unwrap_or(name),
        )),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn delete(state: &AppState, name: &str) -> Result<Option<Element>, ApiError> {
    // Service-specific credentials live outside the user's own records, so IAM's rule that
    // they go first is checked here.
    match state.store.get_user(name).await {
        Ok(user) => {
            if !crate::directory::service_credentials::of_user(state, &user)
                .await?
                .is_empty()
            {
                return Err(ApiError::DeleteConflict(
                    "Cannot delete entity, must delete service specific credentials first.".into(),
                ));
            }
        }
        Err(StoreError::NotFound) => return Err(no_such_user(name)),
        Err(e) => return Err(ApiError::from_store(e)),
    }
    match state.store.delete_user(name).await {
        Ok(_) => Ok(None),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(StoreError::DeleteConflict(Dependent::AccessKeys)) => Err(ApiError::DeleteConflict(
            "Cannot delete entity, must delete access keys first.".into(),
        )),
        Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn tag(
    state: &AppState,
    name: &str,
    tags: &[Tag],
) -> Result<Option<Element>, ApiError> {
    match state.store.tag_user(name, tags, MAX_TAGS).await {
        Ok(()) => Ok(None),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(
            "The number of tags has reached the maximum limit.".into(),
        )),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn untag(
    state: &AppState,
    name: &str,
    keys: &[String],
) -> Result<Option<Element>, ApiError> {
    match state.store.untag_user(name, keys).await {
        Ok(()) => Ok(None),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

pub(super) async fn list_tags(
    state: &AppState,
    name: &str,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let page = match state.store.list_user_tags(name, page_request(paging)).await {
        Ok(page) => page,
        Err(StoreError::NotFound) => return Err(no_such_user(name)),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let mut fields = vec![tags_element(&page.items)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListUserTagsResult", fields)))
}
