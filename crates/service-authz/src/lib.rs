//! What IAM must allow for a request to any AWS service: the actions, resource ARNs and service
//! condition keys of a decoded request, from a vendored copy of AWS's Service Authorization
//! Reference (`data/SOURCE.md`) and a small table of the operations whose action is not
//! `prefix:OperationName` or that need more (`data/overrides.json`).
//!
//! The general rule, for every service: the action is `prefix:OperationName` when the reference
//! lists it. Its resources are built from the action's resource types: an ARN the request gives
//! whole is used as is; otherwise each `${Variable}` of the type's ARN template is filled from
//! the request's members (`BucketName` ← `Bucket`, aliases per service in the data) and
//! `${Partition}`/`${Region}`/`${Account}` from the [`RequestScope`]. Condition keys the action
//! supports are taken from the member of the same name or wire name (`s3:prefix` ← `prefix`,
//! `s3:x-amz-acl` ← `x-amz-acl`). Anything that cannot be mapped is an error, never an allow.
//!
//! ```
//! # use keyward_aws_model::{ServiceModel, Value};
//! # use keyward_service_authz::{required_actions, RequestScope, AccessLevel};
//! # let s3 = ServiceModel::from_json(include_str!("../../aws-model/models/s3/service-2.json"))?;
//! let scope = RequestScope { partition: "aws", region: "us-east-1", account: "123456789012" };
//! let input = Value::structure().with("Bucket", "results").with("Prefix", "jobs/");
//! let needed = required_actions(&s3, "ListObjectsV2", &input, &scope)?;
//! assert_eq!(needed[0].action, "s3:ListBucket");
//! assert_eq!(needed[0].resources, ["arn:aws:s3:::results"]);
//! assert_eq!(needed[0].context["s3:prefix"], ["jobs/"]);
//! assert_eq!(needed[0].access_level, AccessLevel::List);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod arn;
mod dynamodb;
mod path;
mod rules;
mod sar;

use std::collections::BTreeMap;

use keyward_aws_model::{ServiceModel, Value};

pub use rules::{coverage, Coverage};

/// Where the request is served, for building ARNs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestScope<'a> {
    /// `aws`, `aws-cn`, `aws-us-gov`.
    pub partition: &'a str,
    /// The Region of the request's SigV4 scope.
    pub region: &'a str,
    /// The account that owns the resources the request names (the caller's, for Keyward).
    pub account: &'a str,
}

/// What IAM must allow for one request: usually one action, sometimes more (dependent actions
/// AWS checks together, e.g. `s3:PutObject` + `s3:PutObjectAcl` when `x-amz-acl` is sent).
/// Every action must be allowed on every one of its resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredAction {
    /// `s3:ListBucket`.
    pub action: String,
    /// ARNs; `["*"]` when the action has no resource type.
    pub resources: Vec<String>,
    /// Condition keys from the request's members: the service's own (`s3:prefix`,
    /// `s3:x-amz-acl`, `dynamodb:LeadingKeys`, …) and the tags it sets (`aws:RequestTag/<key>`,
    /// `aws:TagKeys`). The other global `aws:` keys (source IP, secure transport, principal)
    /// are the gateway's.
    pub context: BTreeMap<String, Vec<String>>,
    /// From the Service Authorization Reference.
    pub access_level: AccessLevel,
}

/// An action's access level in the Service Authorization Reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessLevel {
    /// Lists resources.
    List,
    /// Reads resources or their configuration.
    Read,
    /// Creates, changes or deletes resources.
    Write,
    /// Grants or changes permissions (policies, ACLs).
    PermissionsManagement,
    /// Changes tags only.
    Tagging,
}

impl AccessLevel {
    /// Whether the level only reads (CloudTrail's `readOnly`).
    pub fn read_only(self) -> bool {
        matches!(self, AccessLevel::List | AccessLevel::Read)
    }
}

/// Why a request cannot be mapped; the gateway denies on any.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// The model's signing name is no service of the reference, or one Keyward serves itself.
    #[error(
        "service {signing_name} is not in the Service Authorization Reference Keyward enforces"
    )]
    UnknownService {
        /// The model's signing name (or endpoint prefix).
        signing_name: String,
    },
    /// The operation is not in the model, or maps to no action of the reference.
    #[error(
        "operation {service}:{operation} maps to no IAM action Keyward knows, so it is denied"
    )]
    UnknownOperation {
        /// The IAM service prefix.
        service: String,
        /// The operation name.
        operation: String,
    },
    /// A resource ARN needs a member the request lacks (or gives in a form that names no
    /// resource, such as a KMS alias).
    #[error("{operation} needs {member} to name the resource it acts on, and the request has none usable")]
    MissingMember {
        /// The operation name.
        operation: String,
        /// The member (or ARN variable) that is missing.
        member: String,
    },
}

/// The model's SigV4 signing name: `signingName`, else `endpointPrefix`.
fn signing_name(model: &ServiceModel) -> &str {
    model
        .metadata
        .signing_name
        .as_deref()
        .unwrap_or(&model.metadata.endpoint_prefix)
}

/// The IAM service prefix for a SigV4 signing name / botocore model (e.g. `bedrock-runtime`'s
/// model signs as `bedrock` → `bedrock`; `s3` → `s3`; CloudWatch's `monitoring` → `cloudwatch`).
/// IAM and STS are [`MapError::UnknownService`]: Keyward serves them itself.
pub fn iam_prefix(model: &ServiceModel) -> Result<&'static str, MapError> {
    let name = signing_name(model);
    rules::iam_prefix_of(name).ok_or_else(|| MapError::UnknownService {
        signing_name: name.to_owned(),
    })
}

/// The actions, resources and condition keys an operation needs, from its decoded input.
pub fn required_actions(
    model: &ServiceModel,
    operation: &str,
    input: &Value,
    scope: &RequestScope<'_>,
) -> Result<Vec<RequiredAction>, MapError> {
    required_actions_with(model, operation, input, scope, &NoKeySchemas)
}

/// What the gateway knows of DynamoDB tables' key schemas (learnt from `CreateTable` /
/// `DescribeTable` responses, or configured), so that `dynamodb:LeadingKeys` holds exactly the
/// partition key values even when a request's key or item has several attributes.
pub trait KeySchemas {
    /// The partition (hash) key attribute of the table or index `arn`, when known.
    fn partition_key(&self, arn: &str) -> Option<String>;
}

/// No key schemas known: `dynamodb:LeadingKeys` holds every candidate key value when a request
/// does not show which attribute is the partition key (fail closed for `ForAllValues`).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoKeySchemas;

impl KeySchemas for NoKeySchemas {
    fn partition_key(&self, _arn: &str) -> Option<String> {
        None
    }
}

/// [`required_actions`] with the DynamoDB key schemas the caller knows.
pub fn required_actions_with(
    model: &ServiceModel,
    operation: &str,
    input: &Value,
    scope: &RequestScope<'_>,
    schemas: &dyn KeySchemas,
) -> Result<Vec<RequiredAction>, MapError> {
    let prefix = iam_prefix(model)?;
    rules::map(model, prefix, operation, input, scope, schemas)
}

/// The actions the Service Authorization Reference says `action` (`prefix:Name`) also needs,
/// for least-privilege policies (`lambda:CreateFunction` → `iam:PassRole` and the like).
pub fn dependent_actions(action: &str) -> Vec<String> {
    action
        .split_once(':')
        .and_then(|(prefix, name)| sar::action(prefix, name))
        .map(|found| found.dependent.clone())
        .unwrap_or_default()
}
