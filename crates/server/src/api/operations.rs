//! Every operation Keyward serves, in one table written by `build.rs` from the operation files
//! (see [`crate::api`]). The pipeline finds an operation here by service and name; its entry
//! runs it.

use std::future::Future;
use std::pin::Pin;

use keyward_aws_model::typed::FromValue;
use keyward_aws_model::Value;

use super::{invalidate, Context, Operation, UnsignedOperation};
use crate::audit::UserIdentity;
use crate::authz::{enforce, trust_allows, RequestFacts};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// A service Keyward answers, chosen by the SigV4 credential scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// AWS Identity and Access Management.
    Iam,
    /// AWS Security Token Service.
    Sts,
    /// AWS Organizations (JSON 1.1).
    Organizations,
}

impl Service {
    /// The name requests are signed for, and actions are prefixed with.
    pub fn signing_name(self) -> &'static str {
        match self {
            Service::Iam => "iam",
            Service::Sts => "sts",
            Service::Organizations => "organizations",
        }
    }
}

/// What an operation's handler answers: the `…Result` body, if the operation has one.
pub(crate) type Outcome = Result<Option<Element>, ApiError>;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Runs a signed operation on its validated members.
pub(crate) type SignedRun = for<'a> fn(&'a Context<'a>, &'a Value) -> Boxed<'a, Outcome>;

/// Runs an unsigned operation; the identity is CloudTrail's `userIdentity` of whoever its
/// credential (a web identity token) turned out to be.
pub(crate) type UnsignedRun = for<'a> fn(
    &'a AppState,
    &'a RequestFacts,
    &'a Value,
) -> Boxed<'a, (Outcome, Option<UserIdentity>)>;

/// How an operation is entered.
#[derive(Clone, Copy)]
pub(crate) enum Handler {
    /// After SigV4 authentication.
    Signed(SignedRun),
    /// Without a signature: the request carries its own credential.
    Unsigned(UnsignedRun),
}

/// One served operation.
pub struct OperationEntry {
    /// The service it belongs to.
    pub service: Service,
    /// The operation's name, as in `Action=`.
    pub name: &'static str,
    pub(crate) handler: Handler,
}

impl OperationEntry {
    const fn signed<O: Operation>(service: Service) -> Self {
        OperationEntry {
            service,
            name: O::NAME,
            handler: Handler::Signed(run_signed::<O>),
        }
    }

    const fn unsigned<O: UnsignedOperation>(service: Service) -> Self {
        OperationEntry {
            service,
            name: O::NAME,
            handler: Handler::Unsigned(run_unsigned::<O>),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/operations.rs"));

/// The served operation `name` of `service`.
pub fn find(service: Service, name: &str) -> Option<&'static OperationEntry> {
    OPERATIONS
        .iter()
        .find(|op| op.service == service && op.name == name)
}

/// A member tree the model validated that does not fit the generated input: a bug between the
/// model and the generator, never the caller's fault.
fn model_mismatch(name: &str, error: impl std::fmt::Display) -> ApiError {
    tracing::error!(%error, operation = name, "validated input does not fit its typed input");
    ApiError::ServiceFailure
}

/// Decode → the operation's own checks → authorization → handler → cache invalidation.
fn run_signed<'a, O: Operation>(ctx: &'a Context<'a>, members: &'a Value) -> Boxed<'a, Outcome> {
    Box::pin(async move {
        let input =
            O::Input::from_value(members, O::NAME).map_err(|e| model_mismatch(O::NAME, e))?;
        let mut operation = O::new(input)?;
        let authorization = operation.authorization(ctx).await?;
        let action = format!("{}:{}", ctx.service.signing_name(), O::NAME);
        enforce(ctx.state, ctx.caller, &action, &authorization, ctx.facts).await?;
        let affected = operation.affects();
        let result = operation.handle(ctx).await?;
        invalidate(ctx.state, affected).await;
        Ok(result)
    })
}

/// Decode → the operation's own checks → its credential and trust → handler.
fn run_unsigned<'a, O: UnsignedOperation>(
    state: &'a AppState,
    facts: &'a RequestFacts,
    members: &'a Value,
) -> Boxed<'a, (Outcome, Option<UserIdentity>)> {
    Box::pin(async move {
        let mut operation = match O::Input::from_value(members, O::NAME)
            .map_err(|e| model_mismatch(O::NAME, e))
            .and_then(O::new)
        {
            Ok(operation) => operation,
            Err(e) => return (Err(e), None),
        };
        let action = format!("{}:{}", Service::Sts.signing_name(), O::NAME);
        let authorized = match operation.authorization(state, facts).await {
            Ok(t)
                if std::iter::once(action.as_str())
                    .chain(t.also.iter().copied())
                    .all(|action| {
                        trust_allows(
                            t.principal.clone(),
                            &t.principal_id,
                            action,
                            &t.role,
                            &t.trust,
                            &t.facts,
                        )
                    }) =>
            {
                Ok(())
            }
            Ok(t) => Err(t.refusal),
            Err(e) => Err(e),
        };
        let identity = operation.identity();
        if let Err(e) = authorized {
            return (Err(e), identity);
        }
        (operation.handle(state, facts).await, identity)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn model(service: Service) -> &'static keyward_aws_model::ServiceModel {
        let service = match service {
            Service::Iam => keyward_aws_model::Service::Iam,
            Service::Sts => keyward_aws_model::Service::Sts,
            Service::Organizations => keyward_aws_model::Service::Organizations,
        };
        keyward_aws_model::embedded(service).unwrap()
    }

    #[test]
    fn every_operation_is_served_once_and_is_in_its_model() {
        let mut seen = HashSet::new();
        for (service, name) in OPERATIONS.iter().map(|op| (op.service, op.name)) {
            assert!(seen.insert((service, name)), "{name} twice");
            assert!(
                model(service).operation(name).is_some(),
                "{name} is not in the model"
            );
        }
    }
}
