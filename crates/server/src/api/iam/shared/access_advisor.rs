//! IAM's access advisor ("service last accessed data"), as the IAM User Guide's "Refine
//! permissions in AWS using last accessed information" and the API Reference of
//! `GenerateServiceLastAccessedDetails` describe it: for a user, group, role or managed policy,
//! every service its permissions policies allow (Allow statements only; boundaries, resource
//! policies and trust policies play no part), each with the latest attempt by the entities the
//! report covers, and, at `ACTION_LEVEL`, the tracked management actions of the services AWS
//! tracks. The attempts come from [`crate::last_access`]: every request Keyward authorized or
//! refused for a user or a role's session.
//!
//! A report is computed when it is generated and kept as a job (its id, the ARN it covers, the
//! caller who may read it, and the result); AWS documents that a job is read by the principal
//! that generated it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use keyward_policy::{ActionElement, Effect, PolicyDocument};
use keyward_store::{
    DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, RelationKind, StoreError, User,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::policies::{arn_of, not_found as no_such_policy};
use super::{no_such_user, paging_fields, Paging};
use crate::arn::{self, IamArn, IamResourceType};
use crate::auth::identity::Caller;
use crate::directory::ManagedPolicy;
use crate::directory::{all_items, all_relations, find_managed_policy, managed_policy_by_arn};
use crate::error::ApiError;
use crate::last_access::LastAccess;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Every service namespace with its name and, for the services AWS tracks at action level,
/// their tracked actions: `data/access-advisor-services.json`, whose `source` names its origin
/// and licence.
const DATA: &str = include_str!("../../../../data/access-advisor-services.json");

/// One AWS service as access advisor lists it.
#[derive(Deserialize)]
struct Service {
    namespace: String,
    name: String,
    #[serde(default)]
    tracked_actions: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Catalog {
    services: Vec<Service>,
}

/// The services, sorted by namespace; empty (and logged) if the embedded data is broken,
/// which a unit test rules out.
fn services() -> &'static [Service] {
    static SERVICES: OnceLock<Vec<Service>> = OnceLock::new();
    SERVICES.get_or_init(|| match serde_json::from_str::<Catalog>(DATA) {
        Ok(mut catalog) => {
            catalog
                .services
                .sort_by(|a, b| a.namespace.cmp(&b.namespace));
            catalog.services
        }
        Err(e) => {
            tracing::error!(error = %e, "access advisor's service data does not parse");
            Vec::new()
        }
    })
}

/// A case-insensitive IAM wildcard match (`*` any run, `?` one character).
fn matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some(pi);
                mark = ti;
                pi += 1;
            }
            Some(c) if *c == '?' || Some(c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some(s) => {
                    pi = s + 1;
                    mark += 1;
                    ti = mark;
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|c| *c == '*'))
}

/// Whether an action pattern (`iam:Create*`, `*`) covers `namespace:action`.
fn covers(pattern: &str, namespace: &str, action: &str) -> bool {
    matches(pattern, &format!("{namespace}:{action}"))
}

/// Whether an action pattern can cover some action of `namespace`.
fn touches(pattern: &str, namespace: &str) -> bool {
    match pattern.split_once(':') {
        Some((service, _)) => matches(service, namespace),
        None => pattern.chars().all(|c| c == '*'),
    }
}

/// Whether an action pattern covers every action of `namespace` (`iam:*`, `*`).
fn covers_all(pattern: &str, namespace: &str) -> bool {
    match pattern.split_once(':') {
        Some((service, action)) => matches(service, namespace) && action.chars().all(|c| c == '*'),
        None => pattern.chars().all(|c| c == '*'),
    }
}

/// What some policies allow: per namespace, the tracked actions allowed (empty for services
/// AWS does not track at action level).
pub(crate) type Grants = BTreeMap<&'static str, BTreeSet<&'static str>>;

