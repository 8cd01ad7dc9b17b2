//! The ARNs Keyward names its own principals and resources by, built and parsed in one place.
//! Parsing goes through the policy engine's [`keyward_policy::Arn`] (AWS's segment rules); this
//! module adds IAM's resource types with their `PATH/NAME` split and STS's session ARNs.

use std::fmt;

/// The AWS account an instance of Keyward serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountId(pub String);

impl AccountId {
    /// The account id as a number (twelve digits, checked at start-up).
    pub fn number(&self) -> u64 {
        self.0.parse().unwrap_or_default()
    }
}

/// The partition Keyward serves.
const PARTITION: &str = "aws";

/// An IAM resource type whose ARN carries a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IamResourceType {
    /// `user/PATH/NAME`.
    User,
    /// `group/PATH/NAME`.
    Group,
    /// `role/PATH/NAME`.
    Role,
    /// `policy/PATH/NAME`.
    Policy,
    /// `instance-profile/PATH/NAME`.
    InstanceProfile,
}

impl IamResourceType {
    const ALL: [IamResourceType; 5] = [
        IamResourceType::User,
        IamResourceType::Group,
        IamResourceType::Role,
        IamResourceType::Policy,
        IamResourceType::InstanceProfile,
    ];

    /// The resource type as the ARN spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            IamResourceType::User => "user",
            IamResourceType::Group => "group",
            IamResourceType::Role => "role",
            IamResourceType::Policy => "policy",
            IamResourceType::InstanceProfile => "instance-profile",
        }
    }
}

/// `arn:aws:iam::ACCOUNT:TYPE/PATH/NAME`; the account is `aws` for AWS managed policies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IamArn {
    /// The resource type.
    pub resource_type: IamResourceType,
    /// The account, or `aws`.
    pub account: String,
    /// The path: `/` or `/a/b/`.
    pub path: String,
    /// The name (empty in the prefix ARNs listings are authorized on).
    pub name: String,
}

impl IamArn {
    /// The ARN of `name` under `path` in `account`.
    pub fn new(resource_type: IamResourceType, account: &str, path: &str, name: &str) -> Self {
        IamArn {
            resource_type,
            account: account.to_owned(),
            path: path.to_owned(),
            name: name.to_owned(),
        }
    }

    /// Reads an IAM ARN of a pathed resource type; `None` for anything else (another service,
    /// a region, another partition, a type without a path, no name).
    pub fn parse(text: &str) -> Option<IamArn> {
        let arn = keyward_policy::Arn::parse(text).ok()?;
        if arn.partition() != PARTITION || arn.service() != "iam" || !arn.region().is_empty() {
            return None;
        }
        let (resource_type, path_and_name) = IamResourceType::ALL.iter().find_map(|t| {
            let rest = arn.resource().strip_prefix(t.as_str())?;
            rest.starts_with('/').then_some((*t, rest))
        })?;
        let cut = path_and_name.rfind('/')? + 1;
        let (path, name) = path_and_name.split_at(cut);
        (!name.is_empty()).then(|| IamArn::new(resource_type, arn.account(), path, name))
    }
}

impl fmt::Display for IamArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{PARTITION}:iam::{}:{}{}{}",
            self.account,
            self.resource_type.as_str(),
            self.path,
            self.name
        )
    }
}

/// The ARN of a resource of this account.
pub fn iam(account: &AccountId, resource_type: IamResourceType, path: &str, name: &str) -> String {
    IamArn::new(resource_type, &account.0, path, name).to_string()
}

/// The ARN of an IAM user.
pub fn user(account: &AccountId, path: &str, name: &str) -> String {
    iam(account, IamResourceType::User, path, name)
}

/// The ARN of an IAM role.
pub fn role(account: &AccountId, path: &str, name: &str) -> String {
    iam(account, IamResourceType::Role, path, name)
}

/// The account's root user.
pub fn root(account: &AccountId) -> String {
    format!("arn:{PARTITION}:iam::{}:root", account.0)
}

/// An OpenID Connect provider, named by its issuer without the scheme.
pub fn oidc_provider(account: &AccountId, name: &str) -> String {
    format!("arn:{PARTITION}:iam::{}:oidc-provider/{name}", account.0)
}

