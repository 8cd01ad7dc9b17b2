//! Authorization of authenticated callers by the policy engine. The account root user may do
//! everything; an IAM user may do what its identity policies (its own and its groups'),
//! intersected with its permissions boundary, allow — AWS's evaluation logic, in
//! `keyward_policy`.
//!
//! Compiled policies are cached per principal. A successful IAM write drops the entries of the
//! principals it affects, so a change is in force for the very next request. Every write also
//! bumps a generation counter: an entry loaded concurrently with a write is not kept, since it
//! may have been read before the write committed.

pub mod authorization_message;
pub mod gateway;
pub mod trail;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use keyward_policy::{
    evaluate, AuthorizationInputs, CompiledPolicy, ContextValue, Decision, PolicyId, PolicySet,
    Request, ResourcePolicyMode,
};
use keyward_store::{EntityKind, EntityRef, PageRequest, StoreError, Tag};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::accounts::OrganizationView;
use crate::arn;
use crate::auth::identity::{Caller, Identity};
use crate::auth::session::{DelegatedApprover, FederationIssuer};
use crate::directory::principal_policy_texts;
use crate::error::ApiError;
use crate::metrics::{self, metrics, Cache};
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

/// What the caller of an operation must be allowed; every operation declares one, and
/// [`enforce`] decides every kind in one place.
pub enum Authorization {
    /// Any authenticated caller may call the operation (`GetCallerIdentity`).
    None,
    /// The caller's policies must allow the operation's action, then each of `also`, on
    /// `resource`.
    Standard {
        /// What the operation acts on.
        resource: Resource,
        /// Further actions the request needs (`sts:TagSession` when it passes session tags).
        also: Vec<&'static str>,
    },
    /// Granted by an account setting (the password policy's `AllowUsersToChangePassword`) or a
    /// default permission (a delegation request's owner): the operation's action on `resource`
    /// is allowed unless a policy explicitly denies it.
    UnlessDenied {
        /// What the operation acts on.
        resource: Resource,
    },
    /// Assuming a role: its trust policy and the caller's own policies must both allow the
    /// operation's action, then each of `also`. A refusal names only the action and the role,
    /// as AWS's does, whichever policy refused.
    Trust {
        /// The role, by ARN.
        role: Resource,
        /// The role's trust policy.
        trust: PolicySet,
        /// Further actions the request needs (`sts:TagSession`).
        also: Vec<&'static str>,
        /// When the request itself proved an MFA code (`AssumeRole`'s `SerialNumber` and
        /// `TokenCode`), which the trust policy sees as `aws:MultiFactorAuthPresent`.
        mfa: Option<OffsetDateTime>,
    },
}

impl Authorization {
    /// The operation's action on `resource`, and nothing else.
    pub fn standard(resource: Resource) -> Self {
        Authorization::Standard {
            resource,
            also: Vec::new(),
        }
    }
}

/// What an unsigned operation asks of a role's trust policy, the only policy that can allow a
/// principal that signs nothing.
pub struct TrustOnly {
    /// The principal the request's credential proved (a web identity).
    pub principal: keyward_policy::Principal,
    /// Its principal id (`aws:userid`).
    pub principal_id: String,
    /// The role, by ARN.
    pub role: Resource,
    /// The role's trust policy.
    pub trust: PolicySet,
    /// The request's facts with the keys the credential brings (a token's claims).
    pub facts: RequestFacts,
    /// What the caller is told when the trust policy refuses.
    pub refusal: ApiError,
    /// Further actions the trust policy must allow (`sts:TagSession` when the credential
    /// brings session tags, `sts:SetSourceIdentity` when it sets a source identity).
    pub also: Vec<&'static str>,
}

