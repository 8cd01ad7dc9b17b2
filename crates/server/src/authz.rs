//! Authorization of authenticated callers by the policy engine. The account root user may do
//! everything; an IAM user may do what its identity policies (its own and its groups'),
//! intersected with its permissions boundary, allow — AWS's evaluation logic, in
//! `keyward_policy`.
//!
//! Compiled policies are cached per principal. Every successful IAM write bumps a generation
//! counter that empties the cache, so a change is in force for the very next request; an entry
//! loaded concurrently with a write carries the generation it was loaded under and is never
//! served after the write.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use keyward_policy::{
    evaluate, AuthorizationInputs, CompiledPolicy, ContextValue, PolicyId, PolicySet, Request,
};
use keyward_store::{EntityKind, EntityRef, PageRequest, StoreError, Tag, User};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::iam::principal_policy_texts;
use crate::identity::{Caller, Principal};
use crate::protocol::query::QueryRequest;
use crate::state::AppState;

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

/// Facts about the request itself that become global condition keys.
#[derive(Clone, Debug)]
pub struct RequestFacts {
    /// The client's address (`aws:SourceIp`).
    pub source_ip: IpAddr,
    /// The region the request was signed for (`aws:RequestedRegion`).
    pub region: String,
    /// The client's `User-Agent` (`aws:UserAgent`).
    pub user_agent: String,
    /// When the request arrived (`aws:CurrentTime`, `aws:EpochTime`).
    pub time: OffsetDateTime,
    /// Keys set by the operation's input ([`operation_keys`]).
    pub operation_keys: Vec<(String, ContextValue)>,
}

/// The condition keys an operation's own input sets, read from the Query parameters the same
/// way for every operation: `aws:RequestTag/*` and `aws:TagKeys` from `Tags` (or `TagKeys` when
/// untagging), `iam:PolicyARN` from `PolicyArn`, `iam:PermissionsBoundary` from
/// `PermissionsBoundary`.
pub fn operation_keys(query: &QueryRequest) -> Vec<(String, ContextValue)> {
    let mut keys = Vec::new();
    let tags = query.structs("Tags");
    let mut tag_keys: Vec<String> = Vec::new();
    for tag in &tags {
        if let Some(key) = tag.get("Key") {
            let value = tag.get("Value").unwrap_or_default();
            keys.push((format!("aws:RequestTag/{key}"), ContextValue::single(value)));
            tag_keys.push(key.to_owned());
        }
    }
    tag_keys.extend(query.list("TagKeys").into_iter().map(str::to_owned));
    if !tag_keys.is_empty() {
        keys.push(("aws:TagKeys".to_owned(), ContextValue::multiple(tag_keys)));
    }
    for (param, key) in [
        ("PolicyArn", "iam:PolicyARN"),
        ("PermissionsBoundary", "iam:PermissionsBoundary"),
    ] {
        if let Some(value) = query.get(param) {
            keys.push((key.to_owned(), ContextValue::single(value)));
        }
    }
    keys
}

/// The compiled policies that govern one principal.
pub struct PrincipalPolicies {
    /// Identity-based policies.
    pub identity: PolicySet,
    /// The permissions boundary, if one is set.
    pub boundary: Option<PolicySet>,
    /// The principal's tags (`aws:PrincipalTag/*`).
    pub tags: Vec<Tag>,
}

/// Compiled policies per principal, emptied by every IAM write.
#[derive(Default)]
pub struct PolicyCache {
    generation: AtomicU64,
    entries: RwLock<HashMap<EntityRef, (u64, Arc<PrincipalPolicies>)>>,
}

impl PolicyCache {
    /// Forgets everything; called after every successful IAM write.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }

    /// The policies of a principal, compiled once per generation.
    pub async fn get(
        &self,
        state: &AppState,
        principal: &EntityRef,
    ) -> Result<Arc<PrincipalPolicies>, ApiError> {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some((g, policies)) = self
            .entries
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(principal)
        {
            if *g == generation {
                return Ok(Arc::clone(policies));
            }
        }
        let loaded = Arc::new(load(state, principal).await?);
        if self.generation.load(Ordering::SeqCst) == generation {
            self.entries
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(principal.clone(), (generation, Arc::clone(&loaded)));
        }
        Ok(loaded)
    }
}

