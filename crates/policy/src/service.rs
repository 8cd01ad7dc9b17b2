//! Service-specific authorization rules that change the general evaluation logic for some
//! actions.
//!
//! - KMS: a key's policy must allow; IAM policies grant access to a key only when its key
//!   policy delegates to the account (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html>).
//!   Actions that do not act on a key (`CreateKey`, `ListKeys`, custom key stores, …) are
//!   authorized by IAM policies alone.
//! - STS: `AssumeRole`, `AssumeRoleWithSAML` and `AssumeRoleWithWebIdentity` need the role's
//!   trust policy to allow the caller (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html>);
//!   `GetCallerIdentity` needs no permission and succeeds even under an explicit deny
//!   (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html>).

use crate::evaluate::ResourcePolicyMode;

/// How AWS authorizes one action, where it departs from the general evaluation logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceRule {
    /// The general logic applies.
    Standard,
    /// The KMS key policy must allow (possibly by delegating to the account's IAM policies).
    KeyPolicyRequired,
    /// The role trust policy must allow the caller.
    TrustPolicyRequired,
    /// AWS consults no policy: the call is always authorized.
    NoPermissionRequired,
}

/// KMS actions that do not act on a key, so no key policy is consulted (lowercase).
const KMS_ACCOUNT_ACTIONS: [&str; 11] = [
    "kms:connectcustomkeystore",
    "kms:createcustomkeystore",
    "kms:createkey",
    "kms:deletecustomkeystore",
    "kms:describecustomkeystores",
    "kms:disconnectcustomkeystore",
    "kms:generaterandom",
    "kms:listaliases",
    "kms:listkeys",
    "kms:listretirablegrants",
    "kms:updatecustomkeystore",
];

const STS_ASSUME_ROLE_ACTIONS: [&str; 3] = [
    "sts:assumerole",
    "sts:assumerolewithsaml",
    "sts:assumerolewithwebidentity",
];

impl ServiceRule {
    /// The rule for an action such as `kms:Decrypt`; action names are case-insensitive.
    pub fn for_action(action: &str) -> ServiceRule {
        let action = action.to_ascii_lowercase();
        if action == "sts:getcalleridentity" {
            ServiceRule::NoPermissionRequired
        } else if STS_ASSUME_ROLE_ACTIONS.contains(&action.as_str()) {
            ServiceRule::TrustPolicyRequired
        } else if action.starts_with("kms:") && !KMS_ACCOUNT_ACTIONS.contains(&action.as_str()) {
            ServiceRule::KeyPolicyRequired
        } else {
            ServiceRule::Standard
        }
    }

    /// The resource-policy mode the rule demands, or `None` when it leaves the caller's choice.
    pub fn resource_policy_mode(self) -> Option<ResourcePolicyMode> {
        match self {
            ServiceRule::KeyPolicyRequired => Some(ResourcePolicyMode::KeyPolicy),
            ServiceRule::TrustPolicyRequired => Some(ResourcePolicyMode::RoleTrust),
            ServiceRule::Standard | ServiceRule::NoPermissionRequired => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_by_action() {
        assert_eq!(
            ServiceRule::for_action("sts:GetCallerIdentity"),
            ServiceRule::NoPermissionRequired
        );
        assert_eq!(
            ServiceRule::for_action("STS:assumeRoleWithWebIdentity"),
            ServiceRule::TrustPolicyRequired
        );
        assert_eq!(
            ServiceRule::for_action("kms:Decrypt"),
            ServiceRule::KeyPolicyRequired
        );
        assert_eq!(
            ServiceRule::for_action("kms:CreateKey"),
            ServiceRule::Standard
        );
        assert_eq!(
            ServiceRule::for_action("sts:GetSessionToken"),
            ServiceRule::Standard
        );
        assert_eq!(
            ServiceRule::for_action("s3:GetObject"),
            ServiceRule::Standard
        );
    }
}
