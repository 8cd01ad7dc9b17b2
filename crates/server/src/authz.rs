//! Authorization of authenticated callers. The account root user may do everything; any other
//! principal is refused with AWS's implicit-deny message until policies are attached to
//! principals (the policy engine plugs in here, and nowhere else).

use crate::error::ApiError;
use crate::identity::{Caller, Principal};

/// Decides whether `caller` may perform `action` (`service:Action`) on `resource`.
pub fn authorize(caller: &Caller, action: &str, resource: &str) -> Result<(), ApiError> {
    match caller.principal {
        Principal::Root => Ok(()),
        Principal::User(_) => Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: {action} on resource: {resource} because no \
             identity-based policy allows the {action} action",
            caller.arn()
        ))),
    }
}