/// Adds what one policy's Allow statements grant to `grants`. A statement with `NotAction`
/// grants every service it does not exclude whole.
pub(crate) fn add_grants(text: &str, grants: &mut Grants) {
    let Ok(document) = PolicyDocument::parse(text) else {
        return;
    };
    for statement in document
        .statements
        .iter()
        .filter(|s| s.effect == Effect::Allow)
    {
        let Some(action) = &statement.action else {
            continue;
        };
        for service in services() {
            let ns = service.namespace.as_str();
            let granted = match action {
                ActionElement::Action(patterns) => patterns.iter().any(|p| touches(p, ns)),
                ActionElement::NotAction(patterns) => !patterns.iter().any(|p| covers_all(p, ns)),
            };
            if !granted {
                continue;
            }
            let tracked = grants.entry(ns).or_default();
            for name in service.tracked_actions.iter().flatten() {
                let allowed = match action {
                    ActionElement::Action(patterns) => patterns.iter().any(|p| covers(p, ns, name)),
                    ActionElement::NotAction(patterns) => {
                        !patterns.iter().any(|p| covers(p, ns, name))
                    }
                };
                if allowed {
                    tracked.insert(name.as_str());
                }
            }
        }
    }
}

/// Whether the service of `namespace` is one AWS tracks at action level.
fn is_tracked(namespace: &str) -> bool {
    services()
        .iter()
        .any(|s| s.namespace == namespace && s.tracked_actions.is_some())
}

/// The name access advisor gives a namespace.
fn service_name(namespace: &str) -> &'static str {
    services()
        .iter()
        .find(|s| s.namespace == namespace)
        .map_or("", |s| s.name.as_str())
}

/// What a report or listing is about.
pub(crate) enum Target {
    /// A user: its own and its groups' policies, its own attempts.
    User(User),
    /// A group: its policies, its members' attempts.
    Group(Entity),
    /// A role: its policies, its sessions' attempts.
    Role(Entity),
    /// A managed policy: its default version, the attempts of every user and role it is
    /// attached to (directly or through a group).
    Policy(ManagedPolicy),
}

