//! The kinds of policy IAM distinguishes, both when it validates a document and when it names
//! the policy type that decided a request.

use std::fmt;

/// Where a policy is attached, which decides both its write-time rules and its role in
/// evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// Attached to a user, group or role (inline or managed). No `Principal`.
    Identity,
    /// Attached to a resource (bucket policy, key policy, queue policy, …). Needs `Principal`.
    Resource,
    /// A role trust policy (`AssumeRolePolicyDocument`). Needs `Principal`, has no `Resource`.
    Trust,
    /// A managed policy used as a user's or role's permissions boundary.
    PermissionsBoundary,
    /// A session policy passed to `AssumeRole*` or `GetFederationToken`.
    Session,
    /// An AWS Organizations service control policy (limits the principal's account).
    ServiceControl,
    /// An AWS Organizations resource control policy (limits the resource's account).
    ResourceControl,
}

impl PolicyKind {
    /// The noun AWS uses in "because no … allows the X action".
    pub fn noun(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity-based policy",
            PolicyKind::Resource => "resource-based policy",
            PolicyKind::Trust => "role trust policy",
            PolicyKind::PermissionsBoundary => "permissions boundary",
            PolicyKind::Session => "session policy",
            PolicyKind::ServiceControl => "service control policy",
            PolicyKind::ResourceControl => "resource control policy",
        }
    }

    /// The noun with the article AWS uses in "with an explicit deny in …".
    pub fn with_article(self) -> &'static str {
        match self {
            PolicyKind::Identity => "an identity-based policy",
            PolicyKind::Resource => "a resource-based policy",
            PolicyKind::Trust => "the role trust policy",
            PolicyKind::PermissionsBoundary => "a permissions boundary",
            PolicyKind::Session => "a session policy",
            PolicyKind::ServiceControl => "a service control policy",
            PolicyKind::ResourceControl => "a resource control policy",
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}