/// Decides `authorization` for `caller`, whose operation is `action` (`iam:CreateUser`).
pub async fn enforce(
    state: &AppState,
    caller: &Caller,
    action: &str,
    authorization: &Authorization,
    facts: &RequestFacts,
) -> Result<(), ApiError> {
    match authorization {
        Authorization::None => {
            record_attempt(state, caller, action, facts);
            Ok(())
        }
        Authorization::Standard { resource, also } => {
            for action in std::iter::once(action).chain(also.iter().copied()) {
                authorize(state, caller, action, resource, facts).await?;
            }
            Ok(())
        }
        Authorization::UnlessDenied { resource } => {
            if caller.identity == Identity::Root && !root_is_limited(state, caller).await? {
                trail::note(action, &resource.arn, true, ROOT_ALLOWED, &[]);
                return Ok(());
            }
            decide(
                state,
                caller,
                action,
                resource,
                facts,
                None,
                Grant::UnlessDenied,
            )
            .await
        }
        Authorization::Trust {
            role,
            trust,
            also,
            mfa,
        } => {
            let proved;
            let caller = match mfa {
                Some(at) => {
                    proved = Caller {
                        mfa_authenticated: Some(*at),
                        ..caller.clone()
                    };
                    &proved
                }
                None => caller,
            };
            for action in std::iter::once(action).chain(also.iter().copied()) {
                match decide(
                    state,
                    caller,
                    action,
                    role,
                    facts,
                    Some(trust),
                    Grant::Policies,
                )
                .await
                {
                    Ok(()) => {}
                    Err(ApiError::AccessDenied(_)) => {
                        return Err(ApiError::AccessDenied(format!(
                            "User: {} is not authorized to perform: {action} on resource: {}",
                            caller.arn(),
                            role.shown_as
                        )))
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(())
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
    /// Whether the request came over TLS (`aws:SecureTransport`).
    pub secure_transport: bool,
}

/// The condition keys an operation's own input sets, read from the Query parameters the same
/// way for every operation: `aws:RequestTag/*` and `aws:TagKeys` from `Tags` (or `TagKeys` when
/// untagging), `iam:PolicyARN` from `PolicyArn`, `iam:PermissionsBoundary` from
/// `PermissionsBoundary`, `sts:TransitiveTagKeys` from `TransitiveTagKeys`, and `sts:ExternalId`, `sts:RoleSessionName`, `sts:SourceIdentity` from
/// the parameters of the same names; for `GetWebIdentityToken`, `sts:IdentityTokenAudience`
/// from `Audience`, `sts:DurationSeconds` (300 unless given) and `sts:SigningAlgorithm`.
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
    let transitive = query.list("TransitiveTagKeys");
    if !transitive.is_empty() {
        keys.push((
            "sts:TransitiveTagKeys".to_owned(),
            ContextValue::multiple(transitive),
        ));
    }
    if !tag_keys.is_empty() {
        keys.push(("aws:TagKeys".to_owned(), ContextValue::multiple(tag_keys)));
    }
    if query.action() == Some("GetWebIdentityToken") {
        keys.extend(web_identity_token_keys(query));
    }
    for (param, key) in [
        ("PolicyArn", "iam:PolicyARN"),
        ("PermissionsBoundary", "iam:PermissionsBoundary"),
        ("ExternalId", "sts:ExternalId"),
        ("RoleSessionName", "sts:RoleSessionName"),
        ("SourceIdentity", "sts:SourceIdentity"),
    ] {
        if let Some(value) = query.get(param) {
            keys.push((key.to_owned(), ContextValue::single(value)));
        }
    }
    keys
}

/// The keys of `GetWebIdentityToken`: the token's audiences, lifetime and algorithm.
fn web_identity_token_keys(query: &QueryRequest) -> Vec<(String, ContextValue)> {
    let mut keys = vec![(
        "sts:IdentityTokenAudience".to_owned(),
        ContextValue::multiple(query.list("Audience")),
    )];
    keys.push((
        "sts:DurationSeconds".to_owned(),
        ContextValue::single(query.get("DurationSeconds").unwrap_or("300")),
    ));
    if let Some(algorithm) = query.get("SigningAlgorithm") {
        keys.push((
            "sts:SigningAlgorithm".to_owned(),
            ContextValue::single(algorithm),
        ));
    }
    keys
}

/// The compiled policies that govern one principal.
pub struct PrincipalPolicies {
    /// The user's or role's name, by which writes name it.
    pub name: String,
    /// Identity-based policies.
    pub identity: PolicySet,
    /// The permissions boundary, if one is set.
    pub boundary: Option<PolicySet>,
    /// The principal's tags (`aws:PrincipalTag/*`).
    pub tags: Vec<Tag>,
}

/// Compiled policies per principal, dropped by the writes that change them.
#[derive(Default)]
pub struct PolicyCache {
    generation: AtomicU64,
    entries: RwLock<HashMap<EntityRef, Arc<PrincipalPolicies>>>,
}

impl PolicyCache {
    /// Forgets everything: for changes made elsewhere (another replica), whose extent is
    /// unknown here.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }

    /// Forgets the user or role named `name` (IAM names are case-insensitive).
    pub fn invalidate_named(&self, kind: EntityKind, name: &str) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|key, policies| key.kind != kind || !policies.name.eq_ignore_ascii_case(name));
    }

    /// Forgets these principals.
    pub fn invalidate_principals(&self, principals: &[EntityRef]) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let mut entries = self
            .entries
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for principal in principals {
            entries.remove(principal);
        }
    }

    /// Whether a principal's policies are cached.
    #[cfg(test)]
    pub fn is_cached(&self, principal: &EntityRef) -> bool {
        self.entries
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains_key(principal)
    }

    /// The policies of a principal, compiled once until a write changes them.
    pub async fn get(
        &self,
        state: &AppState,
        principal: &EntityRef,
    ) -> Result<Arc<PrincipalPolicies>, ApiError> {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some(policies) = self
            .entries
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(principal)
        {
            metrics().cache_lookup(Cache::Policies, true);
            return Ok(Arc::clone(policies));
        }
        metrics().cache_lookup(Cache::Policies, false);
        let loaded = Arc::new(load(state, principal).await?);
        if self.generation.load(Ordering::SeqCst) == generation {
            self.entries
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(principal.clone(), Arc::clone(&loaded));
        }
        Ok(loaded)
    }
}

/// Compiles policy texts (stored or sealed in a session token); a text that no longer parses is skipped and logged, which
/// can only deny more (every stored document was validated when written).
pub fn compile(texts: Vec<(String, String)>) -> PolicySet {
    PolicySet::from_policies(texts.into_iter().filter_map(|(id, text)| {
        CompiledPolicy::parse(PolicyId::new(id.clone()), &text)
            .map_err(|e| tracing::error!(policy = %id, error = %e, "stored policy does not parse"))
            .ok()
    }))
}

/// The policies of a principal. A principal deleted since its session was issued has none:
/// as on AWS, its session stays valid until it expires, and every action that needs a
/// permission is implicitly denied (`AccessDenied`).
async fn load(state: &AppState, principal: &EntityRef) -> Result<PrincipalPolicies, ApiError> {
    let deleted = || PrincipalPolicies {
        name: String::new(),
        identity: PolicySet::new(),
        boundary: None,
        tags: Vec::new(),
    };
    let exists = match principal.kind {
        EntityKind::User => state
            .store
            .get_user_by_id(&keyward_store::UserId(principal.id.clone()))
            .await
            .map(drop),
        EntityKind::Role => state
            .store
            .get_entity_by_id(EntityKind::Role, &principal.id)
            .await
            .map(drop),
        _ => Ok(()),
    };
    match exists {
        Ok(()) => {}
        Err(StoreError::NotFound) => return Ok(deleted()),
        Err(e) => return Err(ApiError::from_store(e)),
    }
    let (identity, boundary) = principal_policy_texts(state, principal).await?;
    let (name, tags) = match principal.kind {
        EntityKind::User => {
            let user = match state
                .store
                .get_user_by_id(&keyward_store::UserId(principal.id.clone()))
                .await
            {
                Ok(user) => user,
                Err(StoreError::NotFound) => return Ok(deleted()),
                Err(e) => return Err(ApiError::from_store(e)),
            };
            let page = PageRequest {
                marker: None,
                max_items: 50,
            };
            let tags = match state.store.list_user_tags(&user.name, page).await {
                Ok(page) => page.items,
                Err(StoreError::NotFound) => Vec::new(),
                Err(e) => return Err(ApiError::from_store(e)),
            };
            (user.name, tags)
        }
        EntityKind::Role => {
            let role = match state
                .store
                .get_entity_by_id(EntityKind::Role, &principal.id)
                .await
            {
                Ok(role) => role,
                Err(StoreError::NotFound) => return Ok(deleted()),
                Err(e) => return Err(ApiError::from_store(e)),
            };
            let page = PageRequest {
                marker: None,
                max_items: 50,
            };
            let tags = match state
                .store
                .list_entity_tags(EntityKind::Role, &role.name, page)
                .await
            {
                Ok(page) => page.items,
                Err(StoreError::NotFound) => Vec::new(),
                Err(e) => return Err(ApiError::from_store(e)),
            };
            (role.name, tags)
        }
        _ => (String::new(), Vec::new()),
    };
    Ok(PrincipalPolicies {
        name,
        identity: compile(identity),
        boundary: boundary.map(|b| compile(vec![b])),
        tags,
    })
}

/// What the credentials that signed a request say of their session.
#[derive(Clone, Copy, Debug, Default)]
struct CredentialFacts {
    /// When the session was issued; `None` for long-term keys.
    token_issued: Option<OffsetDateTime>,
    /// When an MFA code was proved, if one was.
    mfa_authenticated: Option<OffsetDateTime>,
}

/// The engine's request: the principal, the global condition keys AWS sets for every request,
/// and the keys the operation's input sets. `aws:MultiFactorAuthPresent` is absent for
/// long-term keys, as on AWS (so `BoolIfExists … false` lets them through), `false` for
/// temporary credentials obtained without MFA, and `true`, with `aws:MultiFactorAuthAge`,
/// once an MFA code was proved.
fn engine_request(
    principal: keyward_policy::Principal,
    user_id: &str,
    tags: &[(&str, &str)],
    credentials: CredentialFacts,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
) -> Request {
    let mut request = Request::new(principal, action, &resource.arn);
    let context = request.context_mut();
    request_context(
        user_id,
        tags,
        credentials,
        facts,
        &resource.arn,
        |key, value| context.insert(key, value),
    );
    request
}

/// The condition keys of one request on `resource` (an ARN), each handed to `sink` (the
/// engine's context, or the list an authorization message shows).
fn request_context(
    user_id: &str,
    tags: &[(&str, &str)],
    credentials: CredentialFacts,
    facts: &RequestFacts,
    resource: &str,
    mut sink: impl FnMut(&str, ContextValue),
) {
    let rfc3339 = |t: OffsetDateTime| {
        let t = t.replace_nanosecond(0).unwrap_or(t);
        ContextValue::single(t.format(&Rfc3339).unwrap_or_default())
    };
    sink("aws:userid", ContextValue::single(user_id));
    sink(
        "aws:SourceIp",
        ContextValue::single(facts.source_ip.to_string()),
    );
    sink("aws:RequestedRegion", ContextValue::single(&facts.region));
    sink("aws:UserAgent", ContextValue::single(&facts.user_agent));
    sink(
        "aws:SecureTransport",
        ContextValue::single(if facts.secure_transport {
            "true"
        } else {
            "false"
        }),
    );
    sink("aws:ViaAWSService", ContextValue::single("false"));
    let CredentialFacts {
        token_issued,
        mfa_authenticated,
    } = credentials;
    match (mfa_authenticated, token_issued) {
        (Some(at), _) => {
            sink("aws:MultiFactorAuthPresent", ContextValue::single("true"));
            let age = (facts.time - at).whole_seconds().max(0);
            sink(
                "aws:MultiFactorAuthAge",
                ContextValue::single(age.to_string()),
            );
        }
        (None, Some(_)) => sink("aws:MultiFactorAuthPresent", ContextValue::single("false")),
        (None, None) => {}
    }
    sink("aws:CurrentTime", rfc3339(facts.time));
    sink(
        "aws:EpochTime",
        ContextValue::single(facts.time.unix_timestamp().to_string()),
    );
    if let Some(issued) = token_issued {
        sink("aws:TokenIssueTime", rfc3339(issued));
    }
    for (key, value) in tags {
        sink(
            &format!("aws:PrincipalTag/{key}"),
            ContextValue::single(*value),
        );
    }
    if let Some(account) = resource_account(resource) {
        sink("aws:ResourceAccount", ContextValue::single(account));
    }
    for (key, value) in &facts.operation_keys {
        sink(key, value.clone());
    }
}

/// The "policy" of the account's root user: everything.
fn root_everything() -> PolicySet {
    compile(vec![(
        "root".to_owned(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
            .to_owned(),
    )])
}

/// A federated session issued to the root user, or a delegated session a root user approved, is
/// limited only by its session policies: root's "policy" allows everything.
fn root_federation_policy(principal: &Identity) -> Option<PolicySet> {
    let of_root = match principal {
        Identity::FederatedUser(s) => s.issuer == FederationIssuer::Root,
        Identity::Delegated(d) => d.approver == DelegatedApprover::Root,
        _ => false,
    };
    of_root.then(|| {
        compile(vec![(
            "root".to_owned(),
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
                .to_owned(),
        )])
    })
}

fn engine_principal(
    built: Result<keyward_policy::Principal, keyward_policy::PrincipalError>,
) -> Result<keyward_policy::Principal, ApiError> {
    built.map_err(|e| {
        tracing::error!(error = %e, "caller ARN is not one the engine accepts");
        ApiError::ServiceFailure
    })
}

/// Decides whether `caller` may perform `action` (`service:Action`) on `resource`: a user by
/// its own and its groups' policies within its boundary; a role session by the role's
/// policies within the role's boundary and the session policies. Root may do everything.
pub async fn authorize(
    state: &AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
) -> Result<(), ApiError> {
    if caller.identity == Identity::Root && !root_is_limited(state, caller).await? {
        trail::note(action, &resource.arn, true, ROOT_ALLOWED, &[]);
        return Ok(());
    }
    decide(
        state,
        caller,
        action,
        resource,
        facts,
        None,
        Grant::Policies,
    )
    .await
}

/// Whether the root user of the caller's account is limited by its organization: the root
/// user of a member account is, as every principal of a member account is by the SCPs.
async fn root_is_limited(state: &AppState, caller: &Caller) -> Result<bool, ApiError> {
    Ok(organization_view(state, &caller.account.0)
        .await?
        .is_some_and(|view| !view.management))
}

/// What the organization says of `account`, from the cache the registry keeps or loaded
/// from the management account's organization; `None` when `account` is in no organization.
async fn organization_view(
    state: &AppState,
    account: &str,
) -> Result<Option<Arc<OrganizationView>>, ApiError> {
    let (cached, generation) = state.accounts.cached_organization(account);
    if let Some(view) = cached {
        return Ok(view);
    }
    let Some(management) = state.accounts.management() else {
        return Ok(None);
    };
    let levels = |kind: &str, levels: Vec<Vec<String>>| -> Vec<PolicySet> {
        levels
            .into_iter()
            .enumerate()
            .map(|(level, texts)| {
                compile(
                    texts
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| (format!("{kind}-level{level}-{i}"), text))
                        .collect(),
                )
            })
            .collect()
    };
    let view = crate::directory::organization::policies_for_account(&management, account)
        .await?
        .map(|policies| {
            Arc::new(OrganizationView {
                service_control: levels("ServiceControlPolicy", policies.service_control),
                resource_control: levels("ResourceControlPolicy", policies.resource_control),
                organization_id: policies.organization_id,
                org_path: policies.org_path,
                management: policies.management,
            })
        });
    state
        .accounts
        .remember_organization(account, view.clone(), generation);
    Ok(view)
}

/// What the organization says of one request: the caller's account's and the resource
/// owner's views, and which of their policies limit the request.
#[derive(Default)]
struct OrganizationLimits {
    /// The caller's account's view.
    principal: Option<Arc<OrganizationView>>,
    /// The resource owner's view.
    resource: Option<Arc<OrganizationView>>,
    /// The caller is a principal of a member account other than a service-linked role: the
    /// SCPs of its account limit it.
    service_control: bool,
    /// The resource belongs to a member account and its service is one RCPs govern: the RCPs
    /// of that account limit the request.
    resource_control: bool,
}

impl OrganizationLimits {
    async fn load(
        state: &AppState,
        caller: &Caller,
        action: &str,
        resource: &Resource,
    ) -> Result<Self, ApiError> {
        let principal = organization_view(state, &caller.account.0).await?;
        let owner = resource_account(&resource.arn).unwrap_or(&caller.account.0);
        let resource_view = if owner == caller.account.0 {
            principal.clone()
        } else {
            organization_view(state, owner).await?
        };
        let service_linked = match &caller.identity {
            Identity::RoleSession(session) => session.role_path.starts_with("/aws-service-role/"),
            _ => false,
        };
        let service = action.split(':').next().unwrap_or_default();
        let rcp_service = crate::directory::organization::RCP_SERVICES
            .contains(&service.to_ascii_lowercase().as_str());
        Ok(OrganizationLimits {
            service_control: !service_linked
                && principal.as_ref().is_some_and(|view| !view.management),
            resource_control: rcp_service
                && resource_view.as_ref().is_some_and(|view| !view.management),
            principal,
            resource: resource_view,
        })
    }

    /// The condition keys the organization sets: `aws:PrincipalOrgID` and
    /// `aws:PrincipalOrgPaths` for a caller in an organization, `aws:ResourceOrgID` and
    /// `aws:ResourceOrgPaths` for a resource owned by one.
    fn keys(&self, mut sink: impl FnMut(&str, ContextValue)) {
        if let Some(view) = &self.principal {
            sink(
                "aws:PrincipalOrgID",
                ContextValue::single(&view.organization_id),
            );
            sink(
                "aws:PrincipalOrgPaths",
                ContextValue::single(&view.org_path),
            );
        }
        if let Some(view) = &self.resource {
            sink(
                "aws:ResourceOrgID",
                ContextValue::single(&view.organization_id),
            );
            sink("aws:ResourceOrgPaths", ContextValue::single(&view.org_path));
        }
    }
}

/// Why the account's root user is allowed without an evaluation.
const ROOT_ALLOWED: &str = "the account's root user may perform every action";

/// Decides whether a principal that signs no request — an AWS service principal such as
/// `ec2.amazonaws.com`, or a web identity — may perform `action` on a role: only the role's
/// trust policy can allow it. The condition keys the principal brings (a web identity's token
/// claims) travel in `facts.operation_keys`.
pub fn trust_allows(
    principal: keyward_policy::Principal,
    principal_id: &str,
    action: &str,
    role: &Resource,
    trust_policy: &PolicySet,
    facts: &RequestFacts,
) -> bool {
    let request = engine_request(
        principal,
        principal_id,
        &[],
        CredentialFacts::default(),
        action,
        role,
        facts,
    );
    let no_policies = PolicySet::new();
    let mut inputs = AuthorizationInputs::new(&request, &no_policies);
    inputs.resource_policy = Some(trust_policy);
    inputs.resource_policy_mode = ResourcePolicyMode::RoleTrust;
    let evaluation = evaluate(&inputs);
    if !evaluation.is_allowed() {
        tracing::debug!(reason = %evaluation.reason(), action, "trust policy refused");
    }
    evaluation.is_allowed()
}

/// Where an allow may come from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grant {
    /// Only from the policies.
    Policies,
    /// Also from an account setting: only an explicit deny refuses.
    UnlessDenied,
}

