//! Managed policies: customer managed policies in the store and AWS managed policies from the
//! catalog, their versions, tags, and the entities they are attached to.

use std::collections::HashMap;

use keyward_policy::PolicyKind;
use keyward_store::{
    attributes, Document, DocumentKind, Entity, EntityKind, EntityRef, RelationKind, StoreError,
    Tag,
};
use time::OffsetDateTime;

use super::{
    check_policy_document, entity_tags, iam_arn, now_seconds, page_in_memory, paging,
    paging_fields, path_param, path_prefix_param, policy_document_param, required_tags, tag_keys,
    tags, tags_element, too_many_tags, url_encode, Paging, MAX_TAGS,
};
use crate::arn::IamResourceType;
use crate::auth::identity::Caller;
use crate::authz::Resource;
use crate::directory::catalog::catalog;
use crate::directory::{all_relations, find_managed_policy, ManagedPolicy};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Longest managed policy name (botocore `policyNameType`).
const POLICY_NAME_MAX: usize = 128;
/// Versions one managed policy may have.
const MAX_VERSIONS: usize = 5;
/// Attribute holding a policy's description.
const DESCRIPTION: &str = "Description";

/// A decoded managed-policy operation.
#[derive(Debug)]
pub enum PolicyRequest {
    /// `CreatePolicy`.
    Create {
        name: String,
        path: String,
        document: String,
        description: Option<String>,
        tags: Vec<Tag>,
    },
    /// `GetPolicy`.
    Get { arn: String },
    /// `ListPolicies`.
    List {
        scope: String,
        only_attached: bool,
        path_prefix: String,
        usage: Option<String>,
        paging: Paging,
    },
    /// `DeletePolicy`.
    Delete { arn: String },
    /// `CreatePolicyVersion`.
    CreateVersion {
        arn: String,
        document: String,
        set_as_default: bool,
    },
    /// `GetPolicyVersion`.
    GetVersion { arn: String, version: String },
    /// `ListPolicyVersions`.
    ListVersions { arn: String, paging: Paging },
    /// `DeletePolicyVersion`.
    DeleteVersion { arn: String, version: String },
    /// `SetDefaultPolicyVersion`.
    SetDefaultVersion { arn: String, version: String },
    /// `TagPolicy`.
    Tag { arn: String, tags: Vec<Tag> },
    /// `UntagPolicy`.
    Untag { arn: String, keys: Vec<String> },
    /// `ListPolicyTags`.
    ListTags { arn: String, paging: Paging },
    /// `ListEntitiesForPolicy`.
    ListEntities {
        arn: String,
        filter: Option<String>,
        path_prefix: String,
        usage: Option<String>,
        paging: Paging,
    },
}

/// A policy ARN parameter: botocore's `arnType` bounds (20 to 2048 characters).
pub(super) fn policy_arn(
    v: &mut Violations,
    req: &QueryRequest,
    name: &str,
    field: &str,
) -> Result<String, ApiError> {
    let arn = req.required(name, field)?;
    v.length_only(arn, field, 20, 2048);
    Ok(arn.to_owned())
}

