//! Resource policies held by Keyward: S3 bucket policies, SQS queue policies and KMS key
//! policies. A request that sets one (`PutBucketPolicy`; `SetQueueAttributes` or `CreateQueue`
//! with a `Policy` attribute; `PutKeyPolicy`, `CreateKey` with a `Policy`) has its document
//! validated as a resource-based policy before the upstream sees it, and the policy is stored
//! once the upstream accepted it (a new key's under the ARN the upstream answered); removing it
//! (`DeleteBucketPolicy`, an empty `Policy` attribute, `DeleteQueue`) likewise.
//!
//! The stored policy takes part in every decision on the bucket and its objects, or on the
//! queue, with AWS's same-account rule (identity policies or the resource policy may allow; an
//! explicit deny anywhere refuses). A key policy is the only grant for its key: it must allow,
//! and identity policies count only where it allows the account. A key Keyward holds no policy
//! for has KMS's default key policy, which allows the account — identity policies decide
//! (docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).

use axum::body::{to_bytes, Body};
use axum::response::Response;
use keyward_aws_model::{DecodedInput, Value};
use keyward_policy::{PolicyKind, PolicySet, ResourcePolicyMode, ServiceRule};
use keyward_service_authz::RequiredAction;
use keyward_store::{Entity, EntityKind, StoreError};

use super::forward::OutgoingBody;
use super::Refusal;
use crate::authz::compile;
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// A change to a resource's policy, applied once the upstream accepted it.
pub enum PolicyChange {
    /// A new or replaced policy.
    Put {
        /// `BucketPolicy` or `QueuePolicy`.
        kind: EntityKind,
        /// The bucket's name, or the queue's ARN.
        name: String,
        /// The validated policy document.
        document: String,
    },
    /// `CreateKey` with a `Policy`: stored under the ARN of the key the upstream created.
    PutForNewKey {
        /// The validated key policy.
        document: String,
    },
    /// The policy removed.
    Delete {
        /// `BucketPolicy` or `QueuePolicy`.
        kind: EntityKind,
        /// The bucket's name, or the queue's ARN.
        name: String,
    },
}

fn text<'a>(decoded: &'a DecodedInput, member: &str) -> &'a str {
    decoded
        .members
        .get(member)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The `Policy` entry of SQS's `Attributes` map, if the request sets it.
fn queue_policy_attribute(decoded: &DecodedInput) -> Option<&str> {
    match decoded.members.get("Attributes")? {
        Value::Map(entries) => entries
            .iter()
            .find(|(name, _)| name == "Policy")
            .and_then(|(_, value)| value.as_str()),
        _ => None,
    }
}

/// The queue ARN the request's SQS actions act on.
fn queue_arn(required: &[RequiredAction]) -> Option<String> {
    required
        .iter()
        .flat_map(|r| r.resources.iter())
        .find(|arn| arn.starts_with("arn:") && arn.split(':').nth(2) == Some("sqs"))
        .cloned()
}

/// SQS's refusal of a queue policy it cannot use.
fn invalid_queue_policy(reason: &str) -> Refusal {
    Refusal::new(
        400,
        "InvalidAttributeValue",
        format!("Invalid value for the parameter Policy. Reason: {reason}"),
    )
}

/// The KMS key ARN the request's KMS actions act on.
fn key_arn(required: &[RequiredAction]) -> Option<String> {
    required
        .iter()
        .flat_map(|r| r.resources.iter())
        .find(|arn| arn.starts_with("arn:") && arn.split(':').nth(2) == Some("kms"))
        .filter(|arn| arn.split(':').nth(5).is_some_and(|r| r.starts_with("key/")))
        .cloned()
}

/// KMS's refusal of a key policy it cannot use.
fn malformed_key_policy(reason: &str) -> Refusal {
    Refusal::new(400, "MalformedPolicyDocumentException", reason.to_owned())
}