/// Everything the engine needs to decide one request of one caller: the request with its
/// context, the caller's policies, and what the session adds.
struct Prepared {
    request: Request,
    /// The user's or role's policies (the issuing user's for a federated session).
    policies: Option<Arc<PrincipalPolicies>>,
    /// The allow-everything "policy" of a root federated session.
    everything: Option<PolicySet>,
    /// The session's policies, if it has any.
    session_policies: Option<PolicySet>,
    /// The condition keys of the request in AWS's spelling, kept only for an authorization
    /// message.
    context: Vec<(String, ContextValue)>,
    /// The organization's policies that limit the request.
    organization: OrganizationLimits,
}

impl Prepared {
    /// The engine's inputs; `no_policies` stands in for a caller without identity policies.
    fn inputs<'a>(
        &'a self,
        no_policies: &'a PolicySet,
        trust_policy: Option<&'a PolicySet>,
    ) -> AuthorizationInputs<'a> {
        let identity = match (&self.policies, &self.everything) {
            (Some(p), _) => &p.identity,
            (None, Some(all)) => all,
            (None, None) => no_policies,
        };
        let mut inputs = AuthorizationInputs::new(&self.request, identity);
        inputs.permissions_boundary = self.policies.as_ref().and_then(|p| p.boundary.as_ref());
        inputs.session_policies = self.session_policies.as_ref();
        if self.organization.service_control {
            if let Some(view) = &self.organization.principal {
                inputs.service_control_policies = &view.service_control;
            }
        }
        if self.organization.resource_control {
            if let Some(view) = &self.organization.resource {
                inputs.resource_control_policies = &view.resource_control;
            }
        }
        if let Some(trust) = trust_policy {
            inputs.resource_policy = Some(trust);
            inputs.resource_policy_mode = ResourcePolicyMode::RoleTrust;
        }
        inputs
    }
}

