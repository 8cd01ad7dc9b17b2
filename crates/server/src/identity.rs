//! Who is calling: the authenticated principal of a request, in the forms AWS reports it
//! (ARN, principal id, CloudTrail `userIdentity`).

use keyward_store::User;
use serde_json::{json, Value};

/// The AWS account an instance of Keyward serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountId(pub String);

/// The principal a long-term access key belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    /// The account root user: may do everything.
    Root,
    /// An IAM user.
    User(User),
}

/// The authenticated caller of one request.
#[derive(Clone, Debug)]
pub struct Caller {
    /// Whose key signed the request.
    pub principal: Principal,
    /// The access key that signed it.
    pub access_key_id: String,
    /// The account both live in.
    pub account: AccountId,
}

/// The ARN of an IAM user.
pub fn user_arn(account: &AccountId, path: &str, name: &str) -> String {
    format!("arn:aws:iam::{}:user{path}{name}", account.0)
}

impl Caller {
    /// The caller's ARN, as `GetCallerIdentity` and AccessDenied messages show it.
    pub fn arn(&self) -> String {
        match &self.principal {
            Principal::Root => format!("arn:aws:iam::{}:root", self.account.0),
            Principal::User(u) => user_arn(&self.account, &u.path, &u.name),
        }
    }

    /// The principal id (`UserId` in `GetCallerIdentity`): the account id for root.
    pub fn principal_id(&self) -> &str {
        match &self.principal {
            Principal::Root => &self.account.0,
            Principal::User(u) => &u.user_id.0,
        }
    }

    /// CloudTrail's `userIdentity` element.
    pub fn audit_identity(&self) -> Value {
        match &self.principal {
            Principal::Root => json!({
                "type": "Root",
                "principalId": self.account.0,
                "arn": self.arn(),
                "accountId": self.account.0,
                "accessKeyId": self.access_key_id,
            }),
            Principal::User(u) => json!({
                "type": "IAMUser",
                "principalId": u.user_id.0,
                "arn": self.arn(),
                "accountId": self.account.0,
                "accessKeyId": self.access_key_id,
                "userName": u.name,
            }),
        }
    }
}
