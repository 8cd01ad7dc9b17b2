//! The IAM API. Each request is decoded and validated into a typed [`IamRequest`] before
//! anything else happens, so authorization and the handlers only ever see valid input.

mod access_keys;
mod account;
mod service_credentials;

pub(crate) mod shared;

pub(crate) mod add_client_id_to_open_id_connect_provider;
pub(crate) mod add_role_to_instance_profile;
pub(crate) mod add_user_to_group;
pub(crate) mod attach_group_policy;
pub(crate) mod attach_role_policy;
pub(crate) mod attach_user_policy;
pub(crate) mod create_group;
pub(crate) mod create_instance_profile;
pub(crate) mod create_open_id_connect_provider;
pub(crate) mod create_policy;
pub(crate) mod create_policy_version;
pub(crate) mod create_role;
pub(crate) mod create_user;
pub(crate) mod delete_group;
pub(crate) mod delete_group_policy;
pub(crate) mod delete_instance_profile;
pub(crate) mod delete_open_id_connect_provider;
pub(crate) mod delete_policy;
pub(crate) mod delete_policy_version;
pub(crate) mod delete_role;
pub(crate) mod delete_role_permissions_boundary;
pub(crate) mod delete_role_policy;
pub(crate) mod delete_user;
pub(crate) mod delete_user_permissions_boundary;
pub(crate) mod delete_user_policy;
pub(crate) mod detach_group_policy;
pub(crate) mod detach_role_policy;
pub(crate) mod detach_user_policy;
pub(crate) mod get_context_keys_for_custom_policy;
pub(crate) mod get_context_keys_for_principal_policy;
pub(crate) mod get_group;
pub(crate) mod get_group_policy;
pub(crate) mod get_instance_profile;
pub(crate) mod get_open_id_connect_provider;
pub(crate) mod get_policy;
pub(crate) mod get_policy_version;
pub(crate) mod get_role;
pub(crate) mod get_role_policy;
pub(crate) mod get_user;
pub(crate) mod get_user_policy;
pub(crate) mod list_attached_group_policies;
pub(crate) mod list_attached_role_policies;
pub(crate) mod list_attached_user_policies;
pub(crate) mod list_entities_for_policy;
pub(crate) mod list_group_policies;
pub(crate) mod list_groups;
pub(crate) mod list_groups_for_user;
pub(crate) mod list_instance_profile_tags;
pub(crate) mod list_instance_profiles;
pub(crate) mod list_instance_profiles_for_role;
pub(crate) mod list_open_id_connect_providers;
pub(crate) mod list_policies;
pub(crate) mod list_policy_tags;
pub(crate) mod list_policy_versions;
pub(crate) mod list_role_policies;
pub(crate) mod list_role_tags;
pub(crate) mod list_roles;
pub(crate) mod list_user_policies;
pub(crate) mod list_user_tags;
pub(crate) mod list_users;
pub(crate) mod put_group_policy;
pub(crate) mod put_role_permissions_boundary;
pub(crate) mod put_role_policy;
pub(crate) mod put_user_permissions_boundary;
pub(crate) mod put_user_policy;
pub(crate) mod remove_client_id_from_open_id_connect_provider;
pub(crate) mod remove_role_from_instance_profile;
pub(crate) mod remove_user_from_group;
pub(crate) mod set_default_policy_version;
pub(crate) mod simulate_custom_policy;
pub(crate) mod simulate_principal_policy;
pub(crate) mod tag_instance_profile;
pub(crate) mod tag_policy;
pub(crate) mod tag_role;
pub(crate) mod tag_user;
pub(crate) mod untag_instance_profile;
pub(crate) mod untag_policy;
pub(crate) mod untag_role;
pub(crate) mod untag_user;
pub(crate) mod update_assume_role_policy;
pub(crate) mod update_group;
pub(crate) mod update_open_id_connect_provider_thumbprint;
pub(crate) mod update_role;
pub(crate) mod update_role_description;
pub(crate) mod update_user;

use keyward_policy::PolicyKind;
use keyward_store::{
    Dependent, DocumentKind, EntityKind, EntityRef, KeyOwner, Page, PageRequest, RelationKind,
    StoreError, Tag, User,
};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use time::OffsetDateTime;

