//! Every operation Keyward serves, in one table: its service and what a successful call changes
//! for authorization. The pipeline reads from here whether an operation writes and whose cached
//! policies it invalidates, instead of guessing from the operation's name; a test checks the
//! table against the decoders, so an operation cannot be served without an entry.

/// A service Keyward answers, chosen by the SigV4 credential scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// AWS Identity and Access Management.
    Iam,
    /// AWS Security Token Service.
    Sts,
}

/// What a successful call changes in the compiled policies (and principal tags) that
/// authorization caches per principal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Affects {
    /// A read: nothing.
    Nothing,
    /// A write that no principal's policies or tags depend on (keys, instance profiles,
    /// identity providers, a managed policy's own tags, …).
    NoPolicies,
    /// The user named by `UserName`.
    User,
    /// The role named by `RoleName`.
    Role,
    /// Every member of the group named by `GroupName`.
    GroupMembers,
    /// Every principal the managed policy named by `PolicyArn` is attached to or bounds.
    PolicyHolders,
}

impl Affects {
    /// Whether the operation changes state at all.
    pub fn writes(self) -> bool {
        self != Affects::Nothing
    }
}

/// One served operation.
#[derive(Clone, Copy, Debug)]
pub struct OperationInfo {
    /// The service it belongs to.
    pub service: Service,
    /// The operation's name, as in `Action=`.
    pub name: &'static str,
    /// What a successful call changes for authorization.
    pub affects: Affects,
}

const fn iam(name: &'static str, affects: Affects) -> OperationInfo {
    OperationInfo {
        service: Service::Iam,
        name,
        affects,
    }
}

const fn sts(name: &'static str, affects: Affects) -> OperationInfo {
    OperationInfo {
        service: Service::Sts,
        name,
        affects,
    }
}

use Affects::{GroupMembers, NoPolicies, Nothing, PolicyHolders, Role, User};

