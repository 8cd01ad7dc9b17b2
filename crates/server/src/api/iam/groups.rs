//! IAM groups and their members.

use keyward_store::{
    Entity, EntityKind, EntityRef, EntityUpdate, RelationKind, RelationLimit, StoreError, WhenFull,
};

use super::{
    iam_arn, load_user, named_resource, no_such_user, now_seconds, page_request, paging,
    paging_fields, path_param, path_prefix_param, required_name, user_element, Paging,
};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Longest group name (botocore `groupNameType`).
const GROUP_NAME_MAX: usize = 128;
/// Groups one user may belong to (IAM's default `GroupsPerUser` quota).
const MAX_GROUPS_PER_USER: usize = 10;

/// A decoded group operation.
#[derive(Debug)]
pub enum GroupRequest {
    /// `CreateGroup`.
    Create { name: String, path: String },
    /// `GetGroup`: the group and a page of its members.
    Get { name: String, paging: Paging },
    /// `ListGroups`.
    List { path_prefix: String, paging: Paging },
    /// `UpdateGroup`.
    Update {
        name: String,
        new_name: Option<String>,
        new_path: Option<String>,
    },
    /// `DeleteGroup`.
    Delete { name: String },
    /// `AddUserToGroup`.
    AddUser { group: String, user: String },
    /// `RemoveUserFromGroup`.
    RemoveUser { group: String, user: String },
    /// `ListGroupsForUser`.
    ListForUser { user: String, paging: Paging },
}

fn group_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(v, req, "GroupName", "groupName", GROUP_NAME_MAX)
}

fn user_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(v, req, "UserName", "userName", super::USER_NAME_MAX)
}

/// NoSuchEntity for a group name, in IAM's words.
pub(super) fn no_such_group(name: &str) -> ApiError {
    ApiError::no_such_named("group", name)
}

