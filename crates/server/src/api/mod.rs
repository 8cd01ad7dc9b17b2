//! The API: every operation Keyward answers, one file each under `iam/` and `sts/`. An
//! operation is an [`Operation`] (or, for the few AWS serves without a signature, an
//! [`UnsignedOperation`]): its typed input, generated from AWS's model and validated against
//! it before the operation sees it; the checks the model cannot express; what the caller must
//! be allowed; whose cached policies a success changes; and its handler. `build.rs` writes the
//! dispatch table ([`operations::OPERATIONS`]) from those files, so adding an operation is its
//! file and its `mod` line.

pub mod iam;
pub mod operations;
pub mod organizations;
pub mod sts;

use std::future::Future;

use keyward_aws_model::typed::FromValue;
use keyward_store::{EntityKind, EntityRef, RelationKind, StoreError};

use crate::audit::UserIdentity;
use crate::auth::identity::Caller;
use crate::authz::{Authorization, RequestFacts, TrustOnly};
use crate::directory::{all_relations, find_managed_policy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;
use operations::Service;

/// What a signed operation runs with.
pub(crate) struct Context<'a> {
    /// The server's state.
    pub(crate) state: &'a AppState,
    /// Who signed the request.
    pub(crate) caller: &'a Caller,
    /// The request's condition-key facts.
    pub(crate) facts: &'a RequestFacts,
    /// The service the request was signed for.
    pub(crate) service: Service,
}

/// Whose cached policies (and principal tags) a successful call changes, so that only those
/// are dropped from authorization's cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Affected {
    /// Nothing authorization caches: a read, or a write no principal's policies or tags
    /// depend on (keys, instance profiles, identity providers, a managed policy's tags, …).
    Nothing,
    /// The user of this name.
    User(String),
    /// The role of this name.
    Role(String),
    /// Every member of the group of this name.
    GroupMembers(String),
    /// Every principal the managed policy with this ARN is attached to or bounds.
    PolicyHolders(String),
}

/// An operation called with SigV4 credentials.
pub(crate) trait Operation: Sized + Send {
    /// The typed input generated from AWS's model.
    type Input: FromValue + Send;
    /// The operation's name in AWS's model.
    const NAME: &'static str;

    /// The checks AWS makes that its model cannot express (an ARN that parses, duplicate tag
    /// keys, …), answered before authorization.
    fn new(input: Self::Input) -> Result<Self, ApiError>;

    /// What the caller must be allowed. It may look up what the operation acts on and keep it
    /// for [`Operation::handle`].
    fn authorization(
        &mut self,
        ctx: &Context<'_>,
    ) -> impl Future<Output = Result<Authorization, ApiError>> + Send;

    /// Whose cached policies a successful call changes.
    fn affects(&self) -> Affected;

    /// Does the operation; the element is the `…Result` body, if the operation has one.
    fn handle(
        self,
        ctx: &Context<'_>,
    ) -> impl Future<Output = Result<Option<Element>, ApiError>> + Send;
}

/// An operation AWS serves without a signature: the request carries its own credential (a
/// web identity token), and only the trust policy of the role it asks for can allow it.
pub(crate) trait UnsignedOperation: Sized + Send {
    /// The typed input generated from AWS's model.
    type Input: FromValue + Send;
    /// The operation's name in AWS's model.
    const NAME: &'static str;

    /// The checks AWS makes that its model cannot express, answered before anything else.
    fn new(input: Self::Input) -> Result<Self, ApiError>;

    /// Verifies the request's credential and names the trust policy that must allow it.
    fn authorization(
        &mut self,
        state: &AppState,
        facts: &RequestFacts,
    ) -> impl Future<Output = Result<TrustOnly, ApiError>> + Send;

    /// CloudTrail's `userIdentity` of the verified credential, once it is known.
    fn identity(&self) -> Option<UserIdentity>;

    /// Does the operation.
    fn handle(
        self,
        state: &AppState,
        facts: &RequestFacts,
    ) -> impl Future<Output = Result<Option<Element>, ApiError>> + Send;
}

/// Drops the cached policies of the principals a successful write affected. Whatever cannot
/// be resolved empties the whole cache: stale permissions are never served.
pub(crate) async fn invalidate(state: &AppState, affected: Affected) {
    let policies = &state.policies;
    match affected {
        Affected::Nothing => {}
        Affected::User(name) => policies.invalidate_named(EntityKind::User, &name),
        Affected::Role(name) => policies.invalidate_named(EntityKind::Role, &name),
        Affected::GroupMembers(_) | Affected::PolicyHolders(_) => {
            match holders(state, &affected).await {
                Ok(principals) => policies.invalidate_principals(&principals),
                Err(e) => {
                    tracing::warn!(error = ?e, "affected principals unknown; dropping every cached policy");
                    policies.invalidate();
                }
            }
        }
    }
}

/// The members of the group, or every user (with its groups' members) and role the managed
/// policy is attached to or bounds.
async fn holders(state: &AppState, affected: &Affected) -> Result<Vec<EntityRef>, ApiError> {
    let mut groups = Vec::new();
    let mut out = Vec::new();
    match affected {
        Affected::GroupMembers(name) => match state.store.get_entity(EntityKind::Group, name).await
        {
            Ok(group) => groups.push(group.reference()),
            Err(StoreError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(ApiError::from_store(e)),
        },
        Affected::PolicyHolders(arn) => {
            let Some(policy) = find_managed_policy(state, arn).await? else {
                return Ok(Vec::new());
            };
            let target = policy.target();
            for kind in [
                RelationKind::PolicyAttachment,
                RelationKind::PermissionsBoundary,
            ] {
                for relation in all_relations(state, kind, None, Some(&target)).await? {
                    match relation.from.kind {
                        EntityKind::Group => groups.push(relation.from),
                        _ => out.push(relation.from),
                    }
                }
            }
        }
        Affected::Nothing | Affected::User(_) | Affected::Role(_) => return Ok(Vec::new()),
    }
    for group in groups {
        let members = all_relations(state, RelationKind::GroupMember, None, Some(&group)).await?;
        out.extend(members.into_iter().map(|m| m.from));
    }
    Ok(out)
}