use crate::api::operations::Affects;
use crate::arn::{self, IamResourceType};
use crate::auth::identity::{Caller, Identity};
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;
use shared::{load_user, no_such_user, user_resource};

/// Longest IAM user name.
const USER_NAME_MAX: usize = 64;
/// Most tags an IAM entity may carry.
const MAX_TAGS: usize = 50;

/// Paging input shared by list operations.
#[derive(Debug)]
pub struct Paging {
    marker: Option<String>,
    max_items: usize,
}

/// A decoded, validated IAM request.
#[derive(Debug)]
pub enum IamRequest {
    /// `CreateAccessKey`; no name means the caller.
    CreateAccessKey { name: Option<String> },
    /// `ListAccessKeys`; no name means the caller.
    ListAccessKeys { name: Option<String> },
    /// `UpdateAccessKey`; no name means the caller.
    UpdateAccessKey {
        name: Option<String>,
        access_key_id: String,
        status: String,
    },
    /// `DeleteAccessKey`; no name means the caller.
    DeleteAccessKey {
        name: Option<String>,
        access_key_id: String,
    },
    /// `GetAccessKeyLastUsed`.
    GetAccessKeyLastUsed { access_key_id: String },
    /// Account-wide operations.
    Account(account::AccountRequest),
    /// Service-specific credentials.
    ServiceCredential(service_credentials::ServiceCredentialRequest),
}

fn user_name(v: &mut Violations, req: &QueryRequest) -> Option<String> {
    let name = req.get("UserName")?;
    v.entity_name(name, "userName", USER_NAME_MAX);
    Some(name.to_owned())
}

fn required_user_name(req: &QueryRequest) -> Result<String, ApiError> {
    let name = req.required("UserName", "userName")?;
    let mut v = Violations::default();
    v.entity_name(name, "userName", USER_NAME_MAX);
    v.finish()?;
    Ok(name.to_owned())
}

fn paging(v: &mut Violations, req: &QueryRequest) -> Paging {
    let marker = req.get("Marker").map(|m| {
        v.marker(m, "marker");
        m.to_owned()
    });
    Paging {
        marker,
        max_items: v.max_items(req.get("MaxItems"), "maxItems"),
    }
}

