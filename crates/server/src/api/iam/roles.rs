//! IAM roles: identities with a trust policy instead of long-term keys.

use keyward_policy::PolicyKind;
use keyward_store::{Entity, EntityKind, EntityUpdate, Relation, RelationKind, StoreError, Tag};

use super::shared::policies::policy_arn;
use super::{
    boundary_element, check_policy_document, entity_tags, iam_arn, named_resource, now_seconds,
    page_request, paging, paging_fields, path_param, path_prefix_param, policy_document_param,
    required_name, required_tags, tag_keys, tags, tags_element, too_many_tags, url_encode, Paging,
    MAX_TAGS,
};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::find_managed_policy;
use crate::directory::roles::{DEFAULT_MAX_SESSION, DESCRIPTION, MAX_SESSION, TRUST_POLICY};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Longest role name (botocore `roleNameType`).
const ROLE_NAME_MAX: usize = 64;

/// A decoded role operation.
#[derive(Debug)]
pub enum RoleRequest {
    /// `CreateRole`.
    Create {
        name: String,
        path: String,
        trust_policy: String,
        description: Option<String>,
        max_session: Option<i64>,
        boundary: Option<String>,
        tags: Vec<Tag>,
    },
    /// `GetRole`.
    Get { name: String },
    /// `ListRoles`.
    List { path_prefix: String, paging: Paging },
    /// `UpdateRole`.
    Update {
        name: String,
        description: Option<String>,
        max_session: Option<i64>,
    },
    /// `UpdateRoleDescription`.
    UpdateDescription { name: String, description: String },
    /// `UpdateAssumeRolePolicy`.
    UpdateTrust { name: String, trust_policy: String },
    /// `DeleteRole`.
    Delete { name: String },
    /// `TagRole`.
    Tag { name: String, tags: Vec<Tag> },
    /// `UntagRole`.
    Untag { name: String, keys: Vec<String> },
    /// `ListRoleTags`.
    ListTags { name: String, paging: Paging },
}

fn role_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(v, req, "RoleName", "roleName", ROLE_NAME_MAX)
}

fn description(v: &mut Violations, req: &QueryRequest) -> Option<String> {
    req.get("Description").map(|d| {
        v.length_only(d, "description", 0, 1000);
        d.to_owned()
    })
}

fn max_session(v: &mut Violations, req: &QueryRequest) -> Option<i64> {
    req.get("MaxSessionDuration")
        .and_then(|s| v.int_range(s, "maxSessionDuration", 3600, 43200))
}

/// NoSuchEntity for a role name, in IAM's words.
pub(super) fn no_such_role(name: &str) -> ApiError {
    ApiError::no_such_named("role", name)
}

