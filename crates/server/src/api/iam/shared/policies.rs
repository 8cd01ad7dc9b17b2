//! What the managed-policy operations share, and what other families read of managed
//! policies: the lookups of a policy by ARN, the `<Policy>` and `<PolicyVersion>` structures,
//! and the ARN of a relation's policy end.

use keyward_store::{Document, DocumentKind, Entity, EntityKind, EntityRef, Page};
use time::OffsetDateTime;

use super::Paging;
use super::{entity_tags, iam_arn, tags_element, url_encode};
use crate::arn::IamResourceType;
use crate::auth::identity::Caller;
use crate::authz::Resource;
use crate::directory::{find_managed_policy, ManagedPolicy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Attribute holding a policy's description.
pub(crate) const DESCRIPTION: &str = "Description";

/// The resource of an operation on the managed policy `arn`: `policy ARN` in messages.
pub(crate) fn policy_resource(arn: &str) -> Resource {
    Resource {
        arn: arn.to_owned(),
        shown_as: format!("policy {arn}"),
    }
}

/// NoSuchEntity for a managed policy ARN, as `GetPolicy` and friends answer.
pub(crate) fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Policy {arn} was not found."))
}

/// The managed policy an ARN names, or `NoSuchEntity`.
pub(crate) async fn resolve(state: &AppState, arn: &str) -> Result<ManagedPolicy, ApiError> {
    find_managed_policy(state, arn)
        .await?
        .ok_or_else(|| not_found(arn))
}

/// A customer managed policy for a write of `action`; AWS managed policies are read-only.
pub(crate) async fn resolve_local(
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
pub(crate) async fn arn_of(state: &AppState, target: &EntityRef) -> Result<String, ApiError> {
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
pub(crate) async fn name_and_arn(
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

/// Every version of a customer managed policy (at most five, so one page).
pub(crate) async fn all_versions(
    state: &AppState,
    policy: &Entity,
) -> Result<Vec<Document>, ApiError> {
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

/// The `<Policy>` structure; `detail` adds what only `GetPolicy`/`CreatePolicy` return.
pub(crate) async fn policy_element(
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

/// A `<PolicyVersion>`-shaped structure named `name`, with its document if `with_document`.
pub(crate) fn version_element(name: &'static str, d: &Document, with_document: bool) -> Element {
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

/// Pages through an in-memory listing whose items carry their sort keys, so that listings
/// merged from several sources (AWS and customer managed policies) page like store listings.
pub(crate) fn page_in_memory<T>(mut items: Vec<(String, T)>, paging: &Paging) -> Page<T> {
    let request = paging.request();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let start = match request.marker {
        Some(m) => items.partition_point(|(k, _)| k.as_str() < m),
        None => 0,
    };
    let mut rest: Vec<(String, T)> = items.into_iter().skip(start).collect();
    let next_marker = if rest.len() > request.max_items {
        rest.truncate(request.max_items + 1);
        rest.pop().map(|(k, _)| k)
    } else {
        None
    };
    Page {
        items: rest.into_iter().map(|(_, v)| v).collect(),
        next_marker,
    }
}