/// Notes the attempt for the access advisor. AWS reports users and roles, a role's sessions
/// as the role; the root user and federated users are not reported.
fn record_attempt(state: &AppState, caller: &Caller, action: &str, facts: &RequestFacts) {
    let principal = match &caller.identity {
        Identity::User(user) => EntityRef::new(EntityKind::User, user.user_id.0.clone()),
        Identity::RoleSession(session) => EntityRef::new(EntityKind::Role, session.role_id.clone()),
        // A delegated session acts as its approver.
        Identity::Delegated(session) => match &session.approver {
            DelegatedApprover::User { user_id, .. } => {
                EntityRef::new(EntityKind::User, user_id.clone())
            }
            DelegatedApprover::Role(role) => EntityRef::new(EntityKind::Role, role.role_id.clone()),
            DelegatedApprover::Root => return,
        },
        Identity::Root | Identity::FederatedUser(_) => return,
    };
    state
        .last_access
        .record(&principal, action, &facts.region, facts.time);
}

/// Builds the engine's request for a non-root caller; `keep_context` also keeps the condition
/// keys in AWS's spelling.
async fn prepare(
    state: &AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
    keep_context: bool,
) -> Result<Prepared, ApiError> {
    let (owner, principal, user_id, session_tags, session_policies) = match &caller.identity {
        Identity::Root => {
            let account = keyward_policy::AccountId::parse(&caller.account.0).map_err(|e| {
                tracing::error!(error = %e, "account id is not one the engine accepts");
                ApiError::ServiceFailure
            })?;
            (
                None,
                keyward_policy::Principal::root(account),
                caller.account.0.clone(),
                &[][..],
                None,
            )
        }
        Identity::User(user) => (
            Some(EntityRef::new(EntityKind::User, user.user_id.0.clone())),
            engine_principal(keyward_policy::Principal::user(&caller.arn()))?,
            user.user_id.0.clone(),
            &[][..],
            None,
        ),
        Identity::RoleSession(session) => {
            let role = arn::role(&caller.account, &session.role_path, &session.role_name);
            (
                Some(EntityRef::new(EntityKind::Role, session.role_id.clone())),
                engine_principal(keyward_policy::Principal::assumed_role(
                    &caller.arn(),
                    &role,
                ))?,
                caller.principal_id(),
                &session.tags[..],
                // A role session without session policies has the role's permissions.
                (!session.policies.is_empty()).then(|| compile(session.policies.clone())),
            )
        }
        Identity::Delegated(session) => {
            // The approver's permissions, within the delegation request's policy.
            let policy = Some(compile(vec![(
                "DelegationPolicy".to_owned(),
                session.policy.clone(),
            )]));
            match &session.approver {
                DelegatedApprover::Root => {
                    let account =
                        keyward_policy::AccountId::parse(&caller.account.0).map_err(|e| {
                            tracing::error!(error = %e, "account id is not one the engine accepts");
                            ApiError::ServiceFailure
                        })?;
                    (
                        None,
                        keyward_policy::Principal::root(account),
                        caller.account.0.clone(),
                        &[][..],
                        policy,
                    )
                }
                DelegatedApprover::User { user_id, .. } => (
                    Some(EntityRef::new(EntityKind::User, user_id.clone())),
                    engine_principal(keyward_policy::Principal::user(&caller.arn()))?,
                    user_id.clone(),
                    &[][..],
                    policy,
                ),
                DelegatedApprover::Role(role_session) => {
                    let role = arn::role(
                        &caller.account,
                        &role_session.role_path,
                        &role_session.role_name,
                    );
                    (
                        Some(EntityRef::new(
                            EntityKind::Role,
                            role_session.role_id.clone(),
                        )),
                        engine_principal(keyward_policy::Principal::assumed_role(
                            &caller.arn(),
                            &role,
                        ))?,
                        caller.principal_id(),
                        &role_session.tags[..],
                        policy,
                    )
                }
            }
        }
        Identity::FederatedUser(session) => {
            let (owner, issuer_arn) = match &session.issuer {
                FederationIssuer::Root => (None, None),
                FederationIssuer::User {
                    user_id,
                    name,
                    path,
                } => (
                    Some(EntityRef::new(EntityKind::User, user_id.clone())),
                    Some(arn::user(&caller.account, path, name)),
                ),
            };
            (
                owner,
                engine_principal(keyward_policy::Principal::federated_user(
                    &caller.arn(),
                    issuer_arn.as_deref(),
                ))?,
                caller.principal_id(),
                &session.tags[..],
                // A federated session without session policies may do nothing.
                (!session.policies.is_empty()).then(|| compile(session.policies.clone())),
            )
        }
    };
    let policies = match &owner {
        Some(owner) => Some(state.policies.get(state, owner).await?),
        None => None,
    };
    // Session tags override the principal's own tags of the same key.
    let mut tags: Vec<(&str, &str)> = policies
        .iter()
        .flat_map(|p| p.tags.iter())
        .filter(|t| {
            !session_tags
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case(&t.key))
        })
        .map(|t| (t.key.as_str(), t.value.as_str()))
        .collect();
    tags.extend(session_tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let credentials = CredentialFacts {
        token_issued: caller.token_issued,
        mfa_authenticated: caller.mfa_authenticated,
    };
    let organization = OrganizationLimits::load(state, caller, action, resource).await?;
    let mut context = Vec::new();
    if keep_context {
        request_context(
            &user_id,
            &tags,
            credentials,
            facts,
            &resource.arn,
            |key, value| context.push((key.to_owned(), value)),
        );
        organization.keys(|key, value| context.push((key.to_owned(), value)));
    }
    let mut request = engine_request(
        principal,
        &user_id,
        &tags,
        credentials,
        action,
        resource,
        facts,
    );
    let request_keys = request.context_mut();
    organization.keys(|key, value| request_keys.insert(key, value));
    Ok(Prepared {
        request,
        policies,
        everything: root_federation_policy(&caller.identity),
        session_policies,
        context,
        organization,
    })
}

