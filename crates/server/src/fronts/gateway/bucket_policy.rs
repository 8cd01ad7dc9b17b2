//! S3 bucket policies held by Keyward: `PutBucketPolicy` is validated as a resource-based
//! policy before S3 sees it and stored once S3 accepted it, `DeleteBucketPolicy` removes it
//! likewise, and the stored policy takes part in every decision on the bucket and its objects.

use keyward_aws_model::{DecodedInput, Value};
use keyward_policy::{PolicyKind, PolicySet};
use keyward_store::{Entity, EntityKind, StoreError};

use super::forward::OutgoingBody;
use super::Refusal;
use crate::authz::compile;
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// A change to a bucket's policy, applied once the upstream accepted it.
pub enum PolicyChange {
    /// `PutBucketPolicy`.
    Put {
        /// The bucket.
        bucket: String,
        /// The validated policy document.
        document: String,
    },
    /// `DeleteBucketPolicy`.
    Delete {
        /// The bucket.
        bucket: String,
    },
}

/// The policy change a request makes, its document validated; `MalformedPolicy` refuses it
/// before the upstream sees it.
pub fn change(
    decoded: &DecodedInput,
    body: &OutgoingBody,
) -> Result<Option<PolicyChange>, Refusal> {
    let bucket = || {
        decoded
            .members
            .get("Bucket")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    match decoded.operation.as_str() {
        "PutBucketPolicy" => {
            let OutgoingBody::Full(bytes) = body else {
                return Ok(None);
            };
            let document = String::from_utf8_lossy(bytes).into_owned();
            if let Err(e) = keyward_policy::validate(&document, PolicyKind::Resource) {
                return Err(Refusal::new(400, "MalformedPolicy", e.to_string()));
            }
            Ok(Some(PolicyChange::Put {
                bucket: bucket(),
                document,
            }))
        }
        "DeleteBucketPolicy" => Ok(Some(PolicyChange::Delete { bucket: bucket() })),
        _ => Ok(None),
    }
}

/// Stores or removes the bucket's policy.
pub async fn apply(state: &AppState, change: PolicyChange) -> Result<(), ApiError> {
    let bucket = match &change {
        PolicyChange::Put { bucket, .. } | PolicyChange::Delete { bucket } => bucket.clone(),
    };
    match state
        .store
        .delete_entity(EntityKind::BucketPolicy, &bucket)
        .await
    {
        Ok(_) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(ApiError::from_store(e)),
    }
    if let PolicyChange::Put { bucket, document } = change {
        let entity = Entity {
            kind: EntityKind::BucketPolicy,
            id: ids::request_id(),
            name: bucket,
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

/// The bucket of an S3 ARN (`arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key`).
fn bucket_of(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:aws:s3:::")?;
    let bucket = rest.split('/').next()?;
    (!bucket.is_empty()).then_some(bucket)
}

/// The stored policy of the bucket `arn` names, compiled, if it has one.
pub async fn for_resource(state: &AppState, arn: &str) -> Result<Option<PolicySet>, ApiError> {
    let Some(bucket) = bucket_of(arn) else {
        return Ok(None);
    };
    match state
        .store
        .get_entity(EntityKind::BucketPolicy, bucket)
        .await
    {
        Ok(entity) => Ok(entity
            .attributes
            .get("document")
            .map(|document| compile(vec![(bucket.to_owned(), document.clone())]))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_of_arns() {
        assert_eq!(bucket_of("arn:aws:s3:::photos/a/b"), Some("photos"));
        assert_eq!(bucket_of("arn:aws:s3:::photos"), Some("photos"));
        assert_eq!(bucket_of("*"), None);
        assert_eq!(bucket_of("arn:aws:sqs:us-east-1:1:q"), None);
    }
}