/// Reads a group by name, mapping absence to `NoSuchEntity`.
pub(super) async fn load_group(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state.store.get_entity(EntityKind::Group, name).await {
        Ok(g) => Ok(g),
        Err(StoreError::NotFound) => Err(no_such_group(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<Group>` structure.
pub(super) fn group_element(state: &AppState, group: &Entity) -> Element {
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
pub(super) async fn group_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
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

impl GroupRequest {
    /// Decodes a group action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "CreateGroup" => GroupRequest::Create {
                name: group_name(v, req)?,
                path: path_param(v, req, "Path", "path"),
            },
            "GetGroup" => GroupRequest::Get {
                name: group_name(v, req)?,
                paging: paging(v, req),
            },
            "ListGroups" => GroupRequest::List {
                path_prefix: path_prefix_param(v, req),
                paging: paging(v, req),
            },
            "UpdateGroup" => {
                let name = group_name(v, req)?;
                let new_name = req.get("NewGroupName").map(|n| {
                    v.entity_name(n, "newGroupName", GROUP_NAME_MAX);
                    n.to_owned()
                });
                let new_path = req.get("NewPath").map(|p| {
                    v.path(p, "newPath");
                    p.to_owned()
                });
                GroupRequest::Update {
                    name,
                    new_name,
                    new_path,
                }
            }
            "DeleteGroup" => GroupRequest::Delete {
                name: group_name(v, req)?,
            },
            "AddUserToGroup" => GroupRequest::AddUser {
                group: group_name(v, req)?,
                user: user_name(v, req)?,
            },
            "RemoveUserFromGroup" => GroupRequest::RemoveUser {
                group: group_name(v, req)?,
                user: user_name(v, req)?,
            },
            "ListGroupsForUser" => GroupRequest::ListForUser {
                user: user_name(v, req)?,
                paging: paging(v, req),
            },
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            GroupRequest::Create { .. } => "CreateGroup",
            GroupRequest::Get { .. } => "GetGroup",
            GroupRequest::List { .. } => "ListGroups",
            GroupRequest::Update { .. } => "UpdateGroup",
            GroupRequest::Delete { .. } => "DeleteGroup",
            GroupRequest::AddUser { .. } => "AddUserToGroup",
            GroupRequest::RemoveUser { .. } => "RemoveUserFromGroup",
            GroupRequest::ListForUser { .. } => "ListGroupsForUser",
        }
    }

    /// The resource AWS authorizes: the group, or the user for `ListGroupsForUser`.
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        match self {
            GroupRequest::Create { name, path } => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::Group,
                path,
                name,
            ))),
            GroupRequest::List { .. } => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::Group,
                "/",
                "",
            ))),
            GroupRequest::ListForUser { user, .. } => super::user_resource(state, user).await,
            GroupRequest::Get { name, .. }
            | GroupRequest::Update { name, .. }
            | GroupRequest::Delete { name }
            | GroupRequest::AddUser { group: name, .. }
            | GroupRequest::RemoveUser { group: name, .. } => group_resource(state, name).await,
        }
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            GroupRequest::Create { name, path } => create(state, name, path).await,
            GroupRequest::Get { name, paging } => get(state, &name, &paging).await,
            GroupRequest::List {
                path_prefix,
                paging,
            } => list(state, &path_prefix, &paging).await,
            GroupRequest::Update {
                name,
                new_name,
                new_path,
            } => update(state, &name, new_name, new_path).await,
            GroupRequest::Delete { name } => delete(state, &name).await,
            GroupRequest::AddUser { group, user } => add_user(state, &group, &user).await,
            GroupRequest::RemoveUser { group, user } => remove_user(state, &group, &user).await,
            GroupRequest::ListForUser { user, paging } => {
                list_for_user(state, &user, &paging).await
            }
        }
    }
}

async fn create(state: &AppState, name: String, path: String) -> Result<Option<Element>, ApiError> {
    let group = Entity {
        kind: EntityKind::Group,
        id: ids::prefixed("AGPA"),
        name,
        path,
        create_date: now_seconds(),
        attributes: Default::default(),
    };
    match state.store.create_entity(&group, &[], &[], &[]).await {
        Ok(()) => Ok(Some(Element::parent(
            "CreateGroupResult",
            vec![group_element(state, &group)],
        ))),
        Err(StoreError::AlreadyExists) => Err(ApiError::already_exists("Group", &group.name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

async fn get(state: &AppState, name: &str, paging: &Paging) -> Result<Option<Element>, ApiError> {
    let group = load_group(state, name).await?;
    let page = state
        .store
        .list_relations(
            RelationKind::GroupMember,
            None,
            Some(&group.reference()),
            page_request(paging),
        )
        .await
        .map_err(ApiError::from_store)?;
    let mut users = Vec::with_capacity(page.items.len());
    for relation in &page.items {
        let id = keyward_store::UserId(relation.from.id.clone());
        match state.store.get_user_by_id(&id).await {
            Ok(u) => users.push(user_element(state, &u, None)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    let mut fields = vec![group_element(state, &group), Element::list("Users", users)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("GetGroupResult", fields)))
}

async fn list(
    state: &AppState,
    path_prefix: &str,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let page = state
        .store
        .list_entities(EntityKind::Group, path_prefix, page_request(paging))
        .await
        .map_err(ApiError::from_store)?;
    let groups = page.items.iter().map(|g| group_element(state, g)).collect();
    let mut fields = vec![Element::list("Groups", groups)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListGroupsResult", fields)))
}

async fn update(
    state: &AppState,
    name: &str,
    new_name: Option<String>,
    new_path: Option<String>,
) -> Result<Option<Element>, ApiError> {
    let update = EntityUpdate {
        new_name: new_name.clone(),
        new_path,
        attributes: Vec::new(),
    };
    match state
        .store
        .update_entity(EntityKind::Group, name, &update)
        .await
    {
        Ok(_) => Ok(None),
        Err(StoreError::NotFound) => Err(no_such_group(name)),
        Err(StoreError::AlreadyExists) => Err(ApiError::already_exists(
            "Group",
            new_name.as_deref().unwrap_or(name),
        )),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

async fn delete(state: &AppState, name: &str) -> Result<Option<Element>, ApiError> {
    match state.store.delete_entity(EntityKind::Group, name).await {
        Ok(_) => Ok(None),
        Err(StoreError::NotFound) => Err(no_such_group(name)),
        Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

async fn add_user(state: &AppState, group: &str, user: &str) -> Result<Option<Element>, ApiError> {
    let g = load_group(state, group).await?;
    let u = load_user(state, user).await?;
    let limit = RelationLimit {
        max_per_source: MAX_GROUPS_PER_USER,
        when_full: WhenFull::Refuse,
    };
    let from = EntityRef::new(EntityKind::User, &u.user_id.0);
    match state
        .store
        .add_relation(RelationKind::GroupMember, &from, &g.reference(), limit)
        .await
    {
        Ok(_) => Ok(None),
        Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for GroupsPerUser: {MAX_GROUPS_PER_USER}"
        ))),
        Err(StoreError::NotFound) => Err(no_such_group(group)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Removing a user who is not a member succeeds, as IAM answers it (observed against AWS by
/// cloud-custodian's maintainers, cloud-custodian#4730).
async fn remove_user(
    state: &AppState,
    group: &str,
    user: &str,
) -> Result<Option<Element>, ApiError> {
    let g = load_group(state, group).await?;
    let u = load_user(state, user).await?;
    let from = EntityRef::new(EntityKind::User, &u.user_id.0);
    match state
        .store
        .remove_relation(RelationKind::GroupMember, &from, Some(&g.reference()))
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The groups a user belongs to, for `ListGroupsForUser` and account details.
pub(super) async fn groups_of(state: &AppState, user: &EntityRef) -> Result<Vec<Entity>, ApiError> {
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

async fn list_for_user(
    state: &AppState,
    user: &str,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let u = match state.store.get_user(user).await {
        Ok(u) => u,
        Err(StoreError::NotFound) => return Err(no_such_user(user)),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let groups = groups_of(state, &EntityRef::new(EntityKind::User, &u.user_id.0)).await?;
    let keyed = groups
        .into_iter()
        .map(|g| (g.name.to_lowercase(), g))
        .collect();
    let page = super::page_in_memory(keyed, paging);
    let mut fields = vec![Element::list(
        "Groups",
        page.items.iter().map(|g| group_element(state, g)).collect(),
    )];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListGroupsForUserResult", fields)))
}
