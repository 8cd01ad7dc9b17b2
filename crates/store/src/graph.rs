//! The records behind every IAM entity other than users and access keys: generic entities
//! (groups, roles, managed policies, instance profiles, OIDC providers), the relations between
//! entities (group membership, policy attachment, permissions boundary, instance-profile role,
//! OIDC client id) and the documents entities own (inline policies, managed-policy versions).
//!
//! One small vocabulary serves every IAM family, so a new backend implements a handful of
//! operations rather than one per API call, and the invariants (uniqueness, quotas, delete
//! conflicts) are stated once, here, for all of them.

use std::collections::BTreeMap;

use time::OffsetDateTime;

/// What an [`EntityRef`] points at. `User` entities live in the user table; `External` names
/// something the store does not hold (an AWS managed policy ARN, an OIDC client id) and is
/// never checked for existence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// An IAM user (see [`crate::User`]).
    User,
    /// An IAM group.
    Group,
    /// An IAM role.
    Role,
    /// A customer managed policy.
    Policy,
    /// An EC2 instance profile.
    InstanceProfile,
    /// An OpenID Connect identity provider.
    OidcProvider,
    /// The account's alias (IAM allows one), named by the alias itself.
    AccountAlias,
    /// A user's service-specific credential (a user name and password for one AWS service,
    /// such as Amazon Keyspaces), named by its id.
    ServiceSpecificCredential,
    /// The deletion task of a service-linked role, named by its `DeletionTaskId`.
    ServiceLinkedRoleDeletionTask,
    /// One of the account's settings that IAM operations change (its STS preferences, its
    /// credential report), named by the setting.
    AccountSetting,
    /// The account's outbound web identity issuer (`GetWebIdentityToken`): whether it is
    /// enabled and its sealed signing keys. One per account.
    WebIdentityIssuer,
    /// A virtual MFA device, named by its path and name (`/PATH/NAME`), which IAM keeps
    /// unique together.
    VirtualMfaDevice,
    /// A server certificate (X.509 certificate, chain and sealed private key), named by the
    /// caller.
    ServerCertificate,
    /// A user's (or the root user's) X.509 signing certificate, named by its id.
    SigningCertificate,
    /// A user's SSH public key for CodeCommit, named by its id.
    SshPublicKey,
    /// A user's console password (its login profile), named by the user's id.
    LoginProfile,
    /// The account's password policy (IAM allows one).
    PasswordPolicy,
    /// When a user or role (with its sessions) last attempted each action, for IAM's access
    /// advisor; named by the principal's id, one attribute per action.
    ServiceLastAccess,
    /// A service last accessed report (`GenerateServiceLastAccessedDetails`), named by its
    /// job id.
    AccessAdvisorJob,
    /// A SAML 2.0 identity provider: its metadata document and sealed private keys, named by
    /// the caller.
    SamlProvider,
    /// A temporary delegation request from a partner, named by its id; its state, owner,
    /// approver and the hash (never the value) of its exchange token are attributes.
    DelegationRequest,
    /// An S3 bucket policy the authorization gateway holds (`PutBucketPolicy`), named by its
    /// bucket; the document is its `document` attribute.
    BucketPolicy,
    /// A member account of the server, in the management account's registry, named by its
    /// twelve-digit id; its name, email, status and how it joined are attributes.
    Account,
    /// The AWS Organizations organization the account manages: its roots, OUs, accounts,
    /// policies and attachments as one JSON `document` attribute. One per account.
    Organization,
    /// An SQS queue policy the authorization gateway holds (`SetQueueAttributes` or
    /// `CreateQueue` with a `Policy` attribute), named by the queue's ARN.
    QueuePolicy,
    /// A KMS key policy the authorization gateway holds (`CreateKey` with a `Policy`,
    /// `PutKeyPolicy`), named by the key's ARN.
    KeyPolicy,
    /// A value outside the store, such as an AWS managed policy ARN.
    External,
}