/// The provider name an OIDC provider ARN of `account` carries.
pub fn oidc_provider_name<'a>(account: &AccountId, text: &'a str) -> Option<&'a str> {
    let arn = keyward_policy::Arn::parse(text).ok()?;
    let ours = arn.partition() == PARTITION
        && arn.service() == "iam"
        && arn.region().is_empty()
        && arn.account() == account.0;
    // The name is borrowed from the text: it is everything after the resource type.
    ours.then(|| text.split_once(":oidc-provider/").map(|(_, name)| name))
        .flatten()
        .filter(|name| !name.is_empty())
}

/// A SAML provider, named by the caller.
pub fn saml_provider(account: &AccountId, name: &str) -> String {
    format!("arn:{PARTITION}:iam::{}:saml-provider/{name}", account.0)
}

/// The provider name a SAML provider ARN of `account` carries.
pub fn saml_provider_name<'a>(account: &AccountId, text: &'a str) -> Option<&'a str> {
    let arn = keyward_policy::Arn::parse(text).ok()?;
    let ours = arn.partition() == PARTITION
        && arn.service() == "iam"
        && arn.region().is_empty()
        && arn.account() == account.0;
    ours.then(|| text.split_once(":saml-provider/").map(|(_, name)| name))
        .flatten()
        .filter(|name| !name.is_empty() && !name.contains('/'))
}

/// An assumed-role session (role paths are not part of it).
pub fn assumed_role(account: &AccountId, role_name: &str, session_name: &str) -> String {
    format!(
        "arn:{PARTITION}:sts::{}:assumed-role/{role_name}/{session_name}",
        account.0
    )
}

/// A federated user session.
pub fn federated_user(account: &AccountId, name: &str) -> String {
    format!("arn:{PARTITION}:sts::{}:federated-user/{name}", account.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iam_arns_round_trip() {
        for text in [
            "arn:aws:iam::123456789012:user/alice",
            "arn:aws:iam::123456789012:role/app/web/deploy",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::123456789012:instance-profile/web",
            "arn:aws:iam::123456789012:group/ops/readers",
        ] {
            let arn = IamArn::parse(text).unwrap();
            assert_eq!(arn.to_string(), text);
        }
        let role = IamArn::parse("arn:aws:iam::123456789012:role/app/web/deploy").unwrap();
        assert_eq!(
            (role.resource_type, role.path.as_str(), role.name.as_str()),
            (IamResourceType::Role, "/app/web/", "deploy")
        );
    }

    #[test]
    fn other_arns_are_not_iam_arns() {
        for text in [
            "arn:aws:iam::123456789012:role:colon",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:iam:us-east-1:123456789012:role/regional",
            "arn:aws-cn:iam::123456789012:role/china",
            "arn:aws:sts::123456789012:assumed-role/r/s",
            "arn:aws:iam::123456789012:roles/r",
            "arn:aws:iam::123456789012:oidc-provider/example.com",
            "not an arn",
        ] {
            assert_eq!(IamArn::parse(text), None, "{text}");
        }
    }

    #[test]
    fn saml_provider_names() {
        let account = AccountId("123456789012".to_owned());
        let arn = saml_provider(&account, "Okta");
        assert_eq!(arn, "arn:aws:iam::123456789012:saml-provider/Okta");
        assert_eq!(saml_provider_name(&account, &arn), Some("Okta"));
        let other = AccountId("210987654321".to_owned());
        assert_eq!(saml_provider_name(&other, &arn), None);
        for text in [
            "arn:aws:iam::123456789012:saml-provider/",
            "arn:aws:iam::123456789012:saml-provider/a/b",
            "arn:aws:iam::123456789012:oidc-provider/Okta",
        ] {
            assert_eq!(saml_provider_name(&account, text), None, "{text}");
        }
    }

    #[test]
    fn oidc_provider_names() {
        let account = AccountId("123456789012".to_owned());
        let arn = oidc_provider(&account, "token.actions.githubusercontent.com");
        assert_eq!(
            oidc_provider_name(&account, &arn),
            Some("token.actions.githubusercontent.com")
        );
        let other = AccountId("210987654321".to_owned());
        assert_eq!(oidc_provider_name(&other, &arn), None);
        assert_eq!(
            oidc_provider_name(&account, "arn:aws:iam::123456789012:role/x"),
            None
        );
    }
}
