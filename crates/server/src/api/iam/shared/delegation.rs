//! IAM temporary delegation requests: the stored request, its lifecycle, who may act on it,
//! its wire shape, the exchange token and the partner's notifications.
//!
//! States and transitions follow the IAM User Guide, "Building your integration"
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-building-integration.html>):
//! UNASSIGNED → ASSIGNED (associate) → PENDING_APPROVAL (update) → ACCEPTED (accept) →
//! FINALIZED (send token); ASSIGNED, PENDING_APPROVAL and ACCEPTED → REJECTED. A request
//! expires 1 day after creation while unassigned and 7 days after its last transition
//! otherwise; FINALIZED, REJECTED and EXPIRED are terminal.
//!
//! Keyward serves one account, so the partner's principals (named in the partners file) and
//! the customer's identities live in the same account. Where AWS separates them by account,
//! Keyward separates them by principal: a partner principal may create requests and redeem
//! their tokens, never associate, forward, accept, reject or release one.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64;
use base64::Engine as _;
use http_body_util::Full;
use hyper::body::Bytes;
use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use crate::api::Context;
use crate::arn;
use crate::audit::{AuditRecord, EventSource, Origin, UserIdentity};
use crate::auth::identity::{Caller, Identity};
use crate::auth::session::DelegatedApprover;
use crate::authz::{Authorization, Resource};
use crate::delegation::Parameter;
use crate::error::ApiError;
use crate::protocol::xml::{timestamp, Element};
use crate::state::AppState;

/// Attribute names of a stored request.
pub(crate) mod attr {
    pub(crate) const OWNER_ACCOUNT: &str = "owner_account";
    pub(crate) const DESCRIPTION: &str = "description";
    pub(crate) const MESSAGE: &str = "request_message";
    pub(crate) const TEMPLATE: &str = "template_arn";
    pub(crate) const PARAMETERS: &str = "parameters";
    pub(crate) const POLICY: &str = "policy";
    pub(crate) const WORKFLOW: &str = "workflow_id";
    pub(crate) const REDIRECT: &str = "redirect_url";
    pub(crate) const CHANNEL: &str = "notification_channel";
    pub(crate) const DURATION: &str = "session_duration";
    pub(crate) const ONLY_OWNER_SENDS: &str = "only_send_by_owner";
    pub(crate) const OWNER_ID: &str = "owner_id";
    pub(crate) const APPROVER_ID: &str = "approver_id";
    pub(crate) const APPROVER: &str = "approver";
    pub(crate) const STATE: &str = "state";
    pub(crate) const EXPIRES: &str = "expires";
    pub(crate) const REQUESTOR_ID: &str = "requestor_id";
    pub(crate) const REQUESTOR_NAME: &str = "requestor_name";
    pub(crate) const NOTES: &str = "notes";
    pub(crate) const REJECTION: &str = "rejection_reason";
    pub(crate) const UPDATED: &str = "updated";
    pub(crate) const TOKEN_HASH: &str = "token_sha256";
    pub(crate) const ACCESS_EXPIRES: &str = "access_expires";
}

/// How long an unassigned request lives.
const UNASSIGNED_LIFETIME: Duration = Duration::days(1);
/// How long a request lives after any other transition.
const STATE_LIFETIME: Duration = Duration::days(7);
/// The longest session a root user may approve ("4 hours or less").
pub(crate) const ROOT_MAX_DURATION: i64 = 4 * 3600;
/// Binds sealed exchange tokens to their purpose.
const TOKEN_CONTEXT: &str = "keyward-delegation-exchange-token-v1";
/// Versions the exchange token format.
const TOKEN_PREFIX: &str = "KWX1";

/// A request's state (`stateType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    Unassigned,
    Assigned,
    PendingApproval,
    Accepted,
    Finalized,
    Rejected,
    Expired,
}

