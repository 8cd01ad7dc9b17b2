//! The STS API. `GetCallerIdentity` is the only action in this slice; it never needs a
//! permission, exactly as on AWS.

use crate::error::ApiError;
use crate::identity::Caller;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;

/// A decoded STS request.
#[derive(Debug)]
pub enum StsRequest {
    /// `GetCallerIdentity`.
    GetCallerIdentity,
}

impl StsRequest {
    /// Decodes `action`; `None` if STS has no such action.
    pub fn decode(action: &str, _req: &QueryRequest) -> Option<Result<Self, ApiError>> {
        match action {
            "GetCallerIdentity" => Some(Ok(StsRequest::GetCallerIdentity)),
            _ => None,
        }
    }

    /// The STS action name.
    pub fn action(&self) -> &'static str {
        match self {
            StsRequest::GetCallerIdentity => "GetCallerIdentity",
        }
    }

    /// Whether AWS authorizes this action at all; `GetCallerIdentity` works even under an
    /// explicit deny.
    pub fn needs_authorization(&self) -> bool {
        match self {
            StsRequest::GetCallerIdentity => false,
        }
    }

    /// Runs the request.
    pub fn execute(self, caller: &Caller) -> Result<Option<Element>, ApiError> {
        match self {
            StsRequest::GetCallerIdentity => Ok(Some(Element::parent(
                "GetCallerIdentityResult",
                vec![
                    Element::text("Arn", caller.arn()),
                    Element::text("UserId", caller.principal_id()),
                    Element::text("Account", &caller.account.0),
                ],
            ))),
        }
    }
}