/// Every operation served, by service and name.
pub static OPERATIONS: &[OperationInfo] = &[
    // Users and their tags: tags are `aws:PrincipalTag/*`.
    iam("CreateUser", NoPolicies),
    iam("GetUser", Nothing),
    iam("ListUsers", Nothing),
    iam("UpdateUser", User),
    iam("DeleteUser", User),
    iam("TagUser", User),
    iam("UntagUser", User),
    iam("ListUserTags", Nothing),
    // Access keys and service-specific credentials (the key cache has its own upkeep).
    iam("CreateAccessKey", NoPolicies),
    iam("ListAccessKeys", Nothing),
    iam("UpdateAccessKey", NoPolicies),
    iam("DeleteAccessKey", NoPolicies),
    iam("GetAccessKeyLastUsed", Nothing),
    iam("CreateServiceSpecificCredential", NoPolicies),
    iam("ListServiceSpecificCredentials", Nothing),
    iam("ResetServiceSpecificCredential", NoPolicies),
    iam("UpdateServiceSpecificCredential", NoPolicies),
    iam("DeleteServiceSpecificCredential", NoPolicies),
    // Groups: membership changes the user's policies; a group's policies need it empty to be
    // deleted, and its name is in no policy a member is evaluated by.
    iam("CreateGroup", NoPolicies),
    iam("GetGroup", Nothing),
    iam("ListGroups", Nothing),
    iam("UpdateGroup", NoPolicies),
    iam("DeleteGroup", GroupMembers),
    iam("AddUserToGroup", User),
    iam("RemoveUserFromGroup", User),
    iam("ListGroupsForUser", Nothing),
    // Roles: the trust policy and session limit are read when a role is assumed, not cached.
    iam("CreateRole", NoPolicies),
    iam("GetRole", Nothing),
    iam("ListRoles", Nothing),
    iam("UpdateRole", NoPolicies),
    iam("UpdateRoleDescription", NoPolicies),
    iam("UpdateAssumeRolePolicy", NoPolicies),
    iam("DeleteRole", Role),
    iam("TagRole", Role),
    iam("UntagRole", Role),
    iam("ListRoleTags", Nothing),
    // Managed policies: a new default version changes every holder.
    iam("CreatePolicy", NoPolicies),
    iam("GetPolicy", Nothing),
    iam("ListPolicies", Nothing),
    iam("DeletePolicy", PolicyHolders),
    iam("CreatePolicyVersion", PolicyHolders),
    iam("GetPolicyVersion", Nothing),
    iam("ListPolicyVersions", Nothing),
    iam("DeletePolicyVersion", PolicyHolders),
    iam("SetDefaultPolicyVersion", PolicyHolders),
    iam("TagPolicy", NoPolicies),
    iam("UntagPolicy", NoPolicies),
    iam("ListPolicyTags", Nothing),
    iam("ListEntitiesForPolicy", Nothing),
    // Attached and inline policies, permissions boundaries.
    iam("AttachUserPolicy", User),
    iam("AttachGroupPolicy", GroupMembers),
    iam("AttachRolePolicy", Role),
    iam("DetachUserPolicy", User),
    iam("DetachGroupPolicy", GroupMembers),
    iam("DetachRolePolicy", Role),
    iam("ListAttachedUserPolicies", Nothing),
    iam("ListAttachedGroupPolicies", Nothing),
    iam("ListAttachedRolePolicies", Nothing),
    iam("PutUserPolicy", User),
    iam("PutGroupPolicy", GroupMembers),
    iam("PutRolePolicy", Role),
    iam("GetUserPolicy", Nothing),
    iam("GetGroupPolicy", Nothing),
    iam("GetRolePolicy", Nothing),
    iam("DeleteUserPolicy", User),
    iam("DeleteGroupPolicy", GroupMembers),
    iam("DeleteRolePolicy", Role),
    iam("ListUserPolicies", Nothing),
    iam("ListGroupPolicies", Nothing),
    iam("ListRolePolicies", Nothing),
    iam("PutUserPermissionsBoundary", User),
    iam("PutRolePermissionsBoundary", Role),
    iam("DeleteUserPermissionsBoundary", User),
    iam("DeleteRolePermissionsBoundary", Role),
    // Instance profiles.
    iam("CreateInstanceProfile", NoPolicies),
    iam("GetInstanceProfile", Nothing),
    iam("ListInstanceProfiles", Nothing),
    iam("DeleteInstanceProfile", NoPolicies),
    iam("AddRoleToInstanceProfile", NoPolicies),
    iam("RemoveRoleFromInstanceProfile", NoPolicies),
    iam("ListInstanceProfilesForRole", Nothing),
    iam("TagInstanceProfile", NoPolicies),
    iam("UntagInstanceProfile", NoPolicies),
    iam("ListInstanceProfileTags", Nothing),
    // OpenID Connect providers.
    iam("CreateOpenIDConnectProvider", NoPolicies),
    iam("GetOpenIDConnectProvider", Nothing),
    iam("ListOpenIDConnectProviders", Nothing),
    iam("DeleteOpenIDConnectProvider", NoPolicies),
    iam("UpdateOpenIDConnectProviderThumbprint", NoPolicies),
    iam("AddClientIDToOpenIDConnectProvider", NoPolicies),
    iam("RemoveClientIDFromOpenIDConnectProvider", NoPolicies),
    // The account.
    iam("GetAccountSummary", Nothing),
    iam("CreateAccountAlias", NoPolicies),
    iam("DeleteAccountAlias", NoPolicies),
    iam("ListAccountAliases", Nothing),
    iam("GetAccountAuthorizationDetails", Nothing),
    // The policy simulator.
    iam("SimulatePrincipalPolicy", Nothing),
    iam("SimulateCustomPolicy", Nothing),
    iam("GetContextKeysForPrincipalPolicy", Nothing),
    iam("GetContextKeysForCustomPolicy", Nothing),
    // STS issues sessions; it changes no stored policy.
    sts("GetCallerIdentity", Nothing),
    sts("AssumeRole", Nothing),
    sts("AssumeRoleWithWebIdentity", Nothing),
    sts("GetSessionToken", Nothing),
    sts("GetFederationToken", Nothing),
    sts("GetAccessKeyInfo", Nothing),
];

/// The served operation `name` of `service`.
pub fn find(service: Service, name: &str) -> Option<&'static OperationInfo> {
    OPERATIONS
        .iter()
        .find(|op| op.service == service && op.name == name)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::api::iam::IamRequest;
    use crate::api::sts::{StsRequest, UNSIGNED_ACTION};
    use crate::protocol::query::QueryRequest;

    #[test]
    fn every_entry_is_unique() {
        let mut seen = HashSet::new();
        for op in OPERATIONS {
            assert!(seen.insert((op.service, op.name)), "{} twice", op.name);
        }
    }

    /// A decoder answers `Some` (a request or a validation error) for the operations it serves.
    #[test]
    fn every_entry_is_served_by_its_decoder() {
        let empty = QueryRequest::decode("", None);
        for op in OPERATIONS {
            let served = match op.service {
                Service::Iam => IamRequest::decode(op.name, &empty).is_some(),
                Service::Sts => {
                    op.name == UNSIGNED_ACTION || StsRequest::decode(op.name, &empty).is_some()
                }
            };
            assert!(served, "{} is in the table but not decoded", op.name);
        }
    }

    #[test]
    fn reads_change_nothing() {
        for op in OPERATIONS {
            let reads = ["Get", "List", "Simulate"]
                .iter()
                .any(|p| op.name.starts_with(p));
            if reads && op.service == Service::Iam {
                assert_eq!(op.affects, Affects::Nothing, "{}", op.name);
            }
        }
    }
}
