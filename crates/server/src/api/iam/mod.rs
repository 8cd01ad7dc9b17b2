//! The IAM API: one file per operation (see [`crate::api`]), what several of them share in
//! `shared`, and the response structures and checks the operations have in common.

pub(crate) mod shared;

pub(crate) mod add_client_id_to_open_id_connect_provider;
pub(crate) mod add_role_to_instance_profile;
pub(crate) mod add_user_to_group;
pub(crate) mod attach_group_policy;
pub(crate) mod attach_role_policy;
pub(crate) mod attach_user_policy;
pub(crate) mod create_access_key;
pub(crate) mod create_account_alias;
pub(crate) mod create_group;
pub(crate) mod create_instance_profile;
pub(crate) mod create_open_id_connect_provider;
pub(crate) mod create_policy;
pub(crate) mod create_policy_version;
pub(crate) mod create_role;
pub(crate) mod create_service_specific_credential;
pub(crate) mod create_user;
pub(crate) mod delete_access_key;
pub(crate) mod delete_account_alias;
pub(crate) mod delete_group;
pub(crate) mod delete_group_policy;
pub(crate) mod delete_instance_profile;
pub(crate) mod delete_open_id_connect_provider;
pub(crate) mod delete_policy;
pub(crate) mod delete_policy_version;
pub(crate) mod delete_role;
pub(crate) mod delete_role_permissions_boundary;
pub(crate) mod delete_role_policy;
pub(crate) mod delete_service_specific_credential;
pub(crate) mod delete_user;
pub(crate) mod delete_user_permissions_boundary;
pub(crate) mod delete_user_policy;
pub(crate) mod detach_group_policy;
pub(crate) mod detach_role_policy;
pub(crate) mod detach_user_policy;
pub(crate) mod get_access_key_last_used;
pub(crate) mod get_account_authorization_details;
pub(crate) mod get_account_summary;
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
pub(crate) mod list_access_keys;
pub(crate) mod list_account_aliases;
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
pub(crate) mod list_service_specific_credentials;
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
pub(crate) mod reset_service_specific_credential;
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
pub(crate) mod update_access_key;
pub(crate) mod update_assume_role_policy;
pub(crate) mod update_group;
pub(crate) mod update_open_id_connect_provider_thumbprint;
pub(crate) mod update_role;
pub(crate) mod update_role_description;
pub(crate) mod update_service_specific_credential;
pub(crate) mod update_user;

use keyward_policy::PolicyKind;
use keyward_store::{
    Dependent, DocumentKind, EntityKind, EntityRef, PageRequest, RelationKind, Tag, User,
};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use time::OffsetDateTime;

use crate::arn::{self, IamResourceType};
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Most tags an IAM entity may carry.
const MAX_TAGS: usize = 50;

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

/// `IsTruncated` and, when truncated, `Marker`.
fn paging_fields(next_marker: Option<String>) -> Vec<Element> {
    let mut out = vec![Element::boolean("IsTruncated", next_marker.is_some())];
    if let Some(marker) = next_marker {
        out.push(Element::text("Marker", marker));
    }
    out
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

/// The tag-quota error IAM answers.
fn too_many_tags() -> ApiError {
    ApiError::LimitExceeded("The number of tags has reached the maximum limit.".into())
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