impl EntityKind {
    /// The storage spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::User => "user",
            EntityKind::Group => "group",
            EntityKind::Role => "role",
            EntityKind::Policy => "policy",
            EntityKind::InstanceProfile => "instance-profile",
            EntityKind::OidcProvider => "oidc-provider",
            EntityKind::AccountAlias => "account-alias",
            EntityKind::ServiceSpecificCredential => "service-specific-credential",
            EntityKind::ServiceLinkedRoleDeletionTask => "service-linked-role-deletion-task",
            EntityKind::AccountSetting => "account-setting",
            EntityKind::WebIdentityIssuer => "web-identity-issuer",
            EntityKind::VirtualMfaDevice => "virtual-mfa-device",
            EntityKind::ServerCertificate => "server-certificate",
            EntityKind::SigningCertificate => "signing-certificate",
            EntityKind::SshPublicKey => "ssh-public-key",
            EntityKind::LoginProfile => "login-profile",
            EntityKind::PasswordPolicy => "password-policy",
            EntityKind::ServiceLastAccess => "service-last-access",
            EntityKind::AccessAdvisorJob => "access-advisor-job",
            EntityKind::SamlProvider => "saml-provider",
            EntityKind::DelegationRequest => "delegation-request",
            EntityKind::BucketPolicy => "bucket-policy",
            EntityKind::Account => "account",
            EntityKind::Organization => "organization",
            EntityKind::QueuePolicy => "queue-policy",
            EntityKind::KeyPolicy => "key-policy",
            EntityKind::External => "external",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "user" => EntityKind::User,
            "group" => EntityKind::Group,
            "role" => EntityKind::Role,
            "policy" => EntityKind::Policy,
            "instance-profile" => EntityKind::InstanceProfile,
            "oidc-provider" => EntityKind::OidcProvider,
            "account-alias" => EntityKind::AccountAlias,
            "service-specific-credential" => EntityKind::ServiceSpecificCredential,
            "service-linked-role-deletion-task" => EntityKind::ServiceLinkedRoleDeletionTask,
            "account-setting" => EntityKind::AccountSetting,
            "web-identity-issuer" => EntityKind::WebIdentityIssuer,
            "virtual-mfa-device" => EntityKind::VirtualMfaDevice,
            "server-certificate" => EntityKind::ServerCertificate,
            "signing-certificate" => EntityKind::SigningCertificate,
            "ssh-public-key" => EntityKind::SshPublicKey,
            "login-profile" => EntityKind::LoginProfile,
            "password-policy" => EntityKind::PasswordPolicy,
            "service-last-access" => EntityKind::ServiceLastAccess,
            "access-advisor-job" => EntityKind::AccessAdvisorJob,
            "saml-provider" => EntityKind::SamlProvider,
            "delegation-request" => EntityKind::DelegationRequest,
            "bucket-policy" => EntityKind::BucketPolicy,
            "account" => EntityKind::Account,
            "organization" => EntityKind::Organization,
            "queue-policy" => EntityKind::QueuePolicy,
            "key-policy" => EntityKind::KeyPolicy,
            "external" => EntityKind::External,
            _ => return None,
        })
    }
}

/// One end of a relation or the owner of a document: a kind and a stable id (a user id, an
/// entity id, or the external value itself).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    /// What the id identifies.
    pub kind: EntityKind,
    /// The stable id; survives renames.
    pub id: String,
}

impl EntityRef {
    /// A reference of `kind` to `id`.
    pub fn new(kind: EntityKind, id: impl Into<String>) -> Self {
        EntityRef {
            kind,
            id: id.into(),
        }
    }
}

/// A stored IAM entity. Names are unique per kind, case-insensitively; the id never changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Which family it belongs to; never `User` or `External`.
    pub kind: EntityKind,
    /// Stable unique id (`AGPA…`, `AROA…`, `ANPA…`, `AIPA…`, …).
    pub id: String,
    /// Name as the caller spelled it.
    pub name: String,
    /// IAM path; `/` by default.
    pub path: String,
    /// Creation time, second precision.
    pub create_date: OffsetDateTime,
    /// Kind-specific attributes (a role's trust policy, a policy's description, …).
    pub attributes: BTreeMap<String, String>,
}

impl Entity {
    /// A reference to this entity, for relations and documents.
    pub fn reference(&self) -> EntityRef {
        EntityRef::new(self.kind, self.id.clone())
    }

    /// An attribute's value, if set.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

/// A change to an entity, applied atomically. `None` leaves a field unchanged; an attribute
/// set to `None` is removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityUpdate {
    /// New name (uniqueness is checked).
    pub new_name: Option<String>,
    /// New path.
    pub new_path: Option<String>,
    /// Attributes to set (`Some`) or remove (`None`).
    pub attributes: Vec<(String, Option<String>)>,
}

