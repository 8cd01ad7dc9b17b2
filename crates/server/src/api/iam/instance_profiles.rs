//! EC2 instance profiles: containers that hand one role to an instance.

use keyward_store::{Entity, EntityKind, RelationKind, RelationLimit, StoreError, Tag, WhenFull};

use super::shared::roles::{load_role, role_element, role_resource};
use super::{
    entity_tags, iam_arn, now_seconds, page_in_memory, page_request, paging, paging_fields,
    path_param, path_prefix_param, required_name, required_tags, tag_keys, tags, tags_element,
    too_many_tags, Paging, MAX_TAGS,
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

/// Longest instance profile name (botocore `instanceProfileNameType`).
const PROFILE_NAME_MAX: usize = 128;
/// Roles one instance profile may hold.
const MAX_ROLES: usize = 1;

/// A decoded instance-profile operation.
#[derive(Debug)]
pub enum InstanceProfileRequest {
    /// `CreateInstanceProfile`.
    Create {
        name: String,
        path: String,
        tags: Vec<Tag>,
    },
    /// `GetInstanceProfile`.
    Get { name: String },
    /// `ListInstanceProfiles`.
    List { path_prefix: String, paging: Paging },
    /// `DeleteInstanceProfile`.
    Delete { name: String },
    /// `AddRoleToInstanceProfile`.
    AddRole { name: String, role: String },
    /// `RemoveRoleFromInstanceProfile`.
    RemoveRole { name: String, role: String },
    /// `ListInstanceProfilesForRole`.
    ListForRole { role: String, paging: Paging },
    /// `TagInstanceProfile`.
    Tag { name: String, tags: Vec<Tag> },
    /// `UntagInstanceProfile`.
    Untag { name: String, keys: Vec<String> },
    /// `ListInstanceProfileTags`.
    ListTags { name: String, paging: Paging },
}

fn profile_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(
        v,
        req,
        "InstanceProfileName",
        "instanceProfileName",
        PROFILE_NAME_MAX,
    )
}

fn role_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(v, req, "RoleName", "roleName", 64)
}

fn no_such_profile(name: &str) -> ApiError {
    ApiError::no_such_instance_profile(name)
}

