//! What the group operations (and the account and simulator operations that read groups)
//! share: the group lookup, its resource and its response structure, and a user's groups.

use keyward_store::{Entity, EntityKind, EntityRef, RelationKind, StoreError};

use super::{iam_arn, named_resource};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// NoSuchEntity for a group name, in IAM's words.
pub(crate) fn no_such_group(name: &str) -> ApiError {
    ApiError::no_such_named("group", name)
}

/// Reads a group by name, mapping absence to `NoSuchEntity`.
pub(crate) async fn load_group(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state.store.get_entity(EntityKind::Group, name).await {
        Ok(g) => Ok(g),
        Err(StoreError::NotFound) => Err(no_such_group(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<Group>` structure.
pub(crate) fn group_element(state: &AppState, group: &Entity) -> Element {
    Element::parent(
        "Group",
        vec![
            Element::text("Path", &group.path),
            Element::text("GroupName", &group.name),
            Element::text("GroupId", &group.id),
            Element::text(
                "Arn",
                iam_arn(state, IamResourceType::Group, &group.path, &group.name),
            ),
            Element::time("CreateDate", group.create_date),
        ],
    )
}

/// The resource of an operation on group `name`: `group NAME` when it exists.
pub(crate) async fn group_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
    match state.store.get_entity(EntityKind::Group, name).await {
        Ok(g) => Ok(named_resource(
            iam_arn(state, IamResourceType::Group, &g.path, &g.name),
            "group",
            &g.name,
        )),
        Err(StoreError::NotFound) => Ok(Resource::arn(iam_arn(
            state,
            IamResourceType::Group,
            "/",
            name,
        ))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The groups a user belongs to, for `ListGroupsForUser` and account details.
pub(crate) async fn groups_of(state: &AppState, user: &EntityRef) -> Result<Vec<Entity>, ApiError> {
    let mut groups = Vec::new();
    for relation in all_relations(state, RelationKind::GroupMember, Some(user), None).await? {
        match state
            .store
            .get_entity_by_id(EntityKind::Group, &relation.to.id)
            .await
        {
            Ok(g) => groups.push(g),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    groups.sort_by_key(|g| g.name.to_lowercase());
    Ok(groups)
}