fn tags(v: &mut Violations, req: &QueryRequest) -> Result<Vec<Tag>, ApiError> {
    let members = req.structs("Tags");
    let mut tags = Vec::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        let key = m
            .get("Key")
            .ok_or_else(|| ApiError::validation_null(&format!("tags.{}.member.key", i + 1)))?;
        let value = m
            .get("Value")
            .ok_or_else(|| ApiError::validation_null(&format!("tags.{}.member.value", i + 1)))?;
        v.tag_key(key, &format!("tags.{}.member.key", i + 1));
        v.tag_value(value, &format!("tags.{}.member.value", i + 1));
        tags.push(Tag {
            key: key.to_owned(),
            value: value.to_owned(),
        });
    }
    if tags.len() > MAX_TAGS {
        v.push_raw(format!(
            "Value '[{}]' at 'tags' failed to satisfy constraint: Member must have length less \
             than or equal to {MAX_TAGS}",
            tags.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = tags.iter().find(|t| !seen.insert(t.key.to_lowercase())) {
        return Err(ApiError::InvalidInput(format!(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive. ({})",
            dup.key
        )));
    }
    Ok(tags)
}

impl IamRequest {
    /// Decodes and validates `action`; `None` if IAM has no such action.
    pub fn decode(action: &str, req: &QueryRequest) -> Option<Result<Self, ApiError>> {
        let mut v = Violations::default();
        let decoded = (|| -> Result<Option<IamRequest>, ApiError> {
            Ok(Some(match action {
                "CreateAccessKey" => IamRequest::CreateAccessKey {
                    name: user_name(&mut v, req),
                },
                "ListAccessKeys" => {
                    let name = user_name(&mut v, req);
                    paging(&mut v, req);
                    IamRequest::ListAccessKeys { name }
                }
                "UpdateAccessKey" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    let status = req.required("Status", "status")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    v.one_of(&status, "status", &["Active", "Inactive"]);
                    IamRequest::UpdateAccessKey {
                        name: user_name(&mut v, req),
                        access_key_id,
                        status,
                    }
                }
                "DeleteAccessKey" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    IamRequest::DeleteAccessKey {
                        name: user_name(&mut v, req),
                        access_key_id,
                    }
                }
                "GetAccessKeyLastUsed" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    IamRequest::GetAccessKeyLastUsed { access_key_id }
                }
                _ => {
                    if let Some(r) = account::AccountRequest::decode(action, req, &mut v)? {
                        IamRequest::Account(r)
                    } else if let Some(r) =
                        service_credentials::ServiceCredentialRequest::decode(action, req, &mut v)?
                    {
                        IamRequest::ServiceCredential(r)
                    } else {
                        return Ok(None);
                    }
                }
            }))
        })();
        match decoded {
            Err(e) => Some(Err(e)),
            Ok(None) => None,
            Ok(Some(request)) => Some(v.finish().map(|()| request)),
        }
    }

    /// The IAM action name, e.g. `CreateUser`.
    pub fn action(&self) -> &'static str {
        match self {
            IamRequest::CreateAccessKey { .. } => "CreateAccessKey",
            IamRequest::ListAccessKeys { .. } => "ListAccessKeys",
            IamRequest::UpdateAccessKey { .. } => "UpdateAccessKey",
            IamRequest::DeleteAccessKey { .. } => "DeleteAccessKey",
            IamRequest::GetAccessKeyLastUsed { .. } => "GetAccessKeyLastUsed",
            IamRequest::Account(r) => r.action(),
            IamRequest::ServiceCredential(r) => r.action(),
        }
    }

    /// The resource the request acts on, for authorization and AccessDenied messages.
    pub async fn resource(&self, state: &AppState, caller: &Caller) -> Result<Resource, ApiError> {
        let account = &state.account;
        let target = match self {
            IamRequest::Account(r) => return Ok(r.resource()),
            IamRequest::ServiceCredential(r) => return r.resource(state, caller).await,
            IamRequest::GetAccessKeyLastUsed { access_key_id } => {
                match state.store.get_access_key(access_key_id).await {
                    Ok(key) => match key.owner {
                        KeyOwner::Root => return Ok(Resource::arn(arn::root(account))),
                        KeyOwner::User(id) => match state.store.get_user_by_id(&id).await {
                            Ok(u) => Some(u.name),
                            Err(StoreError::NotFound) => None,
                            Err(e) => return Err(ApiError::from_store(e)),
                        },
                    },
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(ApiError::from_store(e)),
                }
            }
            IamRequest::CreateAccessKey { name }
            | IamRequest::ListAccessKeys { name }
            | IamRequest::UpdateAccessKey { name, .. }
            | IamRequest::DeleteAccessKey { name, .. } => name.clone(),
        };
        let name = match (target, &caller.identity) {
            (Some(name), _) => name,
            (None, Identity::User(u)) => u.name.clone(),
            (None, Identity::Root) => return Ok(Resource::arn(caller.arn())),
            (None, Identity::RoleSession(_) | Identity::FederatedUser(_)) => {
                return Err(ApiError::user_name_required())
            }
        };
        user_resource(state, &name).await
    }

    /// Runs the request; the element is the `…Result` body, if the action has one.
    pub async fn execute(
        self,
        state: &AppState,
        caller: &Caller,
    ) -> Result<Option<Element>, ApiError> {
        match self {
            IamRequest::CreateAccessKey { name } => access_keys::create(state, caller, name).await,
            IamRequest::ListAccessKeys { name } => access_keys::list(state, caller, name).await,
            IamRequest::UpdateAccessKey {
                name,
                access_key_id,
                status,
            } => access_keys::update(state, caller, name, &access_key_id, &status).await,
            IamRequest::DeleteAccessKey {
                name,
                access_key_id,
            } => access_keys::delete(state, caller, name, &access_key_id).await,
            IamRequest::GetAccessKeyLastUsed { access_key_id } => {
                access_keys::last_used(state, &access_key_id).await
            }
            IamRequest::Account(r) => r.execute(state).await,
            IamRequest::ServiceCredential(r) => r.execute(state, caller).await,
        }
    }
}