async fn load_profile(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity(EntityKind::InstanceProfile, name)
        .await
    {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(no_such_profile(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<InstanceProfile>` structure with its role and, when asked, its tags.
async fn profile_element(
    state: &AppState,
    profile: &Entity,
    with_tags: bool,
) -> Result<Element, ApiError> {
    let mut roles = Vec::new();
    for r in all_relations(
        state,
        RelationKind::InstanceProfileRole,
        Some(&profile.reference()),
        None,
    )
    .await?
    {
        match state
            .store
            .get_entity_by_id(EntityKind::Role, &r.to.id)
            .await
        {
            Ok(role) => roles.push(role_element(state, &role)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    let mut fields = vec![
        Element::text("Path", &profile.path),
        Element::text("InstanceProfileName", &profile.name),
        Element::text("InstanceProfileId", &profile.id),
        Element::text(
            "Arn",
            iam_arn(
                state,
                IamResourceType::InstanceProfile,
                &profile.path,
                &profile.name,
            ),
        ),
        Element::time("CreateDate", profile.create_date),
        Element::list("Roles", roles),
    ];
    if with_tags {
        let tags = entity_tags(state, EntityKind::InstanceProfile, &profile.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
    }
    Ok(Element::parent("InstanceProfile", fields))
}

impl InstanceProfileRequest {
    /// Decodes an instance-profile action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "CreateInstanceProfile" => InstanceProfileRequest::Create {
                name: profile_name(v, req)?,
                path: path_param(v, req, "Path", "path"),
                tags: tags(v, req)?,
            },
            "GetInstanceProfile" => InstanceProfileRequest::Get {
                name: profile_name(v, req)?,
            },
            "ListInstanceProfiles" => InstanceProfileRequest::List {
                path_prefix: path_prefix_param(v, req),
                paging: paging(v, req),
            },
            "DeleteInstanceProfile" => InstanceProfileRequest::Delete {
                name: profile_name(v, req)?,
            },
            "AddRoleToInstanceProfile" => InstanceProfileRequest::AddRole {
                name: profile_name(v, req)?,
                role: role_name(v, req)?,
            },
            "RemoveRoleFromInstanceProfile" => InstanceProfileRequest::RemoveRole {
                name: profile_name(v, req)?,
                role: role_name(v, req)?,
            },
            "ListInstanceProfilesForRole" => InstanceProfileRequest::ListForRole {
                role: role_name(v, req)?,
                paging: paging(v, req),
            },
            "TagInstanceProfile" => InstanceProfileRequest::Tag {
                name: profile_name(v, req)?,
                tags: required_tags(v, req)?,
            },
            "UntagInstanceProfile" => InstanceProfileRequest::Untag {
                name: profile_name(v, req)?,
                keys: tag_keys(v, req)?,
            },
            "ListInstanceProfileTags" => InstanceProfileRequest::ListTags {
                name: profile_name(v, req)?,
                paging: paging(v, req),
            },
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            InstanceProfileRequest::Create { .. } => "CreateInstanceProfile",
            InstanceProfileRequest::Get { .. } => "GetInstanceProfile",
            InstanceProfileRequest::List { .. } => "ListInstanceProfiles",
            InstanceProfileRequest::Delete { .. } => "DeleteInstanceProfile",
            InstanceProfileRequest::AddRole { .. } => "AddRoleToInstanceProfile",
            InstanceProfileRequest::RemoveRole { .. } => "RemoveRoleFromInstanceProfile",
            InstanceProfileRequest::ListForRole { .. } => "ListInstanceProfilesForRole",
            InstanceProfileRequest::Tag { .. } => "TagInstanceProfile",
            InstanceProfileRequest::Untag { .. } => "UntagInstanceProfile",
            InstanceProfileRequest::ListTags { .. } => "ListInstanceProfileTags",
        }
    }

    /// The resource AWS authorizes: the instance profile, or the role for
    /// `ListInstanceProfilesForRole`.
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        let name = match self {
            InstanceProfileRequest::Create { name, path, .. } => {
                return Ok(Resource::arn(iam_arn(
                    state,
                    IamResourceType::InstanceProfile,
                    path,
                    name,
                )))
            }
            InstanceProfileRequest::List { .. } => {
                return Ok(Resource::arn(iam_arn(
                    state,
                    IamResourceType::InstanceProfile,
                    "/",
                    "",
                )))
            }
            InstanceProfileRequest::ListForRole { role, .. } => {
                return role_resource(state, role).await
            }
            InstanceProfileRequest::Get { name }
            | InstanceProfileRequest::Delete { name }
            | InstanceProfileRequest::AddRole { name, .. }
            | InstanceProfileRequest::RemoveRole { name, .. }
            | InstanceProfileRequest::Tag { name, .. }
            | InstanceProfileRequest::Untag { name, .. }
            | InstanceProfileRequest::ListTags { name, .. } => name,
        };
        match state
            .store
            .get_entity(EntityKind::InstanceProfile, name)
            .await
        {
            Ok(p) => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::InstanceProfile,
                &p.path,
                &p.name,
            ))),
            Err(StoreError::NotFound) => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::InstanceProfile,
                "/",
                name,
            ))),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            InstanceProfileRequest::Create { name, path, tags } => {
                let profile = Entity {
                    kind: EntityKind::InstanceProfile,
                    id: ids::prefixed("AIPA"),
                    name,
                    path,
                    create_date: now_seconds(),
                    attributes: Default::default(),
                };
                match state.store.create_entity(&profile, &tags, &[], &[]).await {
                    Ok(()) => {}
                    Err(StoreError::AlreadyExists) => {
                        return Err(ApiError::EntityAlreadyExists(format!(
                            "Instance Profile {} already exists.",
                            profile.name
                        )))
                    }
                    Err(e) => return Err(ApiError::from_store(e)),
                }
                let element = profile_element(state, &profile, true).await?;
                Ok(Some(Element::parent(
                    "CreateInstanceProfileResult",
                    vec![element],
                )))
            }
            InstanceProfileRequest::Get { name } => {
                let profile = load_profile(state, &name).await?;
                let element = profile_element(state, &profile, true).await?;
                Ok(Some(Element::parent(
                    "GetInstanceProfileResult",
                    vec![element],
                )))
            }
            InstanceProfileRequest::List {
                path_prefix,
                paging,
            } => {
                let page = state
                    .store
                    .list_entities(
                        EntityKind::InstanceProfile,
                        &path_prefix,
                        page_request(&paging),
                    )
                    .await
                    .map_err(ApiError::from_store)?;
                let mut items = Vec::with_capacity(page.items.len());
                for p in &page.items {
                    items.push(profile_element(state, p, false).await?);
                }
                let mut fields = vec![Element::list("InstanceProfiles", items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent("ListInstanceProfilesResult", fields)))
            }
            InstanceProfileRequest::Delete { name } => {
                match state
                    .store
                    .delete_entity(EntityKind::InstanceProfile, &name)
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_profile(&name)),
                    Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            InstanceProfileRequest::AddRole { name, role } => {
                let profile = load_profile(state, &name).await?;
                let role = load_role(state, &role).await?;
                let limit = RelationLimit {
                    max_per_source: MAX_ROLES,
                    when_full: WhenFull::Refuse,
                };
                let full = || {
                    ApiError::LimitExceeded(format!(
                        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: {MAX_ROLES}"
                    ))
                };
                match state
                    .store
                    .add_relation(
                        RelationKind::InstanceProfileRole,
                        &profile.reference(),
                        &role.reference(),
                        limit,
                    )
                    .await
                {
                    Ok(true) => Ok(None),
                    Ok(false) | Err(StoreError::LimitExceeded) => Err(full()),
                    Err(StoreError::NotFound) => Err(no_such_profile(&name)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            InstanceProfileRequest::RemoveRole { name, role } => {
                let profile = load_profile(state, &name).await?;
                let role_entity = load_role(state, &role).await?;
                match state
                    .store
                    .remove_relation(
                        RelationKind::InstanceProfileRole,
                        &profile.reference(),
                        Some(&role_entity.reference()),
                    )
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(ApiError::no_such_named("role", &role)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            InstanceProfileRequest::ListForRole { role, paging } => {
                let role = load_role(state, &role).await?;
                let mut keyed = Vec::new();
                for r in all_relations(
                    state,
                    RelationKind::InstanceProfileRole,
                    None,
                    Some(&role.reference()),
                )
                .await?
                {
                    match state
                        .store
                        .get_entity_by_id(EntityKind::InstanceProfile, &r.from.id)
                        .await
                    {
                        Ok(p) => keyed.push((p.name.to_lowercase(), p)),
                        Err(StoreError::NotFound) => {}
                        Err(e) => return Err(ApiError::from_store(e)),
                    }
                }
                let page = page_in_memory(keyed, &paging);
                let mut items = Vec::with_capacity(page.items.len());
                for p in &page.items {
                    items.push(profile_element(state, p, false).await?);
                }
                let mut fields = vec![Element::list("InstanceProfiles", items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent(
                    "ListInstanceProfilesForRoleResult",
                    fields,
                )))
            }
            InstanceProfileRequest::Tag { name, tags } => {
                match state
                    .store
                    .tag_entity(EntityKind::InstanceProfile, &name, &tags, MAX_TAGS)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_profile(&name)),
                    Err(StoreError::LimitExceeded) => Err(too_many_tags()),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            InstanceProfileRequest::Untag { name, keys } => {
                match state
                    .store
                    .untag_entity(EntityKind::InstanceProfile, &name, &keys)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_profile(&name)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            InstanceProfileRequest::ListTags { name, paging } => {
                let page = match state
                    .store
                    .list_entity_tags(EntityKind::InstanceProfile, &name, page_request(&paging))
                    .await
                {
                    Ok(p) => p,
                    Err(StoreError::NotFound) => return Err(no_such_profile(&name)),
                    Err(e) => return Err(ApiError::from_store(e)),
                };
                let mut fields = vec![tags_element(&page.items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent(
                    "ListInstanceProfileTagsResult",
                    fields,
                )))
            }
        }
    }
}