/// How two entities are related. The source is the entity that "has" the relation, and
/// quotas count relations per source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationKind {
    /// A user (source) is a member of a group (target).
    GroupMember,
    /// A managed policy (target: policy entity or external AWS managed ARN) is attached to a
    /// user, group or role (source).
    PolicyAttachment,
    /// A managed policy (target) is the permissions boundary of a user or role (source).
    PermissionsBoundary,
    /// An instance profile (source) contains a role (target).
    InstanceProfileRole,
    /// An OIDC provider (source) accepts a client id (external target).
    OidcClientId,
    /// A virtual MFA device (source) is enabled for a user (target): one user per device,
    /// and the user cannot be deleted while it lasts.
    MfaDeviceUser,
    /// A virtual MFA device (source) has accepted the code of a time step (external target),
    /// so the code is never accepted again.
    MfaCodeUsed,
}

impl RelationKind {
    /// Every kind, in the order delete conflicts are reported.
    pub const ALL: [RelationKind; 7] = [
        RelationKind::InstanceProfileRole,
        RelationKind::GroupMember,
        RelationKind::PolicyAttachment,
        RelationKind::PermissionsBoundary,
        RelationKind::OidcClientId,
        RelationKind::MfaDeviceUser,
        RelationKind::MfaCodeUsed,
    ];

    /// The storage spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::GroupMember => "group-member",
            RelationKind::PolicyAttachment => "policy-attachment",
            RelationKind::PermissionsBoundary => "permissions-boundary",
            RelationKind::InstanceProfileRole => "instance-profile-role",
            RelationKind::OidcClientId => "oidc-client-id",
            RelationKind::MfaDeviceUser => "mfa-device-user",
            RelationKind::MfaCodeUsed => "mfa-code-used",
        }
    }

    /// Whether a relation of this kind prevents deleting its source (otherwise it is deleted
    /// with the source: a boundary goes with its user, a client id with its provider).
    pub fn blocks_source_delete(self) -> bool {
        matches!(
            self,
            RelationKind::GroupMember
                | RelationKind::PolicyAttachment
                | RelationKind::InstanceProfileRole
                | RelationKind::MfaDeviceUser
        )
    }
}

/// One relation between two entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// The kind of relation.
    pub kind: RelationKind,
    /// The entity that has the relation.
    pub from: EntityRef,
    /// The entity it points at.
    pub to: EntityRef,
}

/// What [`crate::Store::add_relation`] does when the source already has `max_per_source`
/// relations of the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenFull {
    /// Refuse with `LimitExceeded`.
    Refuse,
    /// Replace the existing relations (a permissions boundary is set, not added).
    Replace,
}

/// A per-source quota on a relation kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationLimit {
    /// Largest number of relations of the kind one source may have.
    pub max_per_source: usize,
    /// What happens when the source is full.
    pub when_full: WhenFull,
}

/// Kinds of documents an entity owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// An inline policy of a user, group or role, named by the caller.
    InlinePolicy,
    /// A version of a managed policy, named `v1`, `v2`, … by the store.
    PolicyVersion,
}

impl DocumentKind {
    /// The storage spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::InlinePolicy => "inline-policy",
            DocumentKind::PolicyVersion => "policy-version",
        }
    }
}

/// A named text owned by an entity. The owner's default document (a managed policy's
/// default version) goes with the owner on delete and cannot be deleted by itself; any other
/// document blocks deleting its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The owning entity.
    pub owner: EntityRef,
    /// What the document is.
    pub kind: DocumentKind,
    /// Unique per owner and kind, case-sensitively.
    pub name: String,
    /// The text as the caller sent it.
    pub text: String,
    /// Creation (or last replacement) time, second precision.
    pub create_date: OffsetDateTime,
    /// Whether this is the owner's default document of its kind.
    pub is_default: bool,
}

/// A cap on the combined size of an owner's documents of one kind (IAM limits the sum of a
/// user's, group's or role's inline policies). The caller says how a text is measured (IAM
/// does not count whitespace); the backend sums atomically with the write.
#[derive(Clone, Copy, Debug)]
pub struct TotalSizeLimit {
    /// Largest combined size after the write.
    pub max: usize,
    /// The size of one text.
    pub measure: fn(&str) -> usize,
}

/// What still hangs off an entity that a delete must not orphan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dependent {
    /// The user still has access keys.
    AccessKeys,
    /// The entity is the source of relations of this kind.
    Source(RelationKind),
    /// The entity is the target of relations of this kind.
    Target(RelationKind),
    /// The entity owns non-default documents of this kind.
    Documents(DocumentKind),
    /// The document is its owner's default and goes only with its owner.
    DefaultDocument,
}

/// Builds an attribute map from literal pairs, the way handlers create entities.
pub fn attributes<const N: usize>(pairs: [(&str, &str); N]) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}
