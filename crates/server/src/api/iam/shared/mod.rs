//! What IAM operations share: the conversions from their generated inputs, paging, tags, and
//! the lookups and response structures several operations use.

pub(crate) mod access_advisor;
pub(crate) mod access_keys;
pub(crate) mod account;
pub(crate) mod attachments;
pub(crate) mod certificates;
pub(crate) mod console;
pub(crate) mod credential_report;
pub(crate) mod delegation;
pub(crate) mod groups;
pub(crate) mod instance_profiles;
pub(crate) mod mfa;
pub(crate) mod oidc;
pub(crate) mod outbound;
pub(crate) mod policies;
pub(crate) mod roles;
pub(crate) mod saml;
pub(crate) mod service_credentials;
pub(crate) mod service_linked_roles;
pub(crate) mod simulate;
pub(crate) mod ssh_keys;

use keyward_aws_model::generated::iam::input;
use keyward_policy::PolicyKind;
use keyward_store::{
    Dependent, DocumentKind, EntityKind, EntityRef, Page, PageRequest, RelationKind, StoreError,
    Tag, User,
};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use time::OffsetDateTime;

use crate::arn::{self, IamResourceType};
use crate::auth::identity::{Caller, Identity};
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Paging input of a list operation: `Marker` and `MaxItems` (100 unless given; the model
/// bounds it to 1–1000).
#[derive(Debug)]
pub(crate) struct Paging {
    marker: Option<String>,
    max_items: usize,
}

impl Paging {
    /// Paging from an operation's `Marker` and `MaxItems`.
    pub(crate) fn new(marker: Option<String>, max_items: Option<i64>) -> Self {
        Paging {
            marker,
            max_items: max_items
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(100),
        }
    }

    /// The store's page request.
    pub(crate) fn request(&self) -> PageRequest<'_> {
        PageRequest {
            marker: self.marker.as_deref(),
            max_items: self.max_items,
        }
    }

    /// A page of an in-memory listing whose items carry their sort keys, so that listings
    /// gathered from several records page like store listings.
    pub(crate) fn page_in_memory<T>(&self, mut items: Vec<(String, T)>) -> Page<T> {
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let start = match &self.marker {
            Some(m) => items.partition_point(|(k, _)| k < m),
            None => 0,
        };
        let mut rest: Vec<(String, T)> = items.into_iter().skip(start).collect();
        let next_marker = if rest.len() > self.max_items {
            rest.truncate(self.max_items + 1);
            rest.pop().map(|(k, _)| k)
        } else {
            None
        };
        Page {
            items: rest.into_iter().map(|(_, v)| v).collect(),
            next_marker,
        }
    }
}

/// The tags of a request, with IAM's check the model cannot express: keys are unique,
/// ignoring case.
pub(crate) fn tags(tags: Option<Vec<input::Tag>>) -> Result<Vec<Tag>, ApiError> {
    let tags: Vec<Tag> = tags
        .unwrap_or_default()
        .into_iter()
        .map(|t| Tag {
            key: t.key,
            value: t.value,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = tags.iter().find(|t| !seen.insert(t.key.to_lowercase())) {
        return Err(ApiError::InvalidInput(format!(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive. ({})",
            dup.key
        )));
    }
    Ok(tags)
}

/// The user an operation names, or the calling user when it names none; IAM refuses callers
/// that are not users.
pub(crate) fn user_or_caller(name: Option<&str>, caller: &Caller) -> Result<String, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => Ok(name.to_owned()),
        (None, Identity::User(u)) => Ok(u.name.clone()),
        (None, _) => Err(ApiError::user_name_required()),
    }
}

