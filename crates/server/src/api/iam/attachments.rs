//! What gives users, groups and roles their permissions: attached managed policies, inline
//! policies, and (for users and roles) the permissions boundary. One implementation serves
//! the three families; they differ only in names, messages and quotas.

use keyward_policy::PolicyKind;
use keyward_store::{
    Document, DocumentKind, EntityKind, EntityRef, RelationKind, RelationLimit, StoreError,
    TotalSizeLimit, WhenFull,
};

use super::shared::policies::{name_and_arn, policy_arn};
use super::{
    check_policy_document, iam_arn, now_seconds, page_in_memory, paging, paging_fields,
    path_prefix_param, policy_document_param, required_name, Paging,
};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::{all_relations, find_managed_policy, ManagedPolicy};
use crate::error::ApiError;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Managed policies one user, group or role may have attached (IAM's default quota).
const MAX_ATTACHED: usize = 10;
/// Longest inline policy name (botocore `policyNameType`).
const POLICY_NAME_MAX: usize = 128;

/// Which kind of identity holds the policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// An IAM user.
    User,
    /// An IAM group.
    Group,
    /// An IAM role.
    Role,
}

impl Holder {
    fn resource_type(self) -> IamResourceType {
        match self {
            Holder::User => IamResourceType::User,
            Holder::Group => IamResourceType::Group,
            Holder::Role => IamResourceType::Role,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Holder::User => "user",
            Holder::Group => "group",
            Holder::Role => "role",
        }
    }

    /// The name parameter, its field name in validation messages, and its length limit.
    fn param(self) -> (&'static str, &'static str, usize) {
        match self {
            Holder::User => ("UserName", "userName", 64),
            Holder::Group => ("GroupName", "groupName", 128),
            Holder::Role => ("RoleName", "roleName", 64),
        }
    }

    fn quota_name(self) -> &'static str {
        match self {
            Holder::User => "PoliciesPerUser",
            Holder::Group => "PoliciesPerGroup",
            Holder::Role => "PoliciesPerRole",
        }
    }

    /// IAM's cap on the combined size of the holder's inline policies.
    fn inline_quota(self) -> usize {
        match self {
            Holder::User => 2048,
            Holder::Group => 5120,
            Holder::Role => 10240,
        }
    }

    fn entity_kind(self) -> EntityKind {
        match self {
            Holder::User => EntityKind::User,
            Holder::Group => EntityKind::Group,
            Holder::Role => EntityKind::Role,
        }
    }
}

/// An existing holder: its reference, canonical name and ARN.
struct Loaded {
    reference: EntityRef,
    name: String,
    arn: String,
}