fn version_id(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    let id = req.required("VersionId", "versionId")?;
    let valid = id.strip_prefix('v').is_some_and(|rest| {
        let (num, suffix) = rest.split_once('.').unwrap_or((rest, ""));
        num.starts_with(|c: char| ('1'..='9').contains(&c))
            && num.chars().all(|c| c.is_ascii_digit())
            && suffix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if !valid {
        v.push_raw(format!(
            "Value '{id}' at 'versionId' failed to satisfy constraint: Member must satisfy \
             regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"
        ));
    }
    Ok(id.to_owned())
}

fn usage_filter(v: &mut Violations, req: &QueryRequest) -> Option<String> {
    req.get("PolicyUsageFilter").map(|u| {
        v.one_of(
            u,
            "policyUsageFilter",
            &["PermissionsPolicy", "PermissionsBoundary"],
        );
        u.to_owned()
    })
}

fn boolean(v: &mut Violations, req: &QueryRequest, name: &str, field: &str) -> bool {
    match req.get(name) {
        None => false,
        Some(b) if b.eq_ignore_ascii_case("true") => true,
        Some(b) if b.eq_ignore_ascii_case("false") => false,
        Some(b) => {
            v.push_raw(format!(
                "Value '{b}' at '{field}' failed to satisfy constraint: Member must be a boolean"
            ));
            false
        }
    }
}

/// NoSuchEntity for a managed policy ARN, as `GetPolicy` and friends answer.
fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Policy {arn} was not found."))
}

/// The managed policy an ARN names, or `NoSuchEntity`.
async fn resolve(state: &AppState, arn: &str) -> Result<ManagedPolicy, ApiError> {
    find_managed_policy(state, arn)
        .await?
        .ok_or_else(|| not_found(arn))
}

/// A customer managed policy for a write; AWS managed policies are read-only.
async fn resolve_local(
    state: &AppState,
    caller: &Caller,
    action: &str,
    arn: &str,
) -> Result<Entity, ApiError> {
    match resolve(state, arn).await? {
        ManagedPolicy::Local(e) => Ok(e),
        ManagedPolicy::Aws(p) => Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: iam:{action} on resource: policy {}",
            caller.arn(),
            p.arn
        ))),
    }
}

/// The ARN of a relation's policy end, for boundaries and attachment listings.
pub(super) async fn arn_of(state: &AppState, target: &EntityRef) -> Result<String, ApiError> {
    match target.kind {
        EntityKind::Policy => match state
            .store
            .get_entity_by_id(EntityKind::Policy, &target.id)
            .await
        {
            Ok(e) => Ok(iam_arn(state, IamResourceType::Policy, &e.path, &e.name)),
            Err(e) => Err(ApiError::from_store(e)),
        },
        _ => Ok(target.id.clone()),
    }
}

/// The name and ARN of a relation's policy end.
pub(super) async fn name_and_arn(
    state: &AppState,
    target: &EntityRef,
) -> Result<(String, String), ApiError> {
    let arn = arn_of(state, target).await?;
    let name = arn.rsplit('/').next().unwrap_or_default().to_owned();
    Ok((name, arn))
}

/// Default version id and its date, for a customer managed policy.
async fn default_version(
    state: &AppState,
    policy: &Entity,
) -> Result<(String, OffsetDateTime), ApiError> {
    let versions = all_versions(state, policy).await?;
    Ok(versions
        .into_iter()
        .find(|d| d.is_default)
        .map(|d| (d.name, d.create_date))
        .unwrap_or_else(|| ("v1".into(), policy.create_date)))
}

async fn all_versions(state: &AppState, policy: &Entity) -> Result<Vec<Document>, ApiError> {
    let page = keyward_store::PageRequest {
        marker: None,
        max_items: 1000,
    };
    state
        .store
        .list_documents(&policy.reference(), DocumentKind::PolicyVersion, page)
        .await
        .map(|p| p.items)
        .map_err(ApiError::from_store)
}