async fn decide(
    state: &AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
    trust_policy: Option<&PolicySet>,
    grant: Grant,
) -> Result<(), ApiError> {
    record_attempt(state, caller, action, facts);
    let prepared = prepare(state, caller, action, resource, facts, false).await?;
    let no_policies = PolicySet::new();
    // A role of another account: both the caller's account and the role's trust must allow.
    let role_account = trust_policy.and_then(|_| other_account(&resource.arn, caller));
    // The root user of a member account may do everything its organization's SCPs allow.
    let everything =
        (caller.identity == Identity::Root && trust_policy.is_none()).then(root_everything);
    let mut inputs = prepared.inputs(&no_policies, trust_policy);
    if let Some(all) = &everything {
        inputs.identity_policies = all;
    }
    inputs.resource_account = role_account.as_ref();
    let evaluation = evaluate(&inputs);
    metrics().decision(match evaluation.decision() {
        Decision::ExplicitDeny => metrics::Decision::ExplicitDeny,
        Decision::ImplicitDeny => metrics::Decision::ImplicitDeny,
        Decision::Allowed => metrics::Decision::Allow,
    });
    let unless_denied =
        grant == Grant::UnlessDenied && evaluation.decision() == Decision::ImplicitDeny;
    if trail::collecting() {
        trail::note(
            action,
            &resource.arn,
            unless_denied || evaluation.is_allowed(),
            &evaluation.reason(),
            &gateway::matched_statements(&evaluation),
        );
    }
    if unless_denied {
        return Ok(());
    }
    match evaluation.access_denied_message_naming(&resource.shown_as) {
        None => Ok(()),
        Some(message) => {
            tracing::debug!(reason = %evaluation.reason(), "access denied");
            Err(ApiError::AccessDenied(message))
        }
    }
}

