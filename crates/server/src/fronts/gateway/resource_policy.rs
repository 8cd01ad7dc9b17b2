//! Resource policies held by Keyward: S3 bucket policies and SQS queue policies. A request
//! that sets one (`PutBucketPolicy`; `SetQueueAttributes` or `CreateQueue` with a `Policy`
//! attribute) has its document validated as a resource-based policy before the upstream sees
//! it, and the policy is stored once the upstream accepted it; removing it (`DeleteBucketPolicy`,
//! an empty `Policy` attribute, `DeleteQueue`) likewise. The stored policy takes part in every
//! decision on the bucket and its objects, or on the queue, with AWS's same-account rule
//! (identity policies or the resource policy may allow; an explicit deny anywhere refuses).

use keyward_aws_model::{DecodedInput, Value};
use keyward_policy::{PolicyKind, PolicySet};
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
        _ => Ok(None),
    }
}

/// Stores or removes the policy.
pub async fn apply(state: &AppState, change: PolicyChange) -> Result<(), ApiError> {
    let (kind, name) = match &change {
        PolicyChange::Put { kind, name, .. } | PolicyChange::Delete { kind, name } => {
            (*kind, name.clone())
        }
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
/// for the bucket and its objects (`arn:aws:s3:::bucket[/key]`), a queue's for the queue.
fn holder(arn: &str) -> Option<(EntityKind, &str)> {
    if let Some(rest) = arn.strip_prefix("arn:aws:s3:::") {
        let bucket = rest.split('/').next()?;
        return (!bucket.is_empty()).then_some((EntityKind::BucketPolicy, bucket));
    }
    let mut parts = arn.split(':');
    match (parts.next(), parts.nth(1)) {
        (Some("arn"), Some("sqs")) => Some((EntityKind::QueuePolicy, arn)),
        _ => None,
    }
}

/// The stored policy of the resource `arn` names, compiled, if it has one.
pub async fn for_resource(state: &AppState, arn: &str) -> Result<Option<PolicySet>, ApiError> {
    let Some((kind, name)) = holder(arn) else {
        return Ok(None);
    };
    match state.store.get_entity(kind, name).await {
        Ok(entity) => Ok(entity
            .attributes
            .get("document")
            .map(|document| compile(vec![(name.to_owned(), document.clone())]))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
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