/// Finds what `arn` names: a user, group or role of this account, or (when `policies`) a
/// managed policy. `NoSuchEntity` when it does not exist, `InvalidInput` for any other ARN.
pub(crate) async fn resolve(
    state: &AppState,
    text: &str,
    policies: bool,
) -> Result<Target, ApiError> {
    let invalid = || ApiError::InvalidInput(format!("ARN {text} is not valid."));
    let parsed = IamArn::parse(text).ok_or_else(invalid)?;
    if parsed.resource_type == IamResourceType::Policy && policies {
        return match find_managed_policy(state, text).await? {
            Some(policy) => Ok(Target::Policy(policy)),
            None => Err(no_such_policy(text)),
        };
    }
    if parsed.account != state.account.0 {
        return Err(invalid());
    }
    let kind = match parsed.resource_type {
        IamResourceType::User => {
            return match state.store.get_user(&parsed.name).await {
                Ok(user) if user.path == parsed.path => Ok(Target::User(user)),
                Ok(_) | Err(StoreError::NotFound) => Err(no_such_user(&parsed.name)),
                Err(e) => Err(ApiError::from_store(e)),
            }
        }
        IamResourceType::Group => EntityKind::Group,
        IamResourceType::Role => EntityKind::Role,
        IamResourceType::Policy | IamResourceType::InstanceProfile => return Err(invalid()),
    };
    let noun = if kind == EntityKind::Group {
        "group"
    } else {
        "role"
    };
    match state.store.get_entity(kind, &parsed.name).await {
        Ok(entity) if entity.path == parsed.path => Ok(match kind {
            EntityKind::Group => Target::Group(entity),
            _ => Target::Role(entity),
        }),
        Ok(_) | Err(StoreError::NotFound) => Err(ApiError::no_such_named(noun, &parsed.name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// One policy that may grant the target access, as `ListPoliciesGrantingServiceAccess` shows
/// it.
pub(crate) struct GrantingPolicy {
    /// The policy's name.
    pub(crate) name: String,
    /// A managed policy's ARN; `None` for an inline policy.
    pub(crate) arn: Option<String>,
    /// An inline policy's holder: its type (`USER`, `GROUP`, `ROLE`) and name.
    pub(crate) holder: Option<(&'static str, String)>,
    /// The policy's JSON text (a managed policy's default version).
    pub(crate) text: String,
}

/// The inline and attached policies of one user, group or role.
async fn own_policies(
    state: &AppState,
    owner: &EntityRef,
    holder: (&'static str, String),
    out: &mut Vec<GrantingPolicy>,
) -> Result<(), ApiError> {
    let inline = state
        .store
        .list_documents(owner, DocumentKind::InlinePolicy, all_items())
        .await
        .map_err(ApiError::from_store)?;
    out.extend(inline.items.into_iter().map(|d| GrantingPolicy {
        name: d.name,
        arn: None,
        holder: Some(holder.clone()),
        text: d.text,
    }));
    for relation in all_relations(state, RelationKind::PolicyAttachment, Some(owner), None).await? {
        let policy_arn = arn_of(state, &relation.to).await?;
        if let Some((name, text)) = managed_policy_by_arn(state, &policy_arn).await? {
            out.push(GrantingPolicy {
                name,
                arn: Some(policy_arn),
                holder: None,
                text,
            });
        }
    }
    Ok(())
}

/// The permissions policies of the target: a user's own and its groups', a group's or role's
/// own, or the managed policy itself.
pub(crate) async fn policies_of(
    state: &AppState,
    target: &Target,
) -> Result<Vec<GrantingPolicy>, ApiError> {
    let mut out = Vec::new();
    match target {
        Target::User(user) => {
            let reference = EntityRef::new(EntityKind::User, &user.user_id.0);
            own_policies(state, &reference, ("USER", user.name.clone()), &mut out).await?;
            for membership in
                all_relations(state, RelationKind::GroupMember, Some(&reference), None).await?
            {
                let group = match state
                    .store
                    .get_entity_by_id(EntityKind::Group, &membership.to.id)
                    .await
                {
                    Ok(group) => group,
                    Err(StoreError::NotFound) => continue,
                    Err(e) => return Err(ApiError::from_store(e)),
                };
                own_policies(state, &membership.to, ("GROUP", group.name), &mut out).await?;
            }
        }
        Target::Group(group) => {
            own_policies(
                state,
                &group.reference(),
                ("GROUP", group.name.clone()),
                &mut out,
            )
            .await?;
        }
        Target::Role(role) => {
            own_policies(
                state,
                &role.reference(),
                ("ROLE", role.name.clone()),
                &mut out,
            )
            .await?;
        }
        Target::Policy(policy) => {
            let policy_arn = policy.arn(state);
            if let Some((name, text)) = managed_policy_by_arn(state, &policy_arn).await? {
                out.push(GrantingPolicy {
                    name,
                    arn: Some(policy_arn),
                    holder: None,
                    text,
                });
            }
        }
    }
    Ok(out)
}

/// A user or role whose attempts a report counts.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Principal {
    /// `USER` or `ROLE`.
    pub(crate) kind: String,
    /// Its id.
    pub(crate) id: String,
    /// Its name.
    pub(crate) name: String,
    /// Its path.
    pub(crate) path: String,
    /// Its ARN.
    pub(crate) arn: String,
}

impl Principal {
    fn of_user(state: &AppState, user: &User) -> Self {
        Principal {
            kind: "USER".to_owned(),
            id: user.user_id.0.clone(),
            name: user.name.clone(),
            path: user.path.clone(),
            arn: arn::user(&state.account, &user.path, &user.name),
        }
    }

    fn of_role(state: &AppState, role: &Entity) -> Self {
        Principal {
            kind: "ROLE".to_owned(),
            id: role.id.clone(),
            name: role.name.clone(),
            path: role.path.clone(),
            arn: arn::role(&state.account, &role.path, &role.name),
        }
    }

    fn reference(&self) -> EntityRef {
        let kind = if self.kind == "ROLE" {
            EntityKind::Role
        } else {
            EntityKind::User
        };
        EntityRef::new(kind, &self.id)
    }
}

/// The members of a group that still exist.
async fn members(state: &AppState, group: &EntityRef) -> Result<Vec<Principal>, ApiError> {
    let mut out = Vec::new();
    for relation in all_relations(state, RelationKind::GroupMember, None, Some(group)).await? {
        match state
            .store
            .get_user_by_id(&keyward_store::UserId(relation.from.id.clone()))
            .await
        {
            Ok(user) => out.push(Principal::of_user(state, &user)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    Ok(out)
}

/// The users and roles whose attempts the report counts.
async fn principals_of(state: &AppState, target: &Target) -> Result<Vec<Principal>, ApiError> {
    Ok(match target {
        Target::User(user) => vec![Principal::of_user(state, user)],
        Target::Role(role) => vec![Principal::of_role(state, role)],
        Target::Group(group) => members(state, &group.reference()).await?,
        Target::Policy(policy) => {
            let mut out: Vec<Principal> = Vec::new();
            let holders = all_relations(
                state,
                RelationKind::PolicyAttachment,
                None,
                Some(&policy.target()),
            )
            .await?;
            for relation in holders {
                let found = match relation.from.kind {
                    EntityKind::User => state
                        .store
                        .get_user_by_id(&keyward_store::UserId(relation.from.id.clone()))
                        .await
                        .map(|u| vec![Principal::of_user(state, &u)]),
                    EntityKind::Role => state
                        .store
                        .get_entity_by_id(EntityKind::Role, &relation.from.id)
                        .await
                        .map(|r| vec![Principal::of_role(state, &r)]),
                    EntityKind::Group => Ok(members(state, &relation.from).await?),
                    _ => Ok(Vec::new()),
                };
                match found {
                    Ok(principals) => {
                        for p in principals {
                            if !out.iter().any(|o| o.kind == p.kind && o.id == p.id) {
                                out.push(p);
                            }
                        }
                    }
                    Err(StoreError::NotFound) => {}
                    Err(e) => return Err(ApiError::from_store(e)),
                }
            }
            out
        }
    })
}

/// The latest attempt at a service or action, and by whom.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Attempt {
    /// Unix milliseconds.
    time: i64,
    /// The region.
    region: String,
    /// The user's or role's ARN.
    entity: String,
}

impl Attempt {
    fn newer(this: Option<Attempt>, other: Attempt) -> Option<Attempt> {
        match this {
            Some(known) if known.time >= other.time => Some(known),
            _ => Some(other),
        }
    }
}

/// One tracked action of a service in an `ACTION_LEVEL` report.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct ActionRow {
    action: String,
    last: Option<Attempt>,
}

/// One service of a report.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct ServiceRow {
    namespace: String,
    name: String,
    last: Option<Attempt>,
    total: usize,
    tracked: Option<Vec<ActionRow>>,
}

/// One user or role of a report, with its latest attempt per namespace (Unix milliseconds).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct EntityRow {
    principal: Principal,
    last: BTreeMap<String, i64>,
}

/// A computed report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Report {
    services: Vec<ServiceRow>,
    entities: Vec<EntityRow>,
}

/// Computes the report of `target` from the policies and the recorded attempts.
pub(crate) async fn build(
    state: &AppState,
    target: &Target,
    action_level: bool,
) -> Result<Report, ApiError> {
    let mut grants = Grants::new();
    for policy in policies_of(state, target).await? {
        add_grants(&policy.text, &mut grants);
    }
    let principals = principals_of(state, target).await?;
    let mut used: Vec<(Principal, HashMap<String, LastAccess>)> = Vec::new();
    for principal in principals {
        let attempts = state
            .last_access
            .of(state.store.as_ref(), &principal.reference())
            .await
            .map_err(ApiError::from_store)?;
        used.push((principal, attempts));
    }
    let mut services = Vec::new();
    for (namespace, tracked) in &grants {
        let prefix = format!("{namespace}:");
        let mut last: Option<Attempt> = None;
        let mut total = 0;
        for (principal, attempts) in &used {
            let mut counted = false;
            for (action, access) in attempts {
                let in_service = action
                    .get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(&prefix));
                if in_service {
                    counted = true;
                    last = Attempt::newer(
                        last,
                        Attempt {
                            time: unix_millis(access.time),
                            region: access.region.clone(),
                            entity: principal.arn.clone(),
                        },
                    );
                }
            }
            total += usize::from(counted);
        }
        let tracked = (action_level && is_tracked(namespace)).then(|| {
            tracked
                .iter()
                .map(|action| {
                    let full = format!("{namespace}:{action}");
                    let mut last: Option<Attempt> = None;
                    for (principal, attempts) in &used {
                        if let Some(access) = attempts.get(&full) {
                            last = Attempt::newer(
                                last,
                                Attempt {
                                    time: unix_millis(access.time),
                                    region: access.region.clone(),
                                    entity: principal.arn.clone(),
                                },
                            );
                        }
                    }
                    ActionRow {
                        action: (*action).to_owned(),
                        last,
                    }
                })
                .collect()
        });
        services.push(ServiceRow {
            namespace: (*namespace).to_owned(),
            name: service_name(namespace).to_owned(),
            last,
            total,
            tracked,
        });
    }
    let entities = used
        .into_iter()
        .map(|(principal, attempts)| {
            let mut last: BTreeMap<String, i64> = BTreeMap::new();
            for (action, access) in attempts {
                if let Some((namespace, _)) = action.split_once(':') {
                    let t = unix_millis(access.time);
                    let entry = last.entry(namespace.to_owned()).or_insert(t);
                    *entry = (*entry).max(t);
                }
            }
            EntityRow { principal, last }
        })
        .collect();
    Ok(Report { services, entities })
}

/// A time as Unix milliseconds, as reports keep attempts.
fn unix_millis(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Unix milliseconds as a time; AWS reports it to the second.
fn seconds(millis: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(millis.div_euclid(1000))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

impl Report {
    /// A page of `ServicesLastAccessed`, sorted by namespace.
    pub(crate) fn services_page(&self, paging: &Paging) -> (Vec<Element>, Vec<Element>) {
        let rows: Vec<(String, &ServiceRow)> = self
            .services
            .iter()
            .map(|row| (row.namespace.clone(), row))
            .collect();
        let page = paging.page_in_memory(rows);
        let items = page
            .items
            .into_iter()
            .map(|row| {
                let mut fields = vec![Element::text("ServiceName", &row.name)];
                if let Some(last) = &row.last {
                    fields.push(Element::time("LastAuthenticated", seconds(last.time)));
                }
                fields.push(Element::text("ServiceNamespace", &row.namespace));
                if let Some(last) = &row.last {
                    fields.push(Element::text("LastAuthenticatedEntity", &last.entity));
                    fields.push(Element::text("LastAuthenticatedRegion", &last.region));
                }
                fields.push(Element::text(
                    "TotalAuthenticatedEntities",
                    row.total.to_string(),
                ));
                if let Some(tracked) = &row.tracked {
                    fields.push(Element::list(
                        "TrackedActionsLastAccessed",
                        tracked.iter().map(action_element).collect(),
                    ));
                }
                Element::parent("ServiceLastAccessed", fields)
            })
            .collect();
        (items, paging_fields(page.next_marker))
    }

    /// A page of `EntityDetailsList` for one namespace: every user or role the report covers,
    /// the most recent attempt first, those that never attempted it last.
    pub(crate) fn entities_page(
        &self,
        namespace: &str,
        paging: &Paging,
    ) -> (Vec<Element>, Vec<Element>) {
        let rows: Vec<(String, (&Principal, Option<i64>))> = self
            .entities
            .iter()
            .map(|row| {
                let last = row
                    .last
                    .iter()
                    .find(|(ns, _)| ns.eq_ignore_ascii_case(namespace))
                    .map(|(_, t)| *t);
                let key = match last {
                    Some(t) => format!("0{:020}{}", i64::MAX.saturating_sub(t), row.principal.arn),
                    None => format!("1{}", row.principal.arn),
                };
                (key, (&row.principal, last))
            })
            .collect();
        let page = paging.page_in_memory(rows);
        let items = page
            .items
            .into_iter()
            .map(|(principal, last)| {
                let info = vec![
                    Element::text("Arn", &principal.arn),
                    Element::text("Name", &principal.name),
                    Element::text("Type", &principal.kind),
                    Element::text("Id", &principal.id),
                    Element::text("Path", &principal.path),
                ];
                let mut fields = vec![Element::parent("EntityInfo", info)];
                if let Some(t) = last {
                    fields.push(Element::time("LastAuthenticated", seconds(t)));
                }
                Element::parent("EntityDetails", fields)
            })
            .collect();
        (items, paging_fields(page.next_marker))
    }
}

fn action_element(row: &ActionRow) -> Element {
    let mut fields = vec![Element::text("ActionName", &row.action)];
    if let Some(last) = &row.last {
        fields.push(Element::text("LastAccessedEntity", &last.entity));
        fields.push(Element::time("LastAccessedTime", seconds(last.time)));
        fields.push(Element::text("LastAccessedRegion", &last.region));
    }
    Element::parent("TrackedActionLastAccessed", fields)
}

/// A report job.
pub(crate) struct Job {
    /// `SERVICE_LEVEL` or `ACTION_LEVEL`.
    pub(crate) job_type: String,
    /// When it was created.
    pub(crate) created: OffsetDateTime,
    /// When it completed or failed; `None` while in progress.
    pub(crate) completed: Option<OffsetDateTime>,
    /// The result, once completed.
    pub(crate) report: Option<Report>,
    /// Why it failed, if it did.
    pub(crate) error: Option<String>,
}

impl Job {
    /// `IN_PROGRESS`, `COMPLETED` or `FAILED`.
    pub(crate) fn status(&self) -> &'static str {
        match (&self.completed, &self.error) {
            (None, _) => "IN_PROGRESS",
            (Some(_), Some(_)) => "FAILED",
            (Some(_), None) => "COMPLETED",
        }
    }

    /// `Error` of a failed job.
    pub(crate) fn error_element(&self) -> Option<Element> {
        self.error.as_ref().map(|message| {
            Element::parent(
                "Error",
                vec![
                    Element::text("Message", message),
                    Element::text("Code", "ServiceFailure"),
                ],
            )
        })
    }
}

const ATTR_TYPE: &str = "JobType";
const ATTR_ARN: &str = "Arn";
const ATTR_READER: &str = "Reader";
const ATTR_CREATED: &str = "Created";
const ATTR_COMPLETED: &str = "Completed";
const ATTR_REPORT: &str = "Report";
const ATTR_ERROR: &str = "Error";

/// Milliseconds since the epoch, as the job's dates are kept (AWS reports them with fractions).
fn millis(t: OffsetDateTime) -> String {
    (t.unix_timestamp_nanos() / 1_000_000).to_string()
}

fn from_millis(text: &str) -> Option<OffsetDateTime> {
    let ms: i128 = text.parse().ok()?;
    OffsetDateTime::from_unix_timestamp_nanos(ms * 1_000_000).ok()
}

/// Starts a job for `arn` read by `caller`: stored in progress, computed, then stored
/// completed (or failed). Returns its id.
pub(crate) async fn run_job(
    state: &AppState,
    caller: &Caller,
    target: &Target,
    arn: &str,
    action_level: bool,
) -> Result<String, ApiError> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now();
    let created = now
        .replace_nanosecond(u32::from(now.millisecond()) * 1_000_000)
        .unwrap_or(now);
    let job_type = if action_level {
        "ACTION_LEVEL"
    } else {
        "SERVICE_LEVEL"
    };
    let entity = Entity {
        kind: EntityKind::AccessAdvisorJob,
        id: id.clone(),
        name: id.clone(),
        path: "/".to_owned(),
        create_date: created.replace_nanosecond(0).unwrap_or(created),
        attributes: keyward_store::attributes([
            (ATTR_TYPE, job_type),
            (ATTR_ARN, arn),
            (ATTR_READER, &caller.arn()),
            (ATTR_CREATED, &millis(created)),
        ]),
    };
    state
        .store
        .create_entity(&entity, &[], &[], &[])
        .await
        .map_err(ApiError::from_store)?;
    let (result, error) = match build(state, target, action_level).await {
        Ok(report) => match serde_json::to_string(&report) {
            Ok(json) => (Some(json), None),
            Err(e) => {
                tracing::error!(error = %e, "service last accessed report does not serialize");
                (None, Some("The report could not be generated.".to_owned()))
            }
        },
        Err(e) => {
            tracing::error!(error = ?e, job = %id, "service last accessed report failed");
            (None, Some("The report could not be generated.".to_owned()))
        }
    };
    let completed = state.clock.now();
    let mut attributes = vec![(ATTR_COMPLETED.to_owned(), Some(millis(completed)))];
    if let Some(json) = result {
        attributes.push((ATTR_REPORT.to_owned(), Some(json)));
    }
    if let Some(message) = error {
        attributes.push((ATTR_ERROR.to_owned(), Some(message)));
    }
    let update = EntityUpdate {
        attributes,
        ..EntityUpdate::default()
    };
    state
        .store
        .update_entity(EntityKind::AccessAdvisorJob, &id, &update)
        .await
        .map_err(ApiError::from_store)?;
    Ok(id)
}

/// The job `job_id` as `caller` may read it: only the principal that generated a job reads
/// it, as the API Reference says of `JobId`; any other id is `InvalidInput`.
pub(crate) async fn load_job(
    state: &AppState,
    caller: &Caller,
    job_id: &str,
) -> Result<Job, ApiError> {
    let invalid = || ApiError::InvalidInput(format!("Job {job_id} is not valid."));
    let entity = match state
        .store
        .get_entity(EntityKind::AccessAdvisorJob, job_id)
        .await
    {
        Ok(e) if e.name == job_id => e,
        Ok(_) | Err(StoreError::NotFound) => return Err(invalid()),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    if entity.attribute(ATTR_READER) != Some(caller.arn().as_str()) {
        return Err(invalid());
    }
    let created = entity
        .attribute(ATTR_CREATED)
        .and_then(from_millis)
        .unwrap_or(entity.create_date);
    let report = match entity.attribute(ATTR_REPORT) {
        Some(json) => Some(serde_json::from_str(json).map_err(|e| {
            tracing::error!(error = %e, "stored service last accessed report does not parse");
            ApiError::ServiceFailure
        })?),
        None => None,
    };
    Ok(Job {
        job_type: entity
            .attribute(ATTR_TYPE)
            .unwrap_or("SERVICE_LEVEL")
            .to_owned(),
        created,
        completed: entity.attribute(ATTR_COMPLETED).and_then(from_millis),
        report,
        error: entity.attribute(ATTR_ERROR).map(str::to_owned),
    })
}

/// A job date as AWS writes them: with milliseconds.
pub(crate) fn job_time(name: &'static str, t: OffsetDateTime) -> Element {
    let whole = t.replace_nanosecond(0).unwrap_or(t);
    let text = crate::protocol::xml::timestamp(whole);
    let text = match text.strip_suffix('Z') {
        Some(base) => format!("{base}.{:03}Z", t.millisecond()),
        None => text,
    };
    Element::text(name, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_data_loads_with_names_and_tracked_actions() {
        assert!(services().len() > 400);
        assert_eq!(service_name("iam"), "AWS Identity and Access Management");
        assert_eq!(service_name("sts"), "AWS Security Token Service");
        assert!(is_tracked("iam") && is_tracked("s3") && !is_tracked("sts"));
        let iam = services().iter().find(|s| s.namespace == "iam").unwrap();
        let tracked = iam.tracked_actions.as_ref().unwrap();
        assert!(tracked.iter().any(|a| a == "CreateUser"));
        assert!(
            !tracked.iter().any(|a| a == "ListUsers"),
            "reads are not tracked"
        );
    }

    #[test]
    fn wildcards_match_as_iam_does() {
        assert!(matches("iam:Create*", "IAM:CreateUser"));
        assert!(matches("*", "s3:GetObject"));
        assert!(matches("s?s:*", "sts:AssumeRole"));
        assert!(!matches("iam:Get*", "iam:ListUsers"));
        assert!(!matches("iam", "iam:ListUsers"));
    }

    #[test]
    fn allow_statements_grant_services_and_tracked_actions() {
        let mut grants = Grants::new();
        add_grants(
            r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["iam:CreateUser","iam:List*","sts:GetCallerIdentity"],"Resource":"*"},
                {"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#,
            &mut grants,
        );
        assert_eq!(grants.keys().copied().collect::<Vec<_>>(), ["iam", "sts"]);
        assert_eq!(
            grants["iam"].iter().copied().collect::<Vec<_>>(),
            ["CreateUser"]
        );
        assert!(grants["sts"].is_empty());

        let mut everything_but_iam = Grants::new();
        add_grants(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"#,
            &mut everything_but_iam,
        );
        assert!(!everything_but_iam.contains_key("iam"));
        assert!(everything_but_iam.contains_key("s3") && everything_but_iam.contains_key("sts"));
        assert!(everything_but_iam["s3"].contains("PutBucketPolicy"));
    }
}