/// The account owning `resource_arn` when it is not the caller's (`None` for the caller's own
/// account, for AWS's `aws` pseudo-account and for ARNs without an account).
fn other_account(resource_arn: &str, caller: &Caller) -> Option<keyward_policy::AccountId> {
    let account = resource_account(resource_arn)?;
    (account != caller.account.0)
        .then(|| keyward_policy::AccountId::parse(account).ok())
        .flatten()
}

/// The twelve-digit account of an ARN (`aws:ResourceAccount`), if it has one.
fn resource_account(resource_arn: &str) -> Option<&str> {
    let account = resource_arn.split(':').nth(4)?;
    (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())).then_some(account)
}

/// The encoded authorization message of a refused request, as services that encode their
/// denials (EC2's `UnauthorizedOperation`) append to their message: AWS's decoded JSON
/// (`allowed`, `explicitDeny`, `matchedStatements`, `failures`, `context`), sealed with the
/// account's master key so that only this account's Keyward can read it, through
/// `sts:DecodeAuthorizationMessage`. `None` when the engine allows the request.
pub async fn encoded_denial(
    state: &AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    facts: &RequestFacts,
) -> Result<Option<String>, ApiError> {
    if caller.identity == Identity::Root {
        return Ok(None);
    }
    let prepared = prepare(state, caller, action, resource, facts, true).await?;
    let no_policies = PolicySet::new();
    let evaluation = evaluate(&prepared.inputs(&no_policies, None));
    if evaluation.is_allowed() {
        return Ok(None);
    }
    let explicit = evaluation.decision() == Decision::ExplicitDeny;
    let mut statements = Vec::new();
    if explicit {
        let texts = policy_texts(state, caller, &prepared).await?;
        for matched in evaluation.matched_statements() {
            if matched.effect == keyward_policy::Effect::Deny {
                statements.push(authorization_message::statement(
                    matched,
                    &texts,
                    &caller_principal_id(caller),
                ));
            }
        }
    }
    let message = authorization_message::Decoded {
        allowed: false,
        explicit_deny: explicit,
        matched_statements: statements,
        principal: authorization_message::principal(caller),
        action: action.to_owned(),
        resource: resource.arn.clone(),
        conditions: prepared.context,
    };
    authorization_message::seal(&state.master, &state.account, &message.to_json())
}