/// The policy change a request makes, its document validated; an invalid document refuses the
/// request (S3's `MalformedPolicy`, SQS's `InvalidAttributeValue`) before the upstream sees it.
pub fn change(
    signing_name: &str,
    decoded: &DecodedInput,
    body: &OutgoingBody,
    required: &[RequiredAction],
) -> Result<Option<PolicyChange>, Refusal> {
    match (signing_name, decoded.operation.as_str()) {
        ("s3", "PutBucketPolicy") => {
            let OutgoingBody::Full(bytes) = body else {
                return Ok(None);
            };
            let document = String::from_utf8_lossy(bytes).into_owned();
            if let Err(e) = keyward_policy::validate(&document, PolicyKind::Resource) {
                return Err(Refusal::new(400, "MalformedPolicy", e.to_string()));
            }
            Ok(Some(PolicyChange::Put {
                kind: EntityKind::BucketPolicy,
                name: text(decoded, "Bucket").to_owned(),
                document,
            }))
        }
        ("s3", "DeleteBucketPolicy") => Ok(Some(PolicyChange::Delete {
            kind: EntityKind::BucketPolicy,
            name: text(decoded, "Bucket").to_owned(),
        })),
        ("sqs", "SetQueueAttributes" | "CreateQueue") => {
            let (Some(document), Some(name)) =
                (queue_policy_attribute(decoded), queue_arn(required))
            else {
                return Ok(None);
            };
            if document.is_empty() {
                // An empty Policy attribute removes the queue's policy.
                return Ok(Some(PolicyChange::Delete {
                    kind: EntityKind::QueuePolicy,
                    name,
                }));
            }
            if let Err(e) = keyward_policy::validate(document, PolicyKind::Resource) {
                return Err(invalid_queue_policy(&e.to_string()));
            }
            Ok(Some(PolicyChange::Put {
                kind: EntityKind::QueuePolicy,
                name,
                document: document.to_owned(),
            }))
        }
        ("sqs", "DeleteQueue") => Ok(queue_arn(required).map(|name| PolicyChange::Delete {
            kind: EntityKind::QueuePolicy,
            name,
        })),
        ("kms", "PutKeyPolicy" | "CreateKey") => {
            let document = text(decoded, "Policy");
            if document.is_empty() {
                return Ok(None);
            }
            if let Err(e) = keyward_policy::validate(document, PolicyKind::Resource) {
                return Err(malformed_key_policy(&e.to_string()));
            }
            let document = document.to_owned();
            if decoded.operation == "CreateKey" {
                return Ok(Some(PolicyChange::PutForNewKey { document }));
            }
            Ok(key_arn(required).map(|name| PolicyChange::Put {
                kind: EntityKind::KeyPolicy,
                name,
                document,
            }))
        }
        _ => Ok(None),
    }
}

/// Largest `CreateKey` response read to learn the new key's ARN.
const MAX_CREATE_KEY_RESPONSE: usize = 1024 * 1024;

/// Applies `change` once the upstream answered `response` with success, and returns the
/// response unchanged (a `CreateKey` response is read whole, for the new key's ARN, and
/// passed on as it came).
pub async fn apply_after(
    state: &AppState,
    change: PolicyChange,
    response: Response,
) -> Result<Response, ApiError> {
    let PolicyChange::PutForNewKey { document } = change else {
        apply(state, change).await?;
        return Ok(response);
    };
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, MAX_CREATE_KEY_RESPONSE).await.map_err(|e| {
        tracing::warn!(error = %e, "the upstream's CreateKey response cannot be read");
        ApiError::ServiceFailure
    })?;
    let arn = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|answer| {
            answer
                .pointer("/KeyMetadata/Arn")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
        .ok_or_else(|| {
            tracing::warn!("the upstream's CreateKey response names no key ARN");
            ApiError::ServiceFailure
        })?;
    apply(
        state,
        PolicyChange::Put {
            kind: EntityKind::KeyPolicy,
            name: arn,
            document,
        },
    )
    .await?;
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

/// Stores or removes the policy.
async fn apply(state: &AppState, change: PolicyChange) -> Result<(), ApiError> {
    let (kind, name) = match &change {
        PolicyChange::Put { kind, name, .. } | PolicyChange::Delete { kind, name } => {
            (*kind, name.clone())
        }
        PolicyChange::PutForNewKey { .. } => return Ok(()),
    };
    match state.store.delete_entity(kind, &name).await {
        Ok(_) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(ApiError::from_store(e)),
    }
    if let PolicyChange::Put { name, document, .. } = change {
        let entity = Entity {
            kind,
            id: ids::request_id(),
            name,
            path: "/".to_owned(),
            create_date: state.clock.now(),
            attributes: [("document".to_owned(), document)].into_iter().collect(),
        };
        state
            .store
            .create_entity(&entity, &[], &[], &[])
            .await
            .map_err(ApiError::from_store)?;
    }
    Ok(())
}

/// The stored policy that governs `arn`: where it is kept and under which name — a bucket's
/// for the bucket and its objects (`arn:aws:s3:::bucket[/key]`), a queue's for the queue, a
/// key's for the key.
fn holder(arn: &str) -> Option<(EntityKind, &str)> {
    if let Some(rest) = arn.strip_prefix("arn:aws:s3:::") {
        let bucket = rest.split('/').next()?;
        return (!bucket.is_empty()).then_some((EntityKind::BucketPolicy, bucket));
    }
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", _, "sqs", _, _, _] => Some((EntityKind::QueuePolicy, arn)),
        ["arn", _, "kms", _, _, resource] if resource.starts_with("key/") => {
            Some((EntityKind::KeyPolicy, arn))
        }
        _ => None,
    }
}

