//! What role operations (and instance profiles, which hand out roles) share: the role
//! lookups, the `<Role>` structures, and the attribute update several operations make.

use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError};

use super::{boundary_element, entity_tags, iam_arn, named_resource, tags_element, url_encode};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::roles::{DESCRIPTION, MAX_SESSION, TRUST_POLICY};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// NoSuchEntity for a role name, in IAM's words.
pub(crate) fn no_such_role(name: &str) -> ApiError {
    ApiError::no_such_named("role", name)
}

/// Reads a role by name, mapping absence to `NoSuchEntity`.
pub(crate) async fn load_role(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state.store.get_entity(EntityKind::Role, name).await {
        Ok(r) => Ok(r),
        Err(StoreError::NotFound) => Err(no_such_role(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The resource of an operation on role `name`: `role NAME` when it exists.
pub(crate) async fn role_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
    match state.store.get_entity(EntityKind::Role, name).await {
        Ok(r) => Ok(named_resource(
            iam_arn(state, IamResourceType::Role, &r.path, &r.name),
            "role",
            &r.name,
        )),
        Err(StoreError::NotFound) => Ok(Resource::arn(iam_arn(
            state,
            IamResourceType::Role,
            "/",
            name,
        ))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<Role>` structure as listings show it (no tags, boundary or last use).
pub(crate) fn role_element(state: &AppState, role: &Entity) -> Element {
    Element::parent("Role", role_fields(state, role, true))
}

/// A role's own fields; `MaxSessionDuration` is left out where AWS leaves it out.
fn role_fields(state: &AppState, role: &Entity, with_max_session: bool) -> Vec<Element> {
    let mut fields = vec![
        Element::text("Path", &role.path),
        Element::text("RoleName", &role.name),
        Element::text("RoleId", &role.id),
        Element::text(
            "Arn",
            iam_arn(state, IamResourceType::Role, &role.path, &role.name),
        ),
        Element::time("CreateDate", role.create_date),
        Element::text(
            "AssumeRolePolicyDocument",
            url_encode(role.attribute(TRUST_POLICY).unwrap_or_default()),
        ),
    ];
    if let Some(d) = role.attribute(DESCRIPTION) {
        fields.push(Element::text("Description", d));
    }
    if with_max_session {
        fields.push(Element::text(
            "MaxSessionDuration",
            role.attribute(MAX_SESSION).unwrap_or("3600"),
        ));
    }
    fields
}

/// How much of a role a response shows: `CreateRole` answers without `MaxSessionDuration` and
/// `RoleLastUsed`, which only `GetRole` reports (AWS's recorded responses).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleView {
    /// As `CreateRole` answers it.
    Created,
    /// As `GetRole` (and `UpdateRoleDescription`) answer it.
    Fetched,
}

/// The `<Role>` structure as `GetRole` and `CreateRole` show it.
pub(crate) async fn detailed_role_element(
    state: &AppState,
    role: &Entity,
    view: RoleView,
) -> Result<Element, ApiError> {
    let mut element = Element::parent("Role", role_fields(state, role, view == RoleView::Fetched));
    if let Some(b) = boundary_element(state, &role.reference()).await? {
        element.push(b);
    }
    let tags = entity_tags(state, EntityKind::Role, &role.name).await?;
    if !tags.is_empty() {
        element.push(tags_element(&tags));
    }
    if view == RoleView::Fetched {
        element.push(Element::parent("RoleLastUsed", Vec::new()));
    }
    Ok(element)
}

/// Sets (or, with `None`, clears) stored attributes of role `name`; the updated role.
pub(crate) async fn update_role(
    state: &AppState,
    name: &str,
    attributes: Vec<(String, Option<String>)>,
) -> Result<Entity, ApiError> {
    let update = EntityUpdate {
        attributes,
        ..Default::default()
    };
    match state
        .store
        .update_entity(EntityKind::Role, name, &update)
        .await
    {
        Ok(e) => Ok(e),
        Err(StoreError::NotFound) => Err(no_such_role(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}