async fn lookup(state: &AppState, holder: Holder, name: &str) -> Result<Option<Loaded>, ApiError> {
    let found = match holder {
        Holder::User => state.store.get_user(name).await.map(|u| Loaded {
            reference: EntityRef::new(EntityKind::User, &u.user_id.0),
            arn: iam_arn(state, IamResourceType::User, &u.path, &u.name),
            name: u.name,
        }),
        Holder::Group | Holder::Role => state
            .store
            .get_entity(holder.entity_kind(), name)
            .await
            .map(|e| Loaded {
                reference: e.reference(),
                arn: iam_arn(state, holder.resource_type(), &e.path, &e.name),
                name: e.name,
            }),
    };
    match found {
        Ok(l) => Ok(Some(l)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

fn no_such_holder(holder: Holder, name: &str) -> ApiError {
    ApiError::no_such_named(holder.noun(), name)
}

async fn load(state: &AppState, holder: Holder, name: &str) -> Result<Loaded, ApiError> {
    lookup(state, holder, name)
        .await?
        .ok_or_else(|| no_such_holder(holder, name))
}

/// A decoded attachment, inline-policy or boundary operation.
#[derive(Debug)]
pub enum AttachmentRequest {
    /// `Attach{User,Group,Role}Policy`.
    Attach {
        holder: Holder,
        name: String,
        arn: String,
    },
    /// `Detach{User,Group,Role}Policy`.
    Detach {
        holder: Holder,
        name: String,
        arn: String,
    },
    /// `ListAttached{User,Group,Role}Policies`.
    ListAttached {
        holder: Holder,
        name: String,
        path_prefix: String,
        paging: Paging,
    },
    /// `Put{User,Group,Role}Policy`.
    PutInline {
        holder: Holder,
        name: String,
        policy_name: String,
        document: String,
    },
    /// `Get{User,Group,Role}Policy`.
    GetInline {
        holder: Holder,
        name: String,
        policy_name: String,
    },
    /// `Delete{User,Group,Role}Policy`.
    DeleteInline {
        holder: Holder,
        name: String,
        policy_name: String,
    },
    /// `List{User,Group,Role}Policies`.
    ListInline {
        holder: Holder,
        name: String,
        paging: Paging,
    },
    /// `Put{User,Role}PermissionsBoundary`.
    PutBoundary {
        holder: Holder,
        name: String,
        arn: String,
    },
    /// `Delete{User,Role}PermissionsBoundary`.
    DeleteBoundary { holder: Holder, name: String },
}

/// Action names per holder: user, group, role (`None` where IAM has no such action).
const ACTIONS: [(&str, [Option<&str>; 3]); 9] = [
    (
        "Attach",
        [
            Some("AttachUserPolicy"),
            Some("AttachGroupPolicy"),
            Some("AttachRolePolicy"),
        ],
    ),
    (
        "Detach",
        [
            Some("DetachUserPolicy"),
            Some("DetachGroupPolicy"),
            Some("DetachRolePolicy"),
        ],
    ),
    (
        "ListAttached",
        [
            Some("ListAttachedUserPolicies"),
            Some("ListAttachedGroupPolicies"),
            Some("ListAttachedRolePolicies"),
        ],
    ),
    (
        "PutInline",
        [
            Some("PutUserPolicy"),
            Some("PutGroupPolicy"),
            Some("PutRolePolicy"),
        ],
    ),
    (
        "GetInline",
        [
            Some("GetUserPolicy"),
            Some("GetGroupPolicy"),
            Some("GetRolePolicy"),
        ],
    ),
    (
        "DeleteInline",
        [
            Some("DeleteUserPolicy"),
            Some("DeleteGroupPolicy"),
            Some("DeleteRolePolicy"),
        ],
    ),
    (
        "ListInline",
        [
            Some("ListUserPolicies"),
            Some("ListGroupPolicies"),
            Some("ListRolePolicies"),
        ],
    ),
    (
        "PutBoundary",
        [
            Some("PutUserPermissionsBoundary"),
            None,
            Some("PutRolePermissionsBoundary"),
        ],
    ),
    (
        "DeleteBoundary",
        [
            Some("DeleteUserPermissionsBoundary"),
            None,
            Some("DeleteRolePermissionsBoundary"),
        ],
    ),
];

const HOLDERS: [Holder; 3] = [Holder::User, Holder::Group, Holder::Role];

fn action_name(op: &str, holder: Holder) -> &'static str {
    let index = HOLDERS.iter().position(|h| *h == holder).unwrap_or(0);
    ACTIONS
        .iter()
        .find(|(o, _)| *o == op)
        .and_then(|(_, names)| names.get(index).copied().flatten())
        .unwrap_or("")
}

fn inline_name(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    required_name(v, req, "PolicyName", "policyName", POLICY_NAME_MAX)
}

impl AttachmentRequest {
    /// Decodes an attachment action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        let Some((op, holder)) = ACTIONS.iter().find_map(|(op, names)| {
            names
                .iter()
                .position(|n| *n == Some(action))
                .and_then(|i| HOLDERS.get(i).map(|h| (*op, *h)))
        }) else {
            return Ok(None);
        };
        let (param, field, max) = holder.param();
        let name = required_name(v, req, param, field, max)?;
        Ok(Some(match op {
            "Attach" => AttachmentRequest::Attach {
                holder,
                name,
                arn: policy_arn(v, req, "PolicyArn", "policyArn")?,
            },
            "Detach" => AttachmentRequest::Detach {
                holder,
                name,
                arn: policy_arn(v, req, "PolicyArn", "policyArn")?,
            },
            "ListAttached" => AttachmentRequest::ListAttached {
                holder,
                name,
                path_prefix: path_prefix_param(v, req),
                paging: paging(v, req),
            },
            "PutInline" => AttachmentRequest::PutInline {
                holder,
                name,
                policy_name: inline_name(v, req)?,
                document: policy_document_param(v, req, "PolicyDocument", "policyDocument")?,
            },
            "GetInline" => AttachmentRequest::GetInline {
                holder,
                name,
                policy_name: inline_name(v, req)?,
            },
            "DeleteInline" => AttachmentRequest::DeleteInline {
                holder,
                name,
                policy_name: inline_name(v, req)?,
            },
            "ListInline" => AttachmentRequest::ListInline {
                holder,
                name,
                paging: paging(v, req),
            },
            "PutBoundary" => AttachmentRequest::PutBoundary {
                holder,
                name,
                arn: policy_arn(v, req, "PermissionsBoundary", "permissionsBoundary")?,
            },
            _ => AttachmentRequest::DeleteBoundary { holder, name },
        }))
    }

    fn holder_and_name(&self) -> (Holder, &str) {
        match self {
            AttachmentRequest::Attach { holder, name, .. }
            | AttachmentRequest::Detach { holder, name, .. }
            | AttachmentRequest::ListAttached { holder, name, .. }
            | AttachmentRequest::PutInline { holder, name, .. }
            | AttachmentRequest::GetInline { holder, name, .. }
            | AttachmentRequest::DeleteInline { holder, name, .. }
            | AttachmentRequest::ListInline { holder, name, .. }
            | AttachmentRequest::PutBoundary { holder, name, .. }
            | AttachmentRequest::DeleteBoundary { holder, name } => (*holder, name),
        }
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        let op = match self {
            AttachmentRequest::Attach { .. } => "Attach",
            AttachmentRequest::Detach { .. } => "Detach",
            AttachmentRequest::ListAttached { .. } => "ListAttached",
            AttachmentRequest::PutInline { .. } => "PutInline",
            AttachmentRequest::GetInline { .. } => "GetInline",
            AttachmentRequest::DeleteInline { .. } => "DeleteInline",
            AttachmentRequest::ListInline { .. } => "ListInline",
            AttachmentRequest::PutBoundary { .. } => "PutBoundary",
            AttachmentRequest::DeleteBoundary { .. } => "DeleteBoundary",
        };
        action_name(op, self.holder_and_name().0)
    }

    /// The resource AWS authorizes: the user, group or role.
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        let (holder, name) = self.holder_and_name();
        Ok(match lookup(state, holder, name).await? {
            Some(l) => super::named_resource(l.arn, holder.noun(), &l.name),
            None => Resource::arn(iam_arn(state, holder.resource_type(), "/", name)),
        })
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            AttachmentRequest::Attach { holder, name, arn } => {
                let h = load(state, holder, &name).await?;
                let policy = find_managed_policy(state, &arn)
                    .await?
                    .ok_or_else(|| ApiError::policy_not_attachable(&arn))?;
                let limit = RelationLimit {
                    max_per_source: MAX_ATTACHED,
                    when_full: WhenFull::Refuse,
                };
                match state
                    .store
                    .add_relation(
                        RelationKind::PolicyAttachment,
                        &h.reference,
                        &policy.target(),
                        limit,
                    )
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(format!(
                        "Cannot exceed quota for {}: {MAX_ATTACHED}",
                        holder.quota_name()
                    ))),
                    Err(StoreError::NotFound) => Err(ApiError::policy_not_attachable(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            AttachmentRequest::Detach { holder, name, arn } => {
                let h = load(state, holder, &name).await?;
                let not_found = || ApiError::NoSuchEntity(format!("Policy {arn} was not found."));
                let policy = find_managed_policy(state, &arn)
                    .await?
                    .ok_or_else(not_found)?;
                match state
                    .store
                    .remove_relation(
                        RelationKind::PolicyAttachment,
                        &h.reference,
                        Some(&policy.target()),
                    )
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(not_found()),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            AttachmentRequest::ListAttached {
                holder,
                name,
                path_prefix,
                paging,
            } => {
                let h = load(state, holder, &name).await?;
                let relations = all_relations(
                    state,
                    RelationKind::PolicyAttachment,
                    Some(&h.reference),
                    None,
                )
                .await?;
                let mut keyed = Vec::new();
                for r in relations {
                    let (policy_name, arn) = name_and_arn(state, &r.to).await?;
                    let path = arn
                        .split_once(":policy")
                        .map(|(_, rest)| rest.trim_end_matches(policy_name.as_str()))
                        .unwrap_or("/");
                    if path.starts_with(path_prefix.as_str()) {
                        keyed.push((policy_name.to_lowercase(), (policy_name, arn)));
                    }
                }
                let page = page_in_memory(keyed, &paging);
                let items = page
                    .items
                    .into_iter()
                    .map(|(n, a)| {
                        Element::parent(
                            "AttachedPolicy",
                            vec![
                                Element::text("PolicyName", n),
                                Element::text("PolicyArn", a),
                            ],
                        )
                    })
                    .collect();
                let result = match holder {
                    Holder::User => "ListAttachedUserPoliciesResult",
                    Holder::Group => "ListAttachedGroupPoliciesResult",
                    Holder::Role => "ListAttachedRolePoliciesResult",
                };
                let mut fields = vec![Element::list("AttachedPolicies", items)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent(result, fields)))
            }
            AttachmentRequest::PutInline {
                holder,
                name,
                policy_name,
                document,
            } => {
                let h = load(state, holder, &name).await?;
                let quota = holder.inline_quota();
                let too_big = || {
                    ApiError::LimitExceeded(format!(
                        "Maximum policy size of {quota} bytes exceeded for {} {}",
                        holder.noun(),
                        h.name
                    ))
                };
                check_policy_document(&document, PolicyKind::Identity, Some((quota, &too_big)))?;
                let limit = TotalSizeLimit {
                    max: quota,
                    measure: keyward_policy::policy_size,
                };
                let doc = Document {
                    owner: h.reference,
                    kind: DocumentKind::InlinePolicy,
                    name: policy_name,
                    text: document,
                    create_date: now_seconds(),
                    is_default: false,
                };
                match state.store.put_document(&doc, Some(limit)).await {
                    Ok(()) => Ok(None),
                    Err(StoreError::LimitExceeded) => Err(too_big()),
                    Err(StoreError::NotFound) => Err(no_such_holder(holder, &name)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            AttachmentRequest::GetInline {
                holder,
                name,
                policy_name,
            } => {
                let h = load(state, holder, &name).await?;
                let doc = match state
                    .store
                    .get_document(&h.reference, DocumentKind::InlinePolicy, &policy_name)
                    .await
                {
                    Ok(d) => d,
                    Err(StoreError::NotFound) => return Err(no_such_inline(holder, &policy_name)),
                    Err(e) => return Err(ApiError::from_store(e)),
                };
                let (result, name_field) = match holder {
                    Holder::User => ("GetUserPolicyResult", "UserName"),
                    Holder::Group => ("GetGroupPolicyResult", "GroupName"),
                    Holder::Role => ("GetRolePolicyResult", "RoleName"),
                };
                Ok(Some(Element::parent(
                    result,
                    vec![
                        Element::text(name_field, h.name),
                        Element::text("PolicyName", doc.name),
                        Element::text("PolicyDocument", super::url_encode(&doc.text)),
                    ],
                )))
            }
            AttachmentRequest::DeleteInline {
                holder,
                name,
                policy_name,
            } => {
                let h = load(state, holder, &name).await?;
                match state
                    .store
                    .delete_document(&h.reference, DocumentKind::InlinePolicy, &policy_name)
                    .await
                {
                    Ok(()) => Ok(None),
                    Err(StoreError::NotFound) => Err(no_such_inline(holder, &policy_name)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            AttachmentRequest::ListInline {
                holder,
                name,
                paging,
            } => {
                let h = load(state, holder, &name).await?;
                let page = state
                    .store
                    .list_documents(
                        &h.reference,
                        DocumentKind::InlinePolicy,
                        super::page_request(&paging),
                    )
                    .await
                    .map_err(ApiError::from_store)?;
                let result = match holder {
                    Holder::User => "ListUserPoliciesResult",
                    Holder::Group => "ListGroupPoliciesResult",
                    Holder::Role => "ListRolePoliciesResult",
                };
                let names = page
                    .items
                    .into_iter()
                    .map(|d| Element::text("member", d.name))
                    .collect();
                let mut fields = vec![Element::list("PolicyNames", names)];
                fields.extend(paging_fields(page.next_marker));
                Ok(Some(Element::parent(result, fields)))
            }
            AttachmentRequest::PutBoundary { holder, name, arn } => {
                let h = load(state, holder, &name).await?;
                put_boundary(state, &h.reference, &arn).await.map(|()| None)
            }
            AttachmentRequest::DeleteBoundary { holder, name } => {
                let h = load(state, holder, &name).await?;
                match state
                    .store
                    .remove_relation(RelationKind::PermissionsBoundary, &h.reference, None)
                    .await
                {
                    Ok(()) | Err(StoreError::NotFound) => Ok(None),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
        }
    }
}

fn no_such_inline(holder: Holder, policy_name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The {} policy with name {policy_name} cannot be found.",
        holder.noun()
    ))
}

/// Sets (replacing) the permissions boundary of a user or role to the managed policy `arn`.
pub(super) async fn put_boundary(
    state: &AppState,
    principal: &EntityRef,
    arn: &str,
) -> Result<(), ApiError> {
    let policy: ManagedPolicy = find_managed_policy(state, arn)
        .await?
        .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
    let limit = RelationLimit {
        max_per_source: 1,
        when_full: WhenFull::Replace,
    };
    match state
        .store
        .add_relation(
            RelationKind::PermissionsBoundary,
            principal,
            &policy.target(),
            limit,
        )
        .await
    {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => Err(ApiError::policy_not_attachable(arn)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}