/// KMS's default key policy: the account (its root user) may do everything with the key, which
/// delegates the decision to the account's IAM policies.
fn default_key_policy(account: &str) -> String {
    serde_json::json!({
        "Version": "2012-10-17",
        "Id": "key-default-1",
        "Statement": [{
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::{account}:root")},
            "Action": "kms:*",
            "Resource": "*",
        }],
    })
    .to_string()
}

/// The policy of the resource `arn` names for `action`, compiled, with how it takes part: a
/// stored bucket or queue policy (standard), or the key policy of a KMS key for an action on
/// the key (stored, else the default one for `account`), which must allow.
pub async fn for_resource(
    state: &AppState,
    action: &str,
    arn: &str,
    account: &str,
) -> Result<Option<(PolicySet, ResourcePolicyMode)>, ApiError> {
    let Some((kind, name)) = holder(arn) else {
        return Ok(None);
    };
    let key_policy = kind == EntityKind::KeyPolicy;
    if key_policy && ServiceRule::for_action(action) != ServiceRule::KeyPolicyRequired {
        return Ok(None);
    }
    let mode = if key_policy {
        ResourcePolicyMode::KeyPolicy
    } else {
        ResourcePolicyMode::Standard
    };
    let document = match state.store.get_entity(kind, name).await {
        Ok(entity) => entity.attributes.get("document").cloned(),
        Err(StoreError::NotFound) => None,
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let document = match (document, key_policy) {
        (Some(document), _) => document,
        (None, true) => default_key_policy(account),
        (None, false) => return Ok(None),
    };
    Ok(Some((compile(vec![(name.to_owned(), document)]), mode)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_queues_hold_policies() {
        assert_eq!(
            holder("arn:aws:s3:::photos/a/b"),
            Some((EntityKind::BucketPolicy, "photos"))
        );
        assert_eq!(
            holder("arn:aws:s3:::photos"),
            Some((EntityKind::BucketPolicy, "photos"))
        );
        assert_eq!(
            holder("arn:aws:sqs:us-east-1:1:q"),
            Some((EntityKind::QueuePolicy, "arn:aws:sqs:us-east-1:1:q"))
        );
        assert_eq!(
            holder("arn:aws:kms:us-east-1:1:key/k-1"),
            Some((EntityKind::KeyPolicy, "arn:aws:kms:us-east-1:1:key/k-1"))
        );
        assert_eq!(holder("arn:aws:kms:us-east-1:1:alias/a"), None);
        assert_eq!(holder("*"), None);
        assert_eq!(holder("arn:aws:dynamodb:us-east-1:1:table/t"), None);
    }

    #[test]
    fn queue_policies_come_from_the_policy_attribute() {
        let decoded = |operation: &str, policy: Option<&str>| DecodedInput {
            operation: operation.to_owned(),
            members: match policy {
                Some(p) => Value::structure().with(
                    "Attributes",
                    Value::Map(vec![("Policy".to_owned(), Value::String(p.to_owned()))]),
                ),
                None => Value::structure(),
            },
            violations: Vec::new(),
        };
        let required = [RequiredAction {
            action: "sqs:SetQueueAttributes".to_owned(),
            resources: vec!["arn:aws:sqs:us-east-1:1:q".to_owned()],
            context: Default::default(),
            access_level: keyward_service_authz::AccessLevel::PermissionsManagement,
        }];
        let body = OutgoingBody::Full(Default::default());
        let good = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}"#;
        assert!(matches!(
            change("sqs", &decoded("SetQueueAttributes", Some(good)), &body, &required),
            Ok(Some(PolicyChange::Put { kind: EntityKind::QueuePolicy, ref name, .. }))
                if name == "arn:aws:sqs:us-east-1:1:q"
        ));
        assert!(matches!(
            change(
                "sqs",
                &decoded("SetQueueAttributes", Some("")),
                &body,
                &required
            ),
            Ok(Some(PolicyChange::Delete { .. }))
        ));
        let refused = change(
            "sqs",
            &decoded("SetQueueAttributes", Some("{}")),
            &body,
            &required,
        );
        assert!(matches!(refused, Err(ref r) if r.code == "InvalidAttributeValue"));
        assert!(matches!(
            change(
                "sqs",
                &decoded("SetQueueAttributes", None),
                &body,
                &required
            ),
            Ok(None)
        ));
        assert!(matches!(
            change("sqs", &decoded("DeleteQueue", None), &body, &required),
            Ok(Some(PolicyChange::Delete { .. }))
        ));
    }
}