/// The principal an access-key operation targets: the named user, or the caller itself.
async fn key_owner(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<(KeyOwner, Identity), ApiError> {
    match name {
        Some(name) => {
            let user = load_user(state, &name).await?;
            Ok((KeyOwner::User(user.user_id.clone()), Identity::User(user)))
        }
        None => match &caller.identity {
            Identity::Root => Ok((KeyOwner::Root, Identity::Root)),
            Identity::User(u) => {
                let user = load_user(state, &u.name).await?;
                Ok((KeyOwner::User(user.user_id.clone()), Identity::User(user)))
            }
            Identity::RoleSession(_) | Identity::FederatedUser(_) => {
                Err(ApiError::user_name_required())
            }
        },
    }
}

/// The `<User>` structure.
fn user_element(state: &AppState, user: &User, tags: Option<&[Tag]>) -> Element {
    let mut fields = vec![
        Element::text("Path", &user.path),
        Element::text("UserName", &user.name),
        Element::text("UserId", &user.user_id.0),
        Element::text("Arn", arn::user(&state.account, &user.path, &user.name)),
        Element::time("CreateDate", user.create_date),
    ];
    if let Some(tags) = tags.filter(|t| !t.is_empty()) {
        fields.push(tags_element(tags));
    }
    Element::parent("User", fields)
}

/// The `<Tags>` list.
fn tags_element(tags: &[Tag]) -> Element {
    Element::list(
        "Tags",
        tags.iter()
            .map(|t| {
                Element::parent(
                    "Tag",
                    vec![
                        Element::text("Key", &t.key),
                        Element::text("Value", &t.value),
                    ],
                )
            })
            .collect(),
    )
}

/// The current time at the second precision IAM reports.
fn now_seconds() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

fn page_request(paging: &Paging) -> PageRequest<'_> {
    PageRequest {
        marker: paging.marker.as_deref(),
        max_items: paging.max_items,
    }
}

/// `IsTruncated` and, when truncated, `Marker`.
fn paging_fields(next_marker: Option<String>) -> Vec<Element> {
    let mut out = vec![Element::boolean("IsTruncated", next_marker.is_some())];
    if let Some(marker) = next_marker {
        out.push(Element::text("Marker", marker));
    }
    out
}

/// Pages through an in-memory listing whose items carry their sort keys, so that listings
/// merged from several sources (AWS and customer managed policies) page like store listings.
fn page_in_memory<T>(mut items: Vec<(String, T)>, paging: &Paging) -> Page<T> {
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let start = match &paging.marker {
        Some(m) => items.partition_point(|(k, _)| k < m),
        None => 0,
    };
    let mut rest: Vec<(String, T)> = items.into_iter().skip(start).collect();
    let next_marker = if rest.len() > paging.max_items {
        rest.truncate(paging.max_items + 1);
        rest.pop().map(|(k, _)| k)
    } else {
        None
    };
    Page {
        items: rest.into_iter().map(|(_, v)| v).collect(),
        next_marker,
    }
}

/// An IAM ARN in this account: `arn:aws:iam::ACCOUNT:{kind}{path}{name}`.
fn iam_arn(state: &AppState, kind: IamResourceType, path: &str, name: &str) -> String {
    arn::iam(&state.account, kind, path, name)
}

/// A resource named `{noun} {name}` in AccessDenied messages when it exists, as IAM writes
/// them for users, groups and roles.
fn named_resource(arn: String, noun: &str, name: &str) -> Resource {
    Resource {
        arn,
        shown_as: format!("{noun} {name}"),
    }
}

/// Characters IAM leaves unencoded in policy documents on the wire: `A-Za-z0-9-_.~`, as
/// RFC 3986 unreserved characters (botocore and the SDKs undo it with a plain URL decode).
const DOCUMENT_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A policy document as IAM returns it: URL-encoded.
fn url_encode(text: &str) -> String {
    utf8_percent_encode(text, DOCUMENT_ENCODE_SET).to_string()
}