/// The resource of an operation on user `name`: `user NAME` in messages, as IAM writes it.
pub(crate) async fn user_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
    let account = &state.account;
    match state.store.get_user(name).await {
        Ok(u) => Ok(Resource::user(
            arn::user(account, &u.path, &u.name),
            &u.name,
        )),
        Err(StoreError::NotFound) => Ok(Resource::user(arn::user(account, "/", name), name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// NoSuchEntity for a user name, in IAM's words.
pub(crate) fn no_such_user(name: &str) -> ApiError {
    ApiError::no_such_named("user", name)
}

/// Reads a user by name, mapping absence to IAM's `NoSuchEntity`.
pub(crate) async fn load_user(state: &AppState, name: &str) -> Result<User, ApiError> {
    match state.store.get_user(name).await {
        Ok(u) => Ok(u),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Every tag of a user (at most [`MAX_TAGS`], so one page).
pub(crate) async fn user_tags(state: &AppState, name: &str) -> Result<Vec<Tag>, ApiError> {
    let page = PageRequest {
        marker: None,
        max_items: MAX_TAGS,
    };
    match state.store.list_user_tags(name, page).await {
        Ok(page) => Ok(page.items),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<User>` structure with its tags and permissions boundary, as `CreateUser` and
/// `GetUser` return it.
pub(crate) async fn full_user_element(
    state: &AppState,
    user: &User,
    tags: &[Tag],
) -> Result<Element, ApiError> {
    let mut element = user_element(state, user, Some(tags));
    let reference = EntityRef::new(EntityKind::User, &user.user_id.0);
    if let Some(boundary) = boundary_element(state, &reference).await? {
        element.push(boundary);
    }
    Ok(element)
}

/// Most tags an IAM entity may carry.
pub(crate) const MAX_TAGS: usize = 50;

/// The `<User>` structure.
pub(crate) fn user_element(state: &AppState, user: &User, tags: Option<&[Tag]>) -> Element {
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
pub(crate) fn tags_element(tags: &[Tag]) -> Element {
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
pub(crate) fn now_seconds() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// `IsTruncated` and, when truncated, `Marker`.
pub(crate) fn paging_fields(next_marker: Option<String>) -> Vec<Element> {
    let mut out = vec![Element::boolean("IsTruncated", next_marker.is_some())];
    if let Some(marker) = next_marker {
        out.push(Element::text("Marker", marker));
    }
    out
}

/// An IAM ARN in this account: `arn:aws:iam::ACCOUNT:{kind}{path}{name}`.
pub(crate) fn iam_arn(state: &AppState, kind: IamResourceType, path: &str, name: &str) -> String {
    arn::iam(&state.account, kind, path, name)
}

/// A resource named `{noun} {name}` in AccessDenied messages when it exists, as IAM writes
/// them for users, groups and roles.
pub(crate) fn named_resource(arn: String, noun: &str, name: &str) -> Resource {
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
pub(crate) fn url_encode(text: &str) -> String {
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

/// DeleteConflict in IAM's words for whatever still hangs off the entity.
pub(crate) fn delete_conflict(d: Dependent) -> ApiError {
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
        Dependent::Target(RelationKind::MfaDeviceUser) => {
            "Cannot delete entity, must delete MFA device first."
        }
        Dependent::Source(RelationKind::MfaDeviceUser) => "MFA device is still in use.",
        Dependent::Source(_) | Dependent::Target(_) => {
            "Cannot delete entity, must remove its dependents first."
        }
    };
    ApiError::DeleteConflict(message.to_owned())
}

/// The `<PermissionsBoundary>` of a user or role, if it has one.
pub(crate) async fn boundary_element(
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
    let arn = policies::arn_of(state, &relation.to).await?;
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
pub(crate) async fn entity_tags(
    state: &AppState,
    kind: EntityKind,
    name: &str,
) -> Result<Vec<Tag>, ApiError> {
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

/// Adds or replaces an entity's tags within IAM's quota: the one tagging path of every
/// `Tag*` operation on the entity graph; `missing` is the operation's own `NoSuchEntity`.
pub(crate) async fn tag_entity(
    state: &AppState,
    kind: EntityKind,
    name: &str,
    tags: &[Tag],
    missing: impl FnOnce() -> ApiError,
) -> Result<Option<crate::protocol::xml::Element>, ApiError> {
    match state.store.tag_entity(kind, name, tags, MAX_TAGS).await {
        Ok(()) => Ok(None),
        Err(keyward_store::StoreError::NotFound) => Err(missing()),
        Err(keyward_store::StoreError::LimitExceeded) => Err(too_many_tags()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The tag-quota error IAM answers.
pub(crate) fn too_many_tags() -> ApiError {
    ApiError::LimitExceeded("The number of tags has reached the maximum limit.".into())
}
