//! AWS IAM policies: parsing, write-time validation, and evaluation that gives AWS's decision
//! and says why.
//!
//! The crate is pure: no I/O and no clock. Callers supply the current time and every other
//! fact about a request as condition keys (`aws:CurrentTime`, `aws:EpochTime`, …), which keeps
//! evaluation deterministic and testable.
//!
//! ```
//! use keyward_policy::{evaluate, AuthorizationInputs, CompiledPolicy, Decision, PolicyId, PolicySet, Principal, Request};
//!
//! let policy = CompiledPolicy::parse(
//!     PolicyId::new("ReadBucket"),
//!     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#,
//! )?;
//! let identity = PolicySet::from_policies([policy]);
//! let principal = Principal::user("arn:aws:iam::111122223333:user/alice")?;
//! let request = Request::new(principal, "s3:PutObject", "arn:aws:s3:::docs/a.txt");
//! let evaluation = evaluate(&AuthorizationInputs::new(&request, &identity));
//! assert_eq!(evaluation.decision(), Decision::ImplicitDeny);
//! assert_eq!(evaluation.reason(), "no identity-based policy allows s3:PutObject");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod arn;
mod compile;
mod condition;
mod context_type;
mod document;
mod evaluate;
pub mod generate;
mod glob;
mod json;
mod kind;
mod lint;
mod request;
mod service;
mod simulate;
mod spans;
mod validate;
mod values;
mod variables;

pub use arn::{AccountId, AccountIdError, Arn, ArnError};
pub use compile::{CompiledPolicy, PolicyId, PolicySet};
pub use context_type::{ContextBaseType, ContextKeyType, ContextTypeError};
pub use document::{
    ActionElement, ConditionBlock, ConditionEntry, Effect, ParseError, PolicyDocument,
    PolicyVersion, PrincipalElement, PrincipalType, Principals, ResourceElement, Statement,
};
pub use evaluate::{
    evaluate, evaluate_with_service_rules, AuthorizationInputs, Decision, Evaluation,
    MatchedStatement, ResourcePolicyMode,
};
pub use kind::PolicyKind;
pub use lint::{lint, Finding, Severity};
pub use request::{
    is_multivalued_key, ConditionContext, ContextValue, Principal, PrincipalError, PrincipalKind,
    Request,
};
pub use service::ServiceRule;
pub use simulate::{
    most_restrictive, ActionResult, ResourceResult, SimulatedStatement, Simulation,
};
pub use spans::{Position, Span, Spans};
pub use validate::{policy_size, validate, validate_with_quota, MalformedPolicy, ValidationError};