/// The one place policy text is checked before it is stored: the policy engine's IAM
/// write-time validation (grammar, version, element rules and the size quota of `kind`).
/// Inline policies pass their holder's aggregate quota and the error IAM gives for it, since
/// IAM sizes them per user, group or role rather than per document.
pub(crate) fn check_policy_document(
    text: &str,
    kind: PolicyKind,
    inline: Option<(usize, &dyn Fn() -> ApiError)>,
) -> Result<(), ApiError> {
    let checked = match inline {
        Some((quota, _)) => keyward_policy::validate_with_quota(text, kind, quota),
        None => keyward_policy::validate(text, kind),
    };
    match checked {
        Ok(_) => Ok(()),
        // IAM words text that is not JSON at all differently for trust policies.
        Err(keyward_policy::ValidationError::Malformed(
            keyward_policy::MalformedPolicy::Syntax,
        )) if kind == PolicyKind::Trust
            && serde_json::from_str::<serde_json::Value>(text).is_err() =>
        {
            Err(ApiError::MalformedPolicyDocument(
                "This policy contains invalid Json".to_owned(),
            ))
        }
        Err(keyward_policy::ValidationError::Malformed(m)) => {
            Err(ApiError::MalformedPolicyDocument(m.to_string()))
        }
        Err(e @ keyward_policy::ValidationError::SizeExceeded { .. }) => match inline {
            Some((_, too_big)) => Err(too_big()),
            None => Err(ApiError::LimitExceeded(e.to_string())),
        },
    }
}

/// A required policy document parameter: present and within botocore's length bounds
/// (`policyDocumentType`, 1 to 131072 characters).
fn policy_document_param(
    v: &mut Violations,
    req: &QueryRequest,
    name: &str,
    field: &str,
) -> Result<String, ApiError> {
    let text = req.required(name, field)?;
    v.length_only(text, field, 1, 131_072);
    Ok(text.to_owned())
}

/// DeleteConflict in IAM's words for whatever still hangs off the entity.
fn delete_conflict(d: Dependent) -> ApiError {
    let message = match d {
        Dependent::AccessKeys => "Cannot delete entity, must delete access keys first.",
        Dependent::Source(RelationKind::GroupMember)
        | Dependent::Target(RelationKind::GroupMember) => {
            "Cannot delete entity, must remove users from group first."
        }
        Dependent::Source(RelationKind::PolicyAttachment) => {
            "Cannot delete entity, must detach all policies first."
        }
        Dependent::Target(RelationKind::PolicyAttachment)
        | Dependent::Target(RelationKind::PermissionsBoundary) => {
            "Cannot delete a policy attached to entities."
        }
        Dependent::Source(RelationKind::InstanceProfileRole)
        | Dependent::Target(RelationKind::InstanceProfileRole) => {
            "Cannot delete entity, must remove roles from instance profile first."
        }
        Dependent::Documents(DocumentKind::InlinePolicy) => {
            "Cannot delete entity, must delete policies first."
        }
        Dependent::Documents(DocumentKind::PolicyVersion) => {
            "This policy has more than one version. Before you delete a policy, you must delete \
             the policy's versions. The default version is deleted with the policy."
        }
        Dependent::DefaultDocument => "Cannot delete the default version of a policy.",
        Dependent::Source(_) | Dependent::Target(_) => {
            "Cannot delete entity, must remove its dependents first."
        }
    };
    ApiError::DeleteConflict(message.to_owned())
}

/// The `<PermissionsBoundary>` of a user or role, if it has one.
async fn boundary_element(
    state: &AppState,
    principal: &EntityRef,
) -> Result<Option<Element>, ApiError> {
    let relations = all_relations(
        state,
        RelationKind::PermissionsBoundary,
        Some(principal),
        None,
    )
    .await?;
    let Some(relation) = relations.into_iter().next() else {
        return Ok(None);
    };
    let arn = shared::policies::arn_of(state, &relation.to).await?;
    Ok(Some(Element::parent(
        "PermissionsBoundary",
        vec![
            // Real responses say `Policy`, though the API reference lists `PermissionsBoundaryPolicy`.
            Element::text("PermissionsBoundaryType", "Policy"),
            Element::text("PermissionsBoundaryArn", arn),
        ],
    )))
}