impl State {
    /// AWS's spelling.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            State::Unassigned => "UNASSIGNED",
            State::Assigned => "ASSIGNED",
            State::PendingApproval => "PENDING_APPROVAL",
            State::Accepted => "ACCEPTED",
            State::Finalized => "FINALIZED",
            State::Rejected => "REJECTED",
            State::Expired => "EXPIRED",
        }
    }

    fn parse(s: &str) -> Option<State> {
        [
            State::Unassigned,
            State::Assigned,
            State::PendingApproval,
            State::Accepted,
            State::Finalized,
            State::Rejected,
            State::Expired,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// A stored request as the operations read it.
pub(crate) struct Request {
    pub(crate) entity: Entity,
    pub(crate) state: State,
}

impl Request {
    pub(crate) fn id(&self) -> &str {
        &self.entity.id
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.entity.attribute(name)
    }

    pub(crate) fn owner_id(&self) -> Option<&str> {
        self.get(attr::OWNER_ID)
    }

    pub(crate) fn duration(&self) -> i64 {
        self.get(attr::DURATION)
            .and_then(|d| d.parse().ok())
            .unwrap_or_default()
    }

    pub(crate) fn policy(&self) -> Value {
        self.get(attr::POLICY)
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or(Value::Null)
    }

    fn unix(&self, name: &str) -> Option<OffsetDateTime> {
        self.get(name)
            .and_then(|t| t.parse().ok())
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
    }
}

/// The ARN of a delegation request (the Service Authorization Reference's
/// `arn:${Partition}:iam::${Account}:delegation-request/${DelegationRequestId}`).
pub(crate) fn request_arn(state: &AppState, id: &str) -> String {
    format!("arn:aws:iam::{}:delegation-request/{id}", state.account.0)
}

/// `NoSuchEntity` for a request id.
pub(crate) fn no_such_request(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Delegation request {id} not found."))
}

/// Loads a request; a request past its expiry reads as `EXPIRED` (and is stored so).
pub(crate) async fn load(state: &AppState, id: &str) -> Result<Request, ApiError> {
    let entity = match state
        .store
        .get_entity(EntityKind::DelegationRequest, id)
        .await
    {
        Ok(e) => e,
        Err(StoreError::NotFound) => return Err(no_such_request(id)),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let stored = entity
        .attribute(attr::STATE)
        .and_then(State::parse)
        .ok_or(ApiError::ServiceFailure)?;
    let mut request = Request {
        entity,
        state: stored,
    };
    let now = state.clock.now();
    if stored != State::Expired && request.unix(attr::EXPIRES).is_some_and(|e| now >= e) {
        request = transition(state, &request, State::Expired, Vec::new(), Some(stored)).await?;
    }
    Ok(request)
}

/// Every stored request, each read through [`load`].
pub(crate) async fn all(state: &AppState) -> Result<Vec<Request>, ApiError> {
    let entities =
        crate::directory::all_entities(state, EntityKind::DelegationRequest, "/").await?;
    let mut out = Vec::with_capacity(entities.len());
    for e in entities {
        match load(state, &e.name).await {
            Ok(r) => out.push(r),
            Err(ApiError::NoSuchEntity(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Serializes state changes, so that a transition reads the state it replaces.
static TRANSITIONS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The stored state of a request `CreateDelegationRequest` has written but not yet put in
/// `UNASSIGNED` (its first transition, which sets its expiry).
pub(crate) const CREATING: &str = "CREATING";

/// Moves `request` from `from` (`None`: just created) to `to` and sets `changes`, refusing
/// with `ConcurrentModification` if another call changed its state meanwhile.
pub(crate) async fn transition(
    state: &AppState,
    request: &Request,
    to: State,
    mut changes: Vec<(String, Option<String>)>,
    from: Option<State>,
) -> Result<Request, ApiError> {
    let guard = TRANSITIONS.lock().await;
    let current = state
        .store
        .get_entity(EntityKind::DelegationRequest, request.id())
        .await
        .map_err(ApiError::from_store)?;
    if current.attribute(attr::STATE) != Some(from.map_or(CREATING, State::as_str)) {
        return Err(ApiError::ConcurrentModification(format!(
            "Delegation request {} was modified by another request; retry.",
            request.id()
        )));
    }
    let now = state.clock.now();
    let lifetime = match to {
        State::Unassigned => UNASSIGNED_LIFETIME,
        _ => STATE_LIFETIME,
    };
    if to != State::Expired {
        changes.push((
            attr::EXPIRES.to_owned(),
            Some((now + lifetime).unix_timestamp().to_string()),
        ));
    }
    changes.push((attr::STATE.to_owned(), Some(to.as_str().to_owned())));
    changes.push((
        attr::UPDATED.to_owned(),
        Some(now.unix_timestamp().to_string()),
    ));
    let entity = state
        .store
        .update_entity(
            EntityKind::DelegationRequest,
            request.id(),
            &EntityUpdate {
                new_name: None,
                new_path: None,
                attributes: changes,
            },
        )
        .await
        .map_err(ApiError::from_store)?;
    drop(guard);
    let updated = Request { entity, state: to };
    notify(state, &updated, None).await;
    Ok(updated)
}

/// `InvalidInput` for an operation the request's state does not allow.
pub(crate) fn wrong_state(request: &Request, action: &str) -> ApiError {
    ApiError::InvalidInput(format!(
        "Delegation request {} is in state {} and cannot be {action}.",
        request.id(),
        request.state.as_str()
    ))
}

/// The caller's ARN as a request's owner or approver records it.
pub(crate) fn caller_arn(caller: &Caller) -> String {
    caller.arn()
}

/// The ARN by which the partners file names the caller: a user's ARN, or a role session's
/// role ARN.
pub(crate) fn principal_arn(ctx: &Context<'_>) -> Option<String> {
    match &ctx.caller.identity {
        Identity::User(_) => Some(ctx.caller.arn()),
        Identity::RoleSession(s) => Some(arn::role(&ctx.state.account, &s.role_path, &s.role_name)),
        Identity::Root | Identity::FederatedUser(_) | Identity::Delegated(_) => None,
    }
}

/// Refuses partner principals (and delegated sessions) on the customer's side of a request.
pub(crate) fn refuse_partner(ctx: &Context<'_>, action: &str, id: &str) -> Result<(), ApiError> {
    let partner = principal_arn(ctx).is_some_and(|a| ctx.state.partners.is_partner_principal(&a));
    if partner || matches!(ctx.caller.identity, Identity::Delegated(_)) {
        return Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: iam:{action} on resource: {} because the \
             requesting partner may not act for the customer",
            ctx.caller.arn(),
            request_arn(ctx.state, id)
        )));
    }
    Ok(())
}

/// Whether the request's owner account lets the caller see or claim it: no owner account,
/// or the account served (the caller's).
pub(crate) fn account_may_see(ctx: &Context<'_>, request: &Request) -> bool {
    request
        .get(attr::OWNER_ACCOUNT)
        .is_none_or(|a| a == ctx.caller.account.0)
}

/// What the caller must be allowed for `action` on a request: its owner has a default
/// permission (only an explicit deny refuses); anyone else needs `iam:<action>`. A request
/// targeted at another account is not the caller's to touch.
pub(crate) fn access(
    ctx: &Context<'_>,
    request: &Request,
    action: &str,
    owner_default: bool,
) -> Result<Authorization, ApiError> {
    let resource = Resource::arn(request_arn(ctx.state, request.id()));
    if !account_may_see(ctx, request) {
        return Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: iam:{action} on resource: {} because the \
             request is targeted at another account",
            ctx.caller.arn(),
            resource.shown_as
        )));
    }
    if owner_default && request.owner_id() == Some(caller_arn(ctx.caller).as_str()) {
        return Ok(Authorization::UnlessDenied { resource });
    }
    Ok(Authorization::standard(resource))
}

/// The request's parameters, as stored (JSON).
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredParameter {
    pub(crate) name: String,
    pub(crate) values: Vec<String>,
    pub(crate) list: bool,
}

impl From<&StoredParameter> for Parameter {
    fn from(p: &StoredParameter) -> Parameter {
        Parameter {
            name: p.name.clone(),
            values: p.values.clone(),
            list: p.list,
        }
    }
}

/// The `DelegationRequest` structure, in the model's member order.
pub(crate) fn element(name: &'static str, request: &Request) -> Element {
    let mut fields = vec![Element::text("DelegationRequestId", request.id())];
    let text = |field: &'static str, a: &str| request.get(a).map(|v| Element::text(field, v));
    fields.extend(text("OwnerAccountId", attr::OWNER_ACCOUNT));
    fields.extend(text("Description", attr::DESCRIPTION));
    fields.extend(text("RequestMessage", attr::MESSAGE));
    let parameters: Vec<StoredParameter> = request
        .get(attr::PARAMETERS)
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default();
    let mut permissions = Vec::new();
    permissions.extend(text("PolicyTemplateArn", attr::TEMPLATE));
    if !parameters.is_empty() {
        permissions.push(Element::list(
            "Parameters",
            parameters
                .iter()
                .map(|p| {
                    Element::parent(
                        "member",
                        vec![
                            Element::text("Name", &p.name),
                            Element::list(
                                "Values",
                                p.values
                                    .iter()
                                    .map(|v| Element::text("member", v))
                                    .collect(),
                            ),
                            Element::text("Type", if p.list { "stringList" } else { "string" }),
                        ],
                    )
                })
                .collect(),
        ));
    }
    fields.push(Element::parent("Permissions", permissions));
    fields.extend(text("PermissionPolicy", attr::POLICY));
    let boundaries = boundary_arns(&request.policy());
    if !boundaries.is_empty() {
        fields.push(Element::list(
            "RolePermissionRestrictionArns",
            boundaries
                .into_iter()
                .map(|b| Element::text("member", b))
                .collect(),
        ));
    }
    fields.extend(text("OwnerId", attr::OWNER_ID));
    fields.extend(text("ApproverId", attr::APPROVER_ID));
    fields.push(Element::text("State", request.state.as_str()));
    if request.state != State::Expired {
        if let Some(t) = request.unix(attr::EXPIRES) {
            fields.push(Element::time("ExpirationTime", t));
        }
    }
    fields.extend(text("RequestorId", attr::REQUESTOR_ID));
    fields.extend(text("RequestorName", attr::REQUESTOR_NAME));
    fields.push(Element::time("CreateDate", request.entity.create_date));
    fields.push(Element::text(
        "SessionDuration",
        request.duration().to_string(),
    ));
    fields.extend(text("RedirectUrl", attr::REDIRECT));
    fields.extend(text("Notes", attr::NOTES));
    fields.extend(text("RejectionReason", attr::REJECTION));
    fields.push(Element::boolean(
        "OnlySendByOwner",
        request.get(attr::ONLY_OWNER_SENDS) == Some("true"),
    ));
    if let Some(t) = request.unix(attr::UPDATED) {
        fields.push(Element::time("UpdatedTime", t));
    }
    Element::parent(name, fields)
}

/// The permissions boundaries a policy requires of the roles it lets the partner create or
/// change: the values of its `iam:PermissionsBoundary` conditions.
pub(crate) fn boundary_arns(policy: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for statement in statements {
        let Some(Value::Object(operators)) = statement.get("Condition") else {
            continue;
        };
        for keys in operators.values() {
            let Value::Object(keys) = keys else { continue };
            for (key, values) in keys {
                if key.eq_ignore_ascii_case("iam:PermissionsBoundary") {
                    match values {
                        Value::String(s) => out.push(s.clone()),
                        Value::Array(items) => {
                            out.extend(items.iter().filter_map(Value::as_str).map(str::to_owned))
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The approver as a delegated session will act: refused for identities that cannot be one.
pub(crate) fn approver_of(caller: &Caller) -> Result<DelegatedApprover, ApiError> {
    match &caller.identity {
        Identity::Root => Ok(DelegatedApprover::Root),
        Identity::User(u) => Ok(DelegatedApprover::User {
            user_id: u.user_id.0.clone(),
            name: u.name.clone(),
            path: u.path.clone(),
        }),
        Identity::RoleSession(s) if s.policies.is_empty() => {
            Ok(DelegatedApprover::Role(s.as_ref().clone()))
        }
        Identity::RoleSession(_) | Identity::FederatedUser(_) | Identity::Delegated(_) => {
            Err(ApiError::AccessDenied(format!(
                "User: {} cannot approve a delegation request: a session limited by session \
                 policies cannot delegate its permissions",
                caller.arn()
            )))
        }
    }
}

/// What an exchange token carries: the request and a random secret whose hash the request
/// keeps.
#[derive(Serialize, Deserialize)]
struct TokenBody {
    request: String,
    secret: String,
}

/// A new exchange token for `request_id` and the hash to store.
pub(crate) fn new_token(state: &AppState, request_id: &str) -> Result<(String, String), ApiError> {
    let secret = crate::ids::secret_access_key();
    let body = serde_json::to_string(&TokenBody {
        request: request_id.to_owned(),
        secret: secret.clone(),
    })
    .map_err(|_| ApiError::ServiceFailure)?;
    let sealed = state
        .master
        .seal(&body, TOKEN_CONTEXT)
        .map_err(|_| ApiError::ServiceFailure)?;
    let token = format!("{TOKEN_PREFIX}{}", BASE64.encode(sealed.as_bytes()));
    Ok((token, hash(&secret)))
}

/// The request an exchange token names and the hash of its secret; `None` for anything this
/// server did not seal.
pub(crate) fn open_token(state: &AppState, token: &str) -> Option<(String, String)> {
    let bytes = BASE64.decode(token.strip_prefix(TOKEN_PREFIX)?).ok()?;
    let json = state
        .master
        .open(
            &keyward_store::SealedSecret::from_bytes(bytes),
            TOKEN_CONTEXT,
        )
        .ok()?;
    let body: TokenBody = serde_json::from_str(&json).ok()?;
    Some((body.request, hash(&body.secret)))
}

fn hash(secret: &str) -> String {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, secret.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Publishes the partner's `StateChange` notification of the request's state (with `token`,
/// its `ExchangeToken` notification instead) to the HTTP endpoint the partners file gives its topic, in
/// SNS's envelope with the fields the guide lists. Delivery failures are logged (never with
/// the token) and lost, as an SNS topic that refuses IAM loses them.
pub(crate) async fn notify(
    state: &AppState,
    request: &Request,
    token: Option<(&str, OffsetDateTime)>,
) {
    let notified = matches!(
        request.state,
        State::Assigned
            | State::PendingApproval
            | State::Accepted
            | State::Finalized
            | State::Rejected
            | State::Expired
    );
    if !notified {
        return;
    }
    let Some(topic) = request.get(attr::CHANNEL) else {
        return;
    };
    let endpoint = request
        .get(attr::REQUESTOR_NAME)
        .and_then(|name| state.partners.named(name))
        .and_then(|p| p.notification_endpoints.get(topic).cloned());
    let Some(endpoint) = endpoint else {
        tracing::warn!(topic, "delegation notification topic has no endpoint");
        return;
    };
    let now = timestamp(state.clock.now());
    let mut message = BTreeMap::new();
    message.insert("Type", json!("StateChange"));
    message.insert("RequestId", json!(request.id()));
    message.insert("RequestorWorkflowId", json!(request.get(attr::WORKFLOW)));
    message.insert("State", json!(request.state.as_str()));
    message.insert("OwnerAccountId", json!(request.get(attr::OWNER_ACCOUNT)));
    message.insert("UpdatedAt", json!(now));
    if let Some((token, expires)) = token {
        message.insert("Type", json!("ExchangeToken"));
        message.insert("ExchangeToken", json!(token));
        message.insert("ExpiresAt", json!(timestamp(expires)));
    }
    let text = serde_json::to_string(&message).unwrap_or_default();
    let envelope = json!({
        "Type": "Notification",
        "MessageId": uuid::Uuid::new_v4().to_string(),
        "TopicArn": topic,
        "Message": text,
        "Timestamp": now,
        "SignatureVersion": "1",
    });
    post(&endpoint, envelope.to_string(), request.id()).await;
    let record = AuditRecord::api_call(
        EventSource::Iam,
        "DelegationRequestNotification",
        crate::auth::UNSIGNED_REGION,
        Origin {
            source: "iam.amazonaws.com".to_owned(),
            user_agent: "iam.amazonaws.com".to_owned(),
        },
        UserIdentity {
            kind: "AWSService",
            invoked_by: Some("iam.amazonaws.com".to_owned()),
            ..UserIdentity::default()
        },
        &crate::ids::request_id(),
    )
    .service_event()
    .with_response(Some(json!({
        "delegationRequestId": request.id(),
        "notificationChannel": topic,
        "state": request.state.as_str(),
        "exchangeTokenSent": token.is_some(),
    })))
    .with_account(Some(&state.account.0));
    state.audit.record(&record).await;
}

async fn post(endpoint: &str, body: String, id: &str) {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .build();
    let client: hyper_util::client::legacy::Client<_, Full<Bytes>> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build(connector);
    let Ok(request) = hyper::Request::post(endpoint)
        .header("content-type", "text/plain; charset=UTF-8")
        .header("x-amz-sns-message-type", "Notification")
        .body(Full::new(Bytes::from(body)))
    else {
        tracing::warn!(
            request = id,
            "delegation notification endpoint is not a URL"
        );
        return;
    };
    match tokio::time::timeout(std::time::Duration::from_secs(5), client.request(request)).await {
        Ok(Ok(response)) if response.status().is_success() => {}
        Ok(Ok(response)) => {
            tracing::warn!(request = id, status = %response.status(), "delegation notification refused")
        }
        Ok(Err(e)) => tracing::warn!(request = id, error = %e, "delegation notification failed"),
        Err(_) => tracing::warn!(request = id, "delegation notification timed out"),
    }
}
