//! What gives users, groups and roles their permissions: attached managed policies, inline
//! policies, and (for users and roles) the permissions boundary. One implementation serves
//! the three kinds of holder; they differ only in names, messages and quotas.

use keyward_policy::PolicyKind;
use keyward_store::{
    Document, DocumentKind, EntityKind, EntityRef, RelationKind, RelationLimit, StoreError,
    TotalSizeLimit, WhenFull,
};

use super::Paging;
use super::{
    check_policy_document, iam_arn, named_resource, now_seconds, paging_fields, url_encode,
};
use crate::api::iam::shared::policies::name_and_arn;
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::{all_relations, find_managed_policy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Managed policies one user, group or role may have attached (IAM's default quota).
const MAX_ATTACHED: usize = 10;

/// Which kind of identity holds the policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holder {
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

    /// The name parameter, as `Get…Policy` answers it.
    fn name_field(self) -> &'static str {
        match self {
            Holder::User => "UserName",
            Holder::Group => "GroupName",
            Holder::Role => "RoleName",
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

fn no_such_inline(holder: Holder, policy_name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The {} policy with name {policy_name} cannot be found.",
        holder.noun()
    ))
}

/// The resource AWS authorizes: the user, group or role, named `{noun} NAME` in messages when
/// it exists and by its ARN otherwise.
pub(crate) async fn holder_resource(
    state: &AppState,
    holder: Holder,
    name: &str,
) -> Result<Resource, ApiError> {
    Ok(match lookup(state, holder, name).await? {
        Some(l) => named_resource(l.arn, holder.noun(), &l.name),
        None => Resource::arn(iam_arn(state, holder.resource_type(), "/", name)),
    })
}

/// Attaches the managed policy `arn`, within IAM's quota of attached policies.
pub(crate) async fn attach(
    state: &AppState,
    holder: Holder,
    name: &str,
    arn: &str,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
    let policy = find_managed_policy(state, arn)
        .await?
        .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
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
        Ok(_) => Ok(()),
        Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for {}: {MAX_ATTACHED}",
            holder.quota_name()
        ))),
        Err(StoreError::NotFound) => Err(ApiError::policy_not_attachable(arn)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Detaches the managed policy `arn`.
pub(crate) async fn detach(
    state: &AppState,
    holder: Holder,
    name: &str,
    arn: &str,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
    let not_found = || ApiError::NoSuchEntity(format!("Policy {arn} was not found."));
    let policy = find_managed_policy(state, arn)
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
        Ok(()) => Ok(()),
        Err(StoreError::NotFound) => Err(not_found()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The fields of `ListAttached…Policies`: the attached policies under `path_prefix`, a page at
/// a time, and the paging fields.
pub(crate) async fn list_attached(
    state: &AppState,
    holder: Holder,
    name: &str,
    path_prefix: &str,
    paging: &Paging,
) -> Result<Vec<Element>, ApiError> {
    let h = load(state, holder, name).await?;
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
        if path.starts_with(path_prefix) {
            keyed.push((policy_name.to_lowercase(), (policy_name, arn)));
        }
    }
    let page = paging.page_in_memory(keyed);
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
    let mut fields = vec![Element::list("AttachedPolicies", items)];
    fields.extend(paging_fields(page.next_marker));
    Ok(fields)
}

/// Creates or replaces the inline policy `policy_name`, within the holder's quota on the
/// combined size of its inline policies.
pub(crate) async fn put_inline(
    state: &AppState,
    holder: Holder,
    name: &str,
    policy_name: String,
    document: String,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
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
        Ok(()) => Ok(()),
        Err(StoreError::LimitExceeded) => Err(too_big()),
        Err(StoreError::NotFound) => Err(no_such_holder(holder, name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The fields of `Get…Policy`: the holder's name, the inline policy's name and its
/// URL-encoded document.
pub(crate) async fn get_inline(
    state: &AppState,
    holder: Holder,
    name: &str,
    policy_name: &str,
) -> Result<Vec<Element>, ApiError> {
    let h = load(state, holder, name).await?;
    let doc = match state
        .store
        .get_document(&h.reference, DocumentKind::InlinePolicy, policy_name)
        .await
    {
        Ok(d) => d,
        Err(StoreError::NotFound) => return Err(no_such_inline(holder, policy_name)),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    Ok(vec![
        Element::text(holder.name_field(), h.name),
        Element::text("PolicyName", doc.name),
        Element::text("PolicyDocument", url_encode(&doc.text)),
    ])
}

/// Deletes the inline policy `policy_name`.
pub(crate) async fn delete_inline(
    state: &AppState,
    holder: Holder,
    name: &str,
    policy_name: &str,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
    match state
        .store
        .delete_document(&h.reference, DocumentKind::InlinePolicy, policy_name)
        .await
    {
        Ok(()) => Ok(()),
        Err(StoreError::NotFound) => Err(no_such_inline(holder, policy_name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The fields of `List…Policies`: the names of the inline policies, a page at a time, and the
/// paging fields.
pub(crate) async fn list_inline(
    state: &AppState,
    holder: Holder,
    name: &str,
    paging: &Paging,
) -> Result<Vec<Element>, ApiError> {
    let h = load(state, holder, name).await?;
    let page = state
        .store
        .list_documents(&h.reference, DocumentKind::InlinePolicy, paging.request())
        .await
        .map_err(ApiError::from_store)?;
    let names = page
        .items
        .into_iter()
        .map(|d| Element::text("member", d.name))
        .collect();
    let mut fields = vec![Element::list("PolicyNames", names)];
    fields.extend(paging_fields(page.next_marker));
    Ok(fields)
}

/// Sets (replacing) the permissions boundary of a user or role to the managed policy `arn`.
pub(crate) async fn put_boundary(
    state: &AppState,
    holder: Holder,
    name: &str,
    arn: &str,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
    let policy = find_managed_policy(state, arn)
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
            &h.reference,
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

/// Removes the permissions boundary of a user or role; one that has none is left as it is.
pub(crate) async fn delete_boundary(
    state: &AppState,
    holder: Holder,
    name: &str,
) -> Result<(), ApiError> {
    let h = load(state, holder, name).await?;
    match state
        .store
        .remove_relation(RelationKind::PermissionsBoundary, &h.reference, None)
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}