/// Reads a role by name, mapping absence to `NoSuchEntity`.
pub(super) async fn load_role(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state.store.get_entity(EntityKind::Role, name).await {
        Ok(r) => Ok(r),
        Err(StoreError::NotFound) => Err(no_such_role(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The resource of an operation on role `name`: `role NAME` when it exists.
pub(super) async fn role_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
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
pub(super) fn role_element(state: &AppState, role: &Entity) -> Element {
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
enum RoleView {
    Created,
    Fetched,
}

/// The `<Role>` structure as `GetRole` and `CreateRole` show it.
async fn detailed_role_element(
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

impl RoleRequest {
    /// Decodes a role action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "CreateRole" => {
                let name = role_name(v, req)?;
                let trust_policy = policy_document_param(
                    v,
                    req,
                    "AssumeRolePolicyDocument",
                    "assumeRolePolicyDocument",
                )?;
                let boundary = match req.get("PermissionsBoundary") {
                    Some(_) => Some(policy_arn(
                        v,
                        req,
                        "PermissionsBoundary",
                        "permissionsBoundary",
                    )?),
                    None => None,
                };
                RoleRequest::Create {
                    name,
                    path: path_param(v, req, "Path", "path"),
                    trust_policy,
                    description: description(v, req),
                    max_session: max_session(v, req),
                    boundary,
                    tags: tags(v, req)?,
                }
            }
            "GetRole" => RoleRequest::Get {
                name: role_name(v, req)?,
            },
            "ListRoles" => RoleRequest::List {
                path_prefix: path_prefix_param(v, req),
                paging: paging(v, req),
            },
            "UpdateRole" => RoleRequest::Update {
                name: role_name(v, req)?,
                description: description(v, req),
                max_session: max_session(v, req),
            },
            "UpdateRoleDescription" => {
                let name = role_name(v, req)?;
                let description = req.required("Description", "description")?.to_owned();
                v.length_only(&description, "description", 0, 1000);
                RoleRequest::UpdateDescription { name, description }
            }
            "UpdateAssumeRolePolicy" => RoleRequest::UpdateTrust {
                name: role_name(v, req)?,
                trust_policy: policy_document_param(v, req, "PolicyDocument", "policyDocument")?,
            },
            "DeleteRole" => RoleRequest::Delete {
                name: role_name(v, req)?,
            },
            "TagRole" => RoleRequest::Tag {
                name: role_name(v, req)?,
                tags: required_tags(v, req)?,
            },
            "UntagRole" => RoleRequest::Untag {
                name: role_name(v, req)?,
                keys: tag_keys(v, req)?,
            },
            "ListRoleTags" => RoleRequest::ListTags {
                name: role_name(v, req)?,
                paging: paging(v, req),
            },
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            RoleRequest::Create { .. } => "CreateRole",
            RoleRequest::Get { .. } => "GetRole",
            RoleRequest::List { .. } => "ListRoles",
            RoleRequest::Update { .. } => "UpdateRole",
            RoleRequest::UpdateDescription { .. } => "UpdateRoleDescription",
            RoleRequest::UpdateTrust { .. } => "UpdateAssumeRolePolicy",
            RoleRequest::Delete { .. } => "DeleteRole",
            RoleRequest::Tag { .. } => "TagRole",
            RoleRequest::Untag { .. } => "UntagRole",
            RoleRequest::ListTags { .. } => "ListRoleTags",
        }
    }

    /// The resource AWS authorizes: the role.
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        match self {
            RoleRequest::Create { name, path, .. } => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::Role,
                path,
                name,
            ))),
            RoleRequest::List { .. } => Ok(Resource::arn(iam_arn(
                state,
                IamResourceType::Role,
                "/",
                "",
            ))),
            RoleRequest::Get { name }
            | RoleRequest::Update { name, .. }
            | RoleRequest::UpdateDescription { name, .. }
            | RoleRequest::UpdateTrust { name, .. }
            | RoleRequest::Delete { name }
            | RoleRequest::Tag { name, .. }
            | RoleRequest::Untag { name, .. }
            | RoleRequest::ListTags { name, .. } => role_resource(state, name).await,
        }
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            RoleRequest::Create {
                name,
                path,
                trust_policy,
                description,
                max_session,
                boundary,
                tags,
            } => {
                check_policy_document(&trust_policy, PolicyKind::Trust, None)?;
                let mut role = Entity {
                    kind: EntityKind::Role,
                    id: ids::prefixed("AROA"),
                    name,
                    path,
                    create_date: now_seconds(),
                    attributes: Default::default(),
                };
                role.attributes.insert(TRUST_POLICY.into(), trust_policy);
                role.attributes.insert(
                    MAX_SESSION.into(),
                    max_session.unwrap_or(DEFAULT_MAX_SESSION).to_string(),
                );
                if let Some(d) = description {
                    role.attributes.insert(DESCRIPTION.into(), d);
                }
                let mut relations = Vec::new();
                if let Some(arn) = &boundary {
                    let policy = find_managed_policy(state, arn)
                        .await?
                        .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
                    relations.push(Relation {
                        kind: RelationKind::PermissionsBoundary,
                        from: role.reference(),
                        to: policy.target(),
                    });
                }
                match state
                    .store
                    .create_entity(&role, &tags, &[], &relations)
                    .await
                {
                    Ok(()) => {}
                    Err(StoreError::AlreadyExists) => {
                        return Err(ApiError::already_exists("Role", &role.name))
                    }
                    Err(StoreError::NotFound) => {
                        return Err(ApiError::policy_not_attachable(
                            &boundary.unwrap_or_default(),
                        ))
                    }
                    Err(e) => return Err(ApiError::from_store(e)),
                }
                let element = detailed_role_element(state, &role, RoleView::Created).await?;
                Ok(Some(Element::parent("CreateRoleResult", vec![element])))
            }
            RoleRequest::Get { name } => {
                let role = load_role(state, &name).await?;
                let element = detailed_role_element(state, &role, RoleView::Fetched).await?;
                Ok(Some(Element::parent("GetRoleResult", vec![element])))
            }
            RoleRequest::List {
                path_prefix,
                paging,
            } => {
                let page = state
                    .store
                    .list_entities(EntityKind::Role, &path_prefix, page_request(&paging))
                    .await
                    .map_err(ApiError::from_store)?;
                let roles = page.items.iter().map(|r| role_element(state, r)).collect();
                let mut fields = vec![Element::list("Roles", roles)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent("ListRolesResult", fields)))
            }
            RoleRequest::Update {
                name,
                description,
                max_session,
            } => {
                let mut attributes = Vec::new();
                if let Some(d) = description {
                    attributes.push((DESCRIPTION.to_owned(), Some(d)));
                }
                if let Some(m) = max_session {
                    attributes.push((MAX_SESSION.to_owned(), Some(m.to_string())));
                }
                update(state, &name, attributes).await?;
                Ok(Some(Element::parent("UpdateRoleResult", Vec::new())))
            }
            RoleRequest::UpdateDescription { name, description } => {
                let role = update(
                    state,
                    &name,
                    vec![(DESCRIPTION.to_owned(), Some(description))],
                )
                .await?;
                let element = detailed_role_element(state, &role, RoleView::Fetched).await?;
                Ok(Some(Element::parent(
                    "UpdateRoleDescriptionResult",
                    vec![element],
                )))
            }
            RoleRequest::UpdateTrust { name, trust_policy } => {
                load_role(state, &name).await?;
                check_policy_document(&trust_policy, PolicyKind::Trust, None)?;
                update(
                    state,
                    &name,
                    vec![(TRUST_POLICY.to_owned(), Some(trust_policy))],
                )
                .await?;
                Ok(None)
            }
            RoleRequest::Delete { name } => {
                match state.store.delete_entity(EntityKind::Role, &name).await {
                    Ok(_) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_role(&name)),
                    Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            RoleRequest::Tag { name, tags } => {
                match state
                    .store
                    .tag_entity(EntityKind::Role, &name, &tags, MAX_TAGS)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_role(&name)),
                    Err(StoreError::LimitExceeded) => Err(too_many_tags()),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            RoleRequest::Untag { name, keys } => {
                match state
                    .store
                    .untag_entity(EntityKind::Role, &name, &keys)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_role(&name)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            RoleRequest::ListTags { name, paging } => {
                let page = match state
                    .store
                    .list_entity_tags(EntityKind::Role, &name, page_request(&paging))
                    .await
                {
                    Ok(p) => p,
                    Err(StoreError::NotFound) => return Err(no_such_role(&name)),
                    Err(e) => return Err(ApiError::from_store(e)),
                };
                let mut fields = vec![tags_element(&page.items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent("ListRoleTagsResult", fields)))
            }
        }
    }
}

async fn update(
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
