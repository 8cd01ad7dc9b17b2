//! Authorization of authenticated callers. The account root user may do everything; any other
//! principal is refused with AWS's implicit-deny message until policies are attached to
//! principals (the policy engine plugs in here, and nowhere else).

use crate::error::ApiError;
use crate::identity::{Caller, Principal};

/// The resource a request acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// The ARN policies are matched against.
    pub arn: String,
    /// How AccessDenied messages name it: IAM writes `user NAME` for operations on an existing
    /// user, and the ARN otherwise.
    pub shown_as: String,
}

impl Resource {
    /// A resource named by its ARN in messages.
    pub fn arn(arn: String) -> Self {
        Resource {
            shown_as: arn.clone(),
            arn,
        }
    }

    /// An IAM user, named `user NAME` in messages as IAM does.
    pub fn user(arn: String, name: &str) -> Self {
        Resource {
            arn,
            shown_as: format!("user {name}"),
        }
    }
}

/// Decides whether `caller` may perform `action` (`service:Action`) on `resource`.
pub fn authorize(caller: &Caller, action: &str, resource: &Resource) -> Result<(), ApiError> {
    match caller.principal {
        Principal::Root => Ok(()),
        Principal::User(_) => Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: {action} on resource: {} because no \
             identity-based policy allows the {action} action",
            caller.arn(),
            resource.shown_as
        ))),
    }
}