/// The id a statement's `principals` names: the user's or role's id, without a session.
fn caller_principal_id(caller: &Caller) -> String {
    match &caller.identity {
        Identity::User(user) => user.user_id.0.clone(),
        Identity::RoleSession(session) => session.role_id.clone(),
        Identity::Delegated(session) => match &session.approver {
            DelegatedApprover::User { user_id, .. } => user_id.clone(),
            DelegatedApprover::Role(role) => role.role_id.clone(),
            DelegatedApprover::Root => caller.principal_id(),
        },
        Identity::Root | Identity::FederatedUser(_) => caller.principal_id(),
    }
}

/// The texts of the policies that decided, by kind and name, to show a denying statement.
async fn policy_texts(
    state: &AppState,
    caller: &Caller,
    prepared: &Prepared,
) -> Result<Vec<(keyward_policy::PolicyKind, String, String)>, ApiError> {
    use keyward_policy::PolicyKind;
    let mut out = Vec::new();
    let owner = match &caller.identity {
        Identity::User(user) => Some(EntityRef::new(EntityKind::User, user.user_id.0.clone())),
        Identity::RoleSession(session) => {
            Some(EntityRef::new(EntityKind::Role, session.role_id.clone()))
        }
        Identity::FederatedUser(session) => match &session.issuer {
            FederationIssuer::User { user_id, .. } => {
                Some(EntityRef::new(EntityKind::User, user_id.clone()))
            }
            FederationIssuer::Root => None,
        },
        Identity::Delegated(session) => match &session.approver {
            DelegatedApprover::User { user_id, .. } => {
                Some(EntityRef::new(EntityKind::User, user_id.clone()))
            }
            DelegatedApprover::Role(role) => {
                Some(EntityRef::new(EntityKind::Role, role.role_id.clone()))
            }
            DelegatedApprover::Root => None,
        },
        Identity::Root => None,
    };
    if let Some(owner) = owner.filter(|_| prepared.policies.is_some()) {
        let (identity, boundary) = principal_policy_texts(state, &owner).await?;
        out.extend(
            identity
                .into_iter()
                .map(|(name, text)| (PolicyKind::Identity, name, text)),
        );
        out.extend(
            boundary
                .into_iter()
                .map(|(name, text)| (PolicyKind::PermissionsBoundary, name, text)),
        );
    }
    let delegation_policy;
    let session_policies = match &caller.identity {
        Identity::RoleSession(session) => &session.policies[..],
        Identity::FederatedUser(session) => &session.policies[..],
        Identity::Delegated(session) => {
            delegation_policy = [("DelegationPolicy".to_owned(), session.policy.clone())];
            &delegation_policy[..]
        }
        Identity::Root | Identity::User(_) => &[][..],
    };
    out.extend(
        session_policies
            .iter()
            .map(|(name, text)| (PolicyKind::Session, name.clone(), text.clone())),
    );
    Ok(out)
}