/// Compiles policy texts; a stored text that no longer parses is skipped and logged, which
/// can only deny more (every stored document was validated when written).
fn compile(texts: Vec<(String, String)>) -> PolicySet {
    PolicySet::from_policies(texts.into_iter().filter_map(|(id, text)| {
        CompiledPolicy::parse(PolicyId::new(id.clone()), &text)
            .map_err(|e| tracing::error!(policy = %id, error = %e, "stored policy does not parse"))
            .ok()
    }))
}

async fn load(state: &AppState, principal: &EntityRef) -> Result<PrincipalPolicies, ApiError> {
    let (identity, boundary) = principal_policy_texts(state, principal).await?;
    let tags = match principal.kind {
        EntityKind::User => {
            let user = state
                .store
                .get_user_by_id(&keyward_store::UserId(principal.id.clone()))
                .await
                .map_err(ApiError::from_store)?;
            let page = PageRequest {
                marker: None,
                max_items: 50,
            };
            match state.store.list_user_tags(&user.name, page).await {
                Ok(page) => page.items,
                Err(StoreError::NotFound) => Vec::new(),
                Err(e) => return Err(ApiError::from_store(e)),
            }
        }
        _ => Vec::new(),
    };
    Ok(PrincipalPolicies {
        identity: compile(identity),
        boundary: boundary.map(|b| compile(vec![b])),
        tags,
    })
}

/// The engine's request for `caller` doing `action` on `resource`, with the global condition
/// keys AWS sets for every request.
pub fn engine_request(
    user: &User,
    user_arn: &str,
    tags: &[Tag],
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
) -> Result<Request, ApiError> {
    let principal = keyward_policy::Principal::user(user_arn).map_err(|e| {
        tracing::error!(arn = user_arn, error = %e, "caller ARN is not a user ARN");
        ApiError::ServiceFailure
    })?;
    let mut request = Request::new(principal, action, &resource.arn);
    let context = request.context_mut();
    let time = facts.time.replace_nanosecond(0).unwrap_or(facts.time);
    context.insert("aws:userid", ContextValue::single(&user.user_id.0));
    context.insert(
        "aws:SourceIp",
        ContextValue::single(facts.source_ip.to_string()),
    );
    context.insert("aws:RequestedRegion", ContextValue::single(&facts.region));
    context.insert("aws:UserAgent", ContextValue::single(&facts.user_agent));
    context.insert("aws:SecureTransport", ContextValue::single("false"));
    context.insert("aws:ViaAWSService", ContextValue::single("false"));
    context.insert("aws:MultiFactorAuthPresent", ContextValue::single("false"));
    context.insert(
        "aws:CurrentTime",
        ContextValue::single(time.format(&Rfc3339).unwrap_or_default()),
    );
    context.insert(
        "aws:EpochTime",
        ContextValue::single(time.unix_timestamp().to_string()),
    );
    for tag in tags {
        context.insert(
            &format!("aws:PrincipalTag/{}", tag.key),
            ContextValue::single(&tag.value),
        );
    }
    for (key, value) in &facts.operation_keys {
        context.insert(key, value.clone());
    }
    Ok(request)
}

/// Decides whether `caller` may perform `action` (`service:Action`) on `resource`.
pub async fn authorize(
    state: &AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
) -> Result<(), ApiError> {
    let user = match &caller.principal {
        Principal::Root => return Ok(()),
        Principal::User(user) => user,
    };
    let principal = EntityRef::new(EntityKind::User, user.user_id.0.clone());
    let policies = state.policies.get(state, &principal).await?;
    let request = engine_request(user, &caller.arn(), &policies.tags, action, resource, facts)?;
    let mut inputs = AuthorizationInputs::new(&request, &policies.identity);
    inputs.permissions_boundary = policies.boundary.as_ref();
    let evaluation = evaluate(&inputs);
    match evaluation.access_denied_message_naming(&resource.shown_as) {
        None => Ok(()),
        Some(message) => {
            tracing::debug!(reason = %evaluation.reason(), "access denied");
            Err(ApiError::AccessDenied(message))
        }
    }
}