/// Every tag of an entity (at most [`MAX_TAGS`], so one page).
async fn entity_tags(state: &AppState, kind: EntityKind, name: &str) -> Result<Vec<Tag>, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: MAX_TAGS,
    };
    state
        .store
        .list_entity_tags(kind, name, page)
        .await
        .map(|p| p.items)
        .map_err(ApiError::from_store)
}

/// `TagKeys` of an untag request: required, each a valid key.
fn tag_keys(v: &mut Violations, req: &QueryRequest) -> Result<Vec<String>, ApiError> {
    let keys: Vec<String> = req.list("TagKeys").into_iter().map(str::to_owned).collect();
    if keys.is_empty() {
        return Err(ApiError::validation_null("tagKeys"));
    }
    for (i, k) in keys.iter().enumerate() {
        v.tag_key(k, &format!("tagKeys.{}.member", i + 1));
    }
    Ok(keys)
}

/// `Tags` of a tag request: required and non-empty.
fn required_tags(v: &mut Violations, req: &QueryRequest) -> Result<Vec<Tag>, ApiError> {
    if req.structs("Tags").is_empty() {
        return Err(ApiError::validation_null("tags"));
    }
    tags(v, req)
}

/// The tag-quota error IAM answers.
fn too_many_tags() -> ApiError {
    ApiError::LimitExceeded("The number of tags has reached the maximum limit.".into())
}

/// A required entity name parameter (group, role, instance profile, policy names).
fn required_name(
    v: &mut Violations,
    req: &QueryRequest,
    name: &str,
    field: &str,
    max: usize,
) -> Result<String, ApiError> {
    let value = req.required(name, field)?;
    v.entity_name(value, field, max);
    Ok(value.to_owned())
}

/// An optional path parameter defaulting to `/`.
fn path_param(v: &mut Violations, req: &QueryRequest, name: &str, field: &str) -> String {
    let path = req.get(name).unwrap_or("/").to_owned();
    v.path(&path, field);
    path
}

/// An optional path prefix parameter defaulting to `/`.
fn path_prefix_param(v: &mut Violations, req: &QueryRequest) -> String {
    let prefix = req.get("PathPrefix").unwrap_or("/").to_owned();
    v.path_prefix(&prefix, "pathPrefix");
    prefix
}

/// Drops the cached policies of the principals a successful write affected. Whatever cannot
/// be resolved empties the whole cache: stale permissions are never served.
pub(crate) async fn invalidate_affected(state: &AppState, affects: Affects, req: &QueryRequest) {
    let everyone = || state.policies.invalidate();
    let named = |kind: EntityKind, param: &str| match req.get(param) {
        Some(name) => state.policies.invalidate_named(kind, name),
        None => everyone(),
    };
    match affects {
        Affects::Nothing | Affects::NoPolicies => {}
        Affects::User => named(EntityKind::User, "UserName"),
        Affects::Role => named(EntityKind::Role, "RoleName"),
        Affects::GroupMembers | Affects::PolicyHolders => {
            match affected_holders(state, affects, req).await {
                Ok(principals) => state.policies.invalidate_principals(&principals),
                Err(e) => {
                    tracing::warn!(error = ?e, "affected principals unknown; dropping every cached policy");
                    everyone();
                }
            }
        }
    }
}