/// How many principals use each policy, per relation kind, keyed by relation target id.
async fn usage_counts(
    state: &AppState,
    kind: RelationKind,
) -> Result<HashMap<String, usize>, ApiError> {
    let mut counts = HashMap::new();
    for r in all_relations(state, kind, None, None).await? {
        *counts.entry(r.to.id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The `<Policy>` structure; `detail` adds what only `GetPolicy`/`CreatePolicy` return.
async fn policy_element(
    state: &AppState,
    policy: &ManagedPolicy,
    attachments: usize,
    boundaries: usize,
    detail: bool,
) -> Result<Element, ApiError> {
    let (path, default_id, create, update) = match policy {
        ManagedPolicy::Aws(p) => (
            p.path.clone(),
            p.default_version_id.clone(),
            p.create_date,
            p.update_date,
        ),
        ManagedPolicy::Local(e) => {
            let (id, date) = default_version(state, e).await?;
            (e.path.clone(), id, e.create_date, date)
        }
    };
    let mut fields = vec![
        Element::text("PolicyName", policy.name()),
        Element::text("PolicyId", policy.id()),
        Element::text("Arn", policy.arn(state)),
        Element::text("Path", path),
        Element::text("DefaultVersionId", default_id),
        Element::text("AttachmentCount", attachments.to_string()),
        Element::text("PermissionsBoundaryUsageCount", boundaries.to_string()),
        Element::boolean("IsAttachable", true),
    ];
    if let ManagedPolicy::Local(e) = policy {
        if detail {
            if let Some(d) = e.attribute(DESCRIPTION) {
                fields.push(Element::text("Description", d));
            }
        }
    }
    fields.push(Element::time("CreateDate", create));
    fields.push(Element::time("UpdateDate", update));
    if let (ManagedPolicy::Local(e), true) = (policy, detail) {
        let tags = entity_tags(state, EntityKind::Policy, &e.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
    }
    Ok(Element::parent("Policy", fields))
}

async fn counts_for(state: &AppState, policy: &ManagedPolicy) -> Result<(usize, usize), ApiError> {
    let target = policy.target();
    let a = all_relations(state, RelationKind::PolicyAttachment, None, Some(&target)).await?;
    let b = all_relations(
        state,
        RelationKind::PermissionsBoundary,
        None,
        Some(&target),
    )
    .await?;
    Ok((a.len(), b.len()))
}

fn version_element(name: &'static str, d: &Document, with_document: bool) -> Element {
    let mut fields = Vec::new();
    if with_document {
        fields.push(Element::text("Document", url_encode(&d.text)));
    }
    fields.extend([
        Element::text("VersionId", &d.name),
        Element::boolean("IsDefaultVersion", d.is_default),
        Element::time("CreateDate", d.create_date),
    ]);
    Element::parent(name, fields)
}

impl PolicyRequest {
    /// Decodes a managed-policy action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        let arn = |v: &mut Violations| policy_arn(v, req, "PolicyArn", "policyArn");
        Ok(Some(match action {
            "CreatePolicy" => {
                let name =
                    super::required_name(v, req, "PolicyName", "policyName", POLICY_NAME_MAX)?;
                let document = policy_document_param(v, req, "PolicyDocument", "policyDocument")?;
                let description = req.get("Description").map(|d| {
                    v.length_only(d, "description", 0, 1000);
                    d.to_owned()
                });
                PolicyRequest::Create {
                    name,
                    path: path_param(v, req, "Path", "path"),
                    document,
                    description,
                    tags: tags(v, req)?,
                }
            }
            "GetPolicy" => PolicyRequest::Get { arn: arn(v)? },
            "ListPolicies" => {
                let scope = req.get("Scope").unwrap_or("All").to_owned();
                v.one_of(&scope, "scope", &["All", "AWS", "Local"]);
                PolicyRequest::List {
                    scope,
                    only_attached: boolean(v, req, "OnlyAttached", "onlyAttached"),
                    path_prefix: path_prefix_param(v, req),
                    usage: usage_filter(v, req),
                    paging: paging(v, req),
                }
            }
            "DeletePolicy" => PolicyRequest::Delete { arn: arn(v)? },
            "CreatePolicyVersion" => PolicyRequest::CreateVersion {
                arn: arn(v)?,
                document: policy_document_param(v, req, "PolicyDocument", "policyDocument")?,
                set_as_default: boolean(v, req, "SetAsDefault", "setAsDefault"),
            },
            "GetPolicyVersion" => PolicyRequest::GetVersion {
                arn: arn(v)?,
                version: version_id(v, req)?,
            },
            "ListPolicyVersions" => PolicyRequest::ListVersions {
                arn: arn(v)?,
                paging: paging(v, req),
            },
            "DeletePolicyVersion" => PolicyRequest::DeleteVersion {
                arn: arn(v)?,
                version: version_id(v, req)?,
            },
            "SetDefaultPolicyVersion" => PolicyRequest::SetDefaultVersion {
                arn: arn(v)?,
                version: version_id(v, req)?,
            },
            "TagPolicy" => PolicyRequest::Tag {
                arn: arn(v)?,
                tags: required_tags(v, req)?,
            },
            "UntagPolicy" => PolicyRequest::Untag {
                arn: arn(v)?,
                keys: tag_keys(v, req)?,
            },
            "ListPolicyTags" => PolicyRequest::ListTags {
                arn: arn(v)?,
                paging: paging(v, req),
            },
            "ListEntitiesForPolicy" => {
                let arn = arn(v)?;
                let filter = req.get("EntityFilter").map(|f| {
                    v.one_of(
                        f,
                        "entityFilter",
                        &[
                            "User",
                            "Role",
                            "Group",
                            "LocalManagedPolicy",
                            "AWSManagedPolicy",
                        ],
                    );
                    f.to_owned()
                });
                PolicyRequest::ListEntities {
                    arn,
                    filter,
                    path_prefix: path_prefix_param(v, req),
                    usage: usage_filter(v, req),
                    paging: paging(v, req),
                }
            }
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            PolicyRequest::Create { .. } => "CreatePolicy",
            PolicyRequest::Get { .. } => "GetPolicy",
            PolicyRequest::List { .. } => "ListPolicies",
            PolicyRequest::Delete { .. } => "DeletePolicy",
            PolicyRequest::CreateVersion { .. } => "CreatePolicyVersion",
            PolicyRequest::GetVersion { .. } => "GetPolicyVersion",
            PolicyRequest::ListVersions { .. } => "ListPolicyVersions",
            PolicyRequest::DeleteVersion { .. } => "DeletePolicyVersion",
            PolicyRequest::SetDefaultVersion { .. } => "SetDefaultPolicyVersion",
            PolicyRequest::Tag { .. } => "TagPolicy",
            PolicyRequest::Untag { .. } => "UntagPolicy",
            PolicyRequest::ListTags { .. } => "ListPolicyTags",
            PolicyRequest::ListEntities { .. } => "ListEntitiesForPolicy",
        }
    }

    /// The resource AWS authorizes: the policy ARN (`policy ARN` in messages).
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        let arn = match self {
            PolicyRequest::Create { name, path, .. } => {
                return Ok(Resource::arn(iam_arn(
                    state,
                    IamResourceType::Policy,
                    path,
                    name,
                )))
            }
            PolicyRequest::List { .. } => {
                return Ok(Resource::arn(iam_arn(
                    state,
                    IamResourceType::Policy,
                    "/",
                    "",
                )))
            }
            PolicyRequest::Get { arn }
            | PolicyRequest::Delete { arn }
            | PolicyRequest::CreateVersion { arn, .. }
            | PolicyRequest::GetVersion { arn, .. }
            | PolicyRequest::ListVersions { arn, .. }
            | PolicyRequest::DeleteVersion { arn, .. }
            | PolicyRequest::SetDefaultVersion { arn, .. }
            | PolicyRequest::Tag { arn, .. }
            | PolicyRequest::Untag { arn, .. }
            | PolicyRequest::ListTags { arn, .. }
            | PolicyRequest::ListEntities { arn, .. } => arn,
        };
        Ok(Resource {
            arn: arn.clone(),
            shown_as: format!("policy {arn}"),
        })
    }

    /// Runs the operation.
    pub(super) async fn execute(
        self,
        state: &AppState,
        caller: &Caller,
    ) -> Result<Option<Element>, ApiError> {
        let action = self.action();
        match self {
            PolicyRequest::Create {
                name,
                path,
                document,
                description,
                tags,
            } => create(state, name, path, document, description, tags).await,
            PolicyRequest::Get { arn } => {
                let policy = resolve(state, &arn).await?;
                let (a, b) = counts_for(state, &policy).await?;
                let element = policy_element(state, &policy, a, b, true).await?;
                Ok(Some(Element::parent("GetPolicyResult", vec![element])))
            }
            PolicyRequest::List {
                scope,
                only_attached,
                path_prefix,
                usage,
                paging,
            } => {
                list(
                    state,
                    &scope,
                    only_attached,
                    &path_prefix,
                    usage.as_deref(),
                    &paging,
                )
                .await
            }
            PolicyRequest::Delete { arn } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                match state
                    .store
                    .delete_entity(EntityKind::Policy, &policy.name)
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::CreateVersion {
                arn,
                document,
                set_as_default,
            } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                check_policy_document(&document, PolicyKind::Identity, None)?;
                let draft = Document {
                    owner: policy.reference(),
                    kind: DocumentKind::PolicyVersion,
                    name: String::new(),
                    text: document,
                    create_date: now_seconds(),
                    is_default: set_as_default,
                };
                match state
                    .store
                    .add_document_version(&draft, "v", MAX_VERSIONS)
                    .await
                {
                    Ok(stored) => Ok(Some(Element::parent(
                        "CreatePolicyVersionResult",
                        vec![version_element("PolicyVersion", &stored, false)],
                    ))),
                    Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(
                        "A managed policy can have up to 5 versions. Before you create a new \
                         version, you must delete an existing version."
                            .into(),
                    )),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::GetVersion { arn, version } => {
                let missing = || ApiError::policy_version_not_attachable(&arn, &version);
                let doc = match resolve(state, &arn).await? {
                    ManagedPolicy::Aws(p) if p.default_version_id == version => Document {
                        owner: EntityRef::new(EntityKind::External, &p.arn),
                        kind: DocumentKind::PolicyVersion,
                        name: version.clone(),
                        text: p.document.clone(),
                        create_date: p.update_date,
                        is_default: true,
                    },
                    ManagedPolicy::Aws(_) => return Err(missing()),
                    ManagedPolicy::Local(e) => match state
                        .store
                        .get_document(&e.reference(), DocumentKind::PolicyVersion, &version)
                        .await
                    {
                        Ok(d) => d,
                        Err(StoreError::NotFound) => return Err(missing()),
                        Err(e) => return Err(ApiError::from_store(e)),
                    },
                };
                Ok(Some(Element::parent(
                    "GetPolicyVersionResult",
                    vec![version_element("PolicyVersion", &doc, true)],
                )))
            }
            PolicyRequest::ListVersions { arn, paging } => {
                let versions: Vec<Element> = match resolve(state, &arn).await? {
                    ManagedPolicy::Aws(p) => vec![Element::parent(
                        "PolicyVersion",
                        vec![
                            Element::text("VersionId", &p.default_version_id),
                            Element::boolean("IsDefaultVersion", true),
                            Element::time("CreateDate", p.update_date),
                        ],
                    )],
                    ManagedPolicy::Local(e) => {
                        let docs = all_versions(state, &e).await?;
                        let keyed = docs
                            .into_iter()
                            .map(|d| {
                                let n: u64 = d.name.trim_start_matches('v').parse().unwrap_or(0);
                                (format!("{:020}", u64::MAX - n), d)
                            })
                            .collect();
                        let page = page_in_memory(keyed, &paging);
                        let items = page
                            .items
                            .iter()
                            .map(|d| version_element("PolicyVersion", d, false))
                            .collect();
                        let mut fields = vec![Element::list("Versions", items)];
                        fields.extend(paging_fields(page.next_marker));
                        return Ok(Some(Element::parent("ListPolicyVersionsResult", fields)));
                    }
                };
                let mut fields = vec![Element::list("Versions", versions)];
                fields.extend(paging_fields(None));
                Ok(Some(Element::parent("ListPolicyVersionsResult", fields)))
            }
            PolicyRequest::DeleteVersion { arn, version } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                match state
                    .store
                    .delete_document(&policy.reference(), DocumentKind::PolicyVersion, &version)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => {
                        Err(ApiError::policy_version_not_attachable(&arn, &version))
                    }
                    Err(StoreError::DeleteConflict(d)) => Err(super::delete_conflict(d)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::SetDefaultVersion { arn, version } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                match state
                    .store
                    .set_default_document(
                        &policy.reference(),
                        DocumentKind::PolicyVersion,
                        &version,
                    )
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => {
                        Err(ApiError::policy_version_not_attachable(&arn, &version))
                    }
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::Tag { arn, tags } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                match state
                    .store
                    .tag_entity(EntityKind::Policy, &policy.name, &tags, MAX_TAGS)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::LimitExceeded) => Err(too_many_tags()),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::Untag { arn, keys } => {
                let policy = resolve_local(state, caller, action, &arn).await?;
                match state
                    .store
                    .untag_entity(EntityKind::Policy, &policy.name, &keys)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            PolicyRequest::ListTags { arn, paging } => {
                let tags = match resolve(state, &arn).await? {
                    ManagedPolicy::Aws(_) => Vec::new(),
                    ManagedPolicy::Local(e) => {
                        entity_tags(state, EntityKind::Policy, &e.name).await?
                    }
                };
                let keyed = tags
                    .into_iter()
                    .map(|t| (t.key.to_lowercase(), t))
                    .collect();
                let page = page_in_memory(keyed, &paging);
                let mut fields = vec![tags_element(&page.items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent("ListPolicyTagsResult", fields)))
            }
            PolicyRequest::ListEntities {
                arn,
                filter,
                path_prefix,
                usage,
                paging,
            } => {
                list_entities(
                    state,
                    &arn,
                    filter.as_deref(),
                    &path_prefix,
                    usage.as_deref(),
                    &paging,
                )
                .await
            }
        }
    }
}

async fn create(
    state: &AppState,
    name: String,
    path: String,
    document: String,
    description: Option<String>,
    tags: Vec<Tag>,
) -> Result<Option<Element>, ApiError> {
    check_policy_document(&document, PolicyKind::Identity, None)?;
    let now = now_seconds();
    let mut entity = Entity {
        kind: EntityKind::Policy,
        id: ids::prefixed("ANPA"),
        name,
        path,
        create_date: now,
        attributes: Default::default(),
    };
    if let Some(d) = &description {
        entity.attributes = attributes([(DESCRIPTION, d.as_str())]);
    }
    let v1 = Document {
        owner: entity.reference(),
        kind: DocumentKind::PolicyVersion,
        name: "v1".into(),
        text: document,
        create_date: now,
        is_default: true,
    };
    match state.store.create_entity(&entity, &tags, &[v1], &[]).await {
        Ok(()) => {}
        Err(StoreError::AlreadyExists) => {
            return Err(ApiError::EntityAlreadyExists(format!(
                "A policy called {} already exists. Duplicate names are not allowed.",
                entity.name
            )))
        }
        Err(e) => return Err(ApiError::from_store(e)),
    }
    let policy = ManagedPolicy::Local(entity);
    let element = policy_element(state, &policy, 0, 0, true).await?;
    Ok(Some(Element::parent("CreatePolicyResult", vec![element])))
}

async fn list(
    state: &AppState,
    scope: &str,
    only_attached: bool,
    path_prefix: &str,
    usage: Option<&str>,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let attachments = usage_counts(state, RelationKind::PolicyAttachment).await?;
    let boundaries = usage_counts(state, RelationKind::PermissionsBoundary).await?;
    let used = |id: &str| match usage {
        Some("PermissionsPolicy") => attachments.contains_key(id),
        Some("PermissionsBoundary") => boundaries.contains_key(id),
        _ => attachments.contains_key(id) || boundaries.contains_key(id),
    };
    let mut candidates: Vec<(String, ManagedPolicy)> = Vec::new();
    if scope != "Local" {
        for p in &catalog().policies {
            if p.path.starts_with(path_prefix) && (!only_attached || used(&p.arn)) {
                candidates.push((format!("a/{}", p.name), ManagedPolicy::Aws(p)));
            }
        }
    }
    if scope != "AWS" {
        let mut marker: Option<String> = None;
        loop {
            let page = state
                .store
                .list_entities(
                    EntityKind::Policy,
                    path_prefix,
                    keyward_store::PageRequest {
                        marker: marker.as_deref(),
                        max_items: 1000,
                    },
                )
                .await
                .map_err(ApiError::from_store)?;
            for e in page.items {
                if !only_attached || used(&e.id) {
                    candidates.push((
                        format!("l/{}", e.name.to_lowercase()),
                        ManagedPolicy::Local(e),
                    ));
                }
            }
            match page.next_marker {
                Some(m) => marker = Some(m),
                None => break,
            }
        }
    }
    let page = page_in_memory(candidates, paging);
    let mut items = Vec::with_capacity(page.items.len());
    for p in &page.items {
        let key = p.target().id;
        let a = attachments.get(&key).copied().unwrap_or(0);
        let b = boundaries.get(&key).copied().unwrap_or(0);
        items.push(policy_element(state, p, a, b, false).await?);
    }
    let mut fields = vec![Element::list("Policies", items)];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListPoliciesResult", fields)))
}

async fn list_entities(
    state: &AppState,
    arn: &str,
    filter: Option<&str>,
    path_prefix: &str,
    usage: Option<&str>,
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let policy = resolve(state, arn).await?;
    let target = policy.target();
    let mut relations = Vec::new();
    if usage != Some("PermissionsBoundary") {
        relations.extend(
            all_relations(state, RelationKind::PolicyAttachment, None, Some(&target)).await?,
        );
    }
    if usage != Some("PermissionsPolicy") {
        relations.extend(
            all_relations(
                state,
                RelationKind::PermissionsBoundary,
                None,
                Some(&target),
            )
            .await?,
        );
    }
    let wanted = |kind: EntityKind| match filter {
        None => true,
        Some("User") => kind == EntityKind::User,
        Some("Group") => kind == EntityKind::Group,
        Some("Role") => kind == EntityKind::Role,
        Some(_) => false,
    };
    let mut seen = std::collections::HashSet::new();
    let mut keyed: Vec<(String, (EntityKind, String, String))> = Vec::new();
    for r in relations {
        if !wanted(r.from.kind) || !seen.insert(r.from.clone()) {
            continue;
        }
        let (name, path) = match r.from.kind {
            EntityKind::User => {
                match state
                    .store
                    .get_user_by_id(&keyward_store::UserId(r.from.id.clone()))
                    .await
                {
                    Ok(u) => (u.name, u.path),
                    Err(StoreError::NotFound) => continue,
                    Err(e) => return Err(ApiError::from_store(e)),
                }
            }
            kind => match state.store.get_entity_by_id(kind, &r.from.id).await {
                Ok(e) => (e.name, e.path),
                Err(StoreError::NotFound) => continue,
                Err(e) => return Err(ApiError::from_store(e)),
            },
        };
        if path.starts_with(path_prefix) {
            let key = format!("{}/{}", r.from.kind.as_str(), name.to_lowercase());
            keyed.push((key, (r.from.kind, name, r.from.id)));
        }
    }
    let page = page_in_memory(keyed, paging);
    let (mut groups, mut users, mut roles) = (Vec::new(), Vec::new(), Vec::new());
    for (kind, name, id) in page.items {
        match kind {
            EntityKind::Group => groups.push(Element::parent(
                "PolicyGroup",
                vec![
                    Element::text("GroupName", name),
                    Element::text("GroupId", id),
                ],
            )),
            EntityKind::User => users.push(Element::parent(
                "PolicyUser",
                vec![Element::text("UserName", name), Element::text("UserId", id)],
            )),
            _ => roles.push(Element::parent(
                "PolicyRole",
                vec![Element::text("RoleName", name), Element::text("RoleId", id)],
            )),
        }
    }
    let mut fields = vec![
        Element::list("PolicyGroups", groups),
        Element::list("PolicyUsers", users),
        Element::list("PolicyRoles", roles),
    ];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent("ListEntitiesForPolicyResult", fields)))
}
