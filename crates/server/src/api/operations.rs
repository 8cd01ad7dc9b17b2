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
}

impl Service {
    /// The name requests are signed for, and actions are prefixed with.
    pub fn signing_name(self) -> &'static str {
        match self {
            Service::Iam => "iam",
            Service::Sts => "sts",
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
                if trust_allows(
                    t.principal.clone(),
                    &t.principal_id,
                    &action,
                    &t.role,
                    &t.trust,
                    &t.facts,
                ) =>
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

/// One operation still served by the family decoders, until it has its own file.
#[derive(Clone, Copy, Debug)]
pub struct LegacyInfo {
    /// The service it belongs to.
    pub service: Service,
    /// The operation's name, as in `Action=`.
    pub name: &'static str,
    /// What a successful call changes for authorization.
    pub affects: Affects,
}

const fn iam(name: &'static str, affects: Affects) -> LegacyInfo {
    LegacyInfo {
        service: Service::Iam,
        name,
        affects,
    }
}

use Affects::{GroupMembers, NoPolicies, Nothing, Role, User};

/// Operations not yet in their own files.
pub static LEGACY: &[LegacyInfo] = &[
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
    // Instance profiles.
    // The account.
    iam("GetAccountSummary", Nothing),
    iam("CreateAccountAlias", NoPolicies),
    iam("DeleteAccountAlias", NoPolicies),
    iam("ListAccountAliases", Nothing),
    iam("GetAccountAuthorizationDetails", Nothing),
];

/// The legacy operation `name` of `service`.
pub fn find_legacy(service: Service, name: &str) -> Option<&'static LegacyInfo> {
    LEGACY
        .iter()
        .find(|op| op.service == service && op.name == name)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::api::iam::IamRequest;
    use crate::protocol::query::QueryRequest;

    fn model(service: Service) -> &'static keyward_aws_model::ServiceModel {
        let service = match service {
            Service::Iam => keyward_aws_model::Service::Iam,
            Service::Sts => keyward_aws_model::Service::Sts,
        };
        keyward_aws_model::embedded(service).unwrap()
    }

    #[test]
    fn every_operation_is_served_once_and_is_in_its_model() {
        let mut seen = HashSet::new();
        let names = OPERATIONS
            .iter()
            .map(|op| (op.service, op.name))
            .chain(LEGACY.iter().map(|op| (op.service, op.name)));
        for (service, name) in names {
            assert!(seen.insert((service, name)), "{name} twice");
            assert!(
                model(service).operation(name).is_some(),
                "{name} is not in the model"
            );
        }
    }

    /// A decoder answers `Some` (a request or a validation error) for the operations it serves.
    #[test]
    fn every_legacy_entry_is_served_by_its_decoder() {
        let empty = QueryRequest::decode("", None);
        for op in LEGACY {
            let served =
                op.service == Service::Iam && IamRequest::decode(op.name, &empty).is_some();
            assert!(served, "{} is in the table but not decoded", op.name);
        }
    }
}