/// The members of the group in `GroupName`, or every user (with its groups' members) and role
/// the managed policy in `PolicyArn` is attached to or bounds.
async fn affected_holders(
    state: &AppState,
    affects: Affects,
    req: &QueryRequest,
) -> Result<Vec<EntityRef>, ApiError> {
    let groups = match affects {
        Affects::GroupMembers => {
            let name = req.get("GroupName").ok_or(ApiError::ServiceFailure)?;
            match state.store.get_entity(EntityKind::Group, name).await {
                Ok(group) => vec![group.reference()],
                Err(StoreError::NotFound) => return Ok(Vec::new()),
                Err(e) => return Err(ApiError::from_store(e)),
            }
        }
        _ => {
            let arn = req.get("PolicyArn").ok_or(ApiError::ServiceFailure)?;
            let Some(policy) = crate::directory::find_managed_policy(state, arn).await? else {
                return Ok(Vec::new());
            };
            let target = policy.target();
            let mut groups = Vec::new();
            let mut out = Vec::new();
            for kind in [
                RelationKind::PolicyAttachment,
                RelationKind::PermissionsBoundary,
            ] {
                for relation in all_relations(state, kind, None, Some(&target)).await? {
                    match relation.from.kind {
                        EntityKind::Group => groups.push(relation.from),
                        _ => out.push(relation.from),
                    }
                }
            }
            return members_of(state, groups, out).await;
        }
    };
    members_of(state, groups, Vec::new()).await
}

/// `out` with the members of `groups` added.
async fn members_of(
    state: &AppState,
    groups: Vec<EntityRef>,
    mut out: Vec<EntityRef>,
) -> Result<Vec<EntityRef>, ApiError> {
    for group in groups {
        let members = all_relations(state, RelationKind::GroupMember, None, Some(&group)).await?;
        out.extend(members.into_iter().map(|m| m.from));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::api::operations::Service;
    use crate::testing::{self, call};

    #[tokio::test]
    async fn a_user_is_created_read_and_deleted() {
        let state = testing::state();
        let root = testing::root(&state);
        let created = call(
            &state,
            &root,
            Service::Iam,
            &[
                ("Action", "CreateUser"),
                ("UserName", "gina"),
                ("Path", "/ops/"),
            ],
        )
        .await
        .unwrap()
        .unwrap()
        .to_audit_json();
        assert_eq!(
            created["user"]["arn"],
            format!("arn:aws:iam::{}:user/ops/gina", testing::ACCOUNT)
        );
        let get = [("Action", "GetUser"), ("UserName", "gina")];
        let got = call(&state, &root, Service::Iam, &get)
            .await
            .unwrap()
            .unwrap()
            .to_audit_json();
        assert_eq!(got["user"]["userId"], created["user"]["userId"]);
        call(
            &state,
            &root,
            Service::Iam,
            &[("Action", "DeleteUser"), ("UserName", "gina")],
        )
        .await
        .unwrap();
        let err = call(&state, &root, Service::Iam, &get).await.unwrap_err();
        assert_eq!(
            (err.code(), err.message().as_str()),
            ("NoSuchEntity", "The user with name gina cannot be found.")
        );
    }

    #[tokio::test]
    async fn instance_profile_tags_stop_at_fifty() {
        let state = testing::state();
        let root = testing::root(&state);
        let create = [
            ("Action", "CreateInstanceProfile"),
            ("InstanceProfileName", "web"),
        ];
        call(&state, &root, Service::Iam, &create).await.unwrap();
        let tags: Vec<(String, String)> = (1..=50)
            .flat_map(|i| {
                [
                    (format!("Tags.member.{i}.Key"), format!("k{i}")),
                    (format!("Tags.member.{i}.Value"), String::new()),
                ]
            })
            .collect();
        let mut params = vec![
            ("Action", "TagInstanceProfile"),
            ("InstanceProfileName", "web"),
        ];
        params.extend(tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        call(&state, &root, Service::Iam, &params).await.unwrap();
        let one_more = [
            ("Action", "TagInstanceProfile"),
            ("InstanceProfileName", "web"),
            ("Tags.member.1.Key", "extra"),
            ("Tags.member.1.Value", "x"),
        ];
        let err = call(&state, &root, Service::Iam, &one_more)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code(), err.message().as_str()),
            (
                "LimitExceeded",
                "The number of tags has reached the maximum limit."
            )
        );
        let listed = call(
            &state,
            &root,
            Service::Iam,
            &[
                ("Action", "ListInstanceProfileTags"),
                ("InstanceProfileName", "web"),
                ("MaxItems", "100"),
            ],
        )
        .await
        .unwrap()
        .unwrap()
        .to_audit_json();
        assert_eq!(listed["tags"].as_array().map(Vec::len), Some(50));
    }
}
