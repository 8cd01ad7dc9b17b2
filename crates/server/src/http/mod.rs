//! The request path, top to bottom: decode → authenticate → claim room for the audit record
//! (an operation that may change something) → identify the operation → authorize → handle →
//! audit (a change waits until its record is durable) → encode. Each step lives in one place;
//! this module only strings them together.

mod cloudtrail;
pub(crate) mod console;
pub(crate) mod listener;
mod organizations;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use keyward_sigv4::{self as sigv4, SignableRequest};

use crate::api::operations::{self, Handler, Service};
use crate::api::Context;
use crate::audit::{
    change_claim, request_parameters, AuditRecord, Claim, EventSource, Origin, UserIdentity,
};
use crate::auth::credentials::{self, TimeRule};
use crate::auth::identity::{Caller, Identity};
use crate::authz::{operation_keys, RequestFacts};
use crate::config::ConnectionLimits;
use crate::error::ApiError;
use crate::ids;
use crate::metrics::metrics;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::{self, Element};
use crate::state::AppState;
use keyward_aws_model::{decode_query_input, Value};

impl Service {
    fn from_signing_name(name: &str) -> Option<Self> {
        match name {
            "iam" => Some(Service::Iam),
            "sts" => Some(Service::Sts),
            _ => None,
        }
    }

    /// Guesses the service of a request that could not be authenticated, for the error's XML
    /// namespace: an action of STS's model, or STS's API version.
    fn guess(query: &QueryRequest) -> Self {
        let in_sts_model = |action: &str| {
            keyward_aws_model::embedded(keyward_aws_model::Service::Sts)
                .is_ok_and(|model| model.operation(action).is_some())
        };
        let is_sts =
            query.action().is_some_and(in_sts_model) || query.get("Version") == Some("2011-06-15");
        if is_sts {
            Service::Sts
        } else {
            Service::Iam
        }
    }

    /// The embedded AWS model of the service.
    fn model(self) -> keyward_aws_model::Service {
        match self {
            Service::Iam => keyward_aws_model::Service::Iam,
            Service::Sts => keyward_aws_model::Service::Sts,
            Service::Organizations => keyward_aws_model::Service::Organizations,
        }
    }

    fn namespace(self) -> &'static str {
        match self {
            Service::Iam => "https://iam.amazonaws.com/doc/2010-05-08/",
            Service::Sts => "https://sts.amazonaws.com/doc/2011-06-15/",
            Service::Organizations => "https://organizations.amazonaws.com/doc/2016-11-28/",
        }
    }

    fn version(self) -> &'static str {
        match self {
            Service::Iam => "2010-05-08",
            Service::Sts => "2011-06-15",
            Service::Organizations => "2016-11-28",
        }
    }

    fn event_source(self) -> EventSource {
        match self {
            Service::Iam => EventSource::Iam,
            Service::Sts => EventSource::Sts,
            Service::Organizations => EventSource::Organizations,
        }
    }
}

/// What happened to one request, for the response and the audit record.
struct Exchange {
    service: Service,
    action: Option<String>,
    region: Option<String>,
    caller: Option<Caller>,
    /// CloudTrail's `userIdentity` of a caller that signed nothing (a web identity).
    unsigned_identity: Option<UserIdentity>,
    access_key_id: Option<String>,
    /// The request's members, once decoded with the service's model.
    members: Option<Value>,
    /// Room in the audit log claimed for the record of an operation that may change
    /// something, before it ran: its answer waits for the record to be durable.
    claim: Option<Claim>,
    outcome: Result<Option<Element>, ApiError>,
}

/// `GET /healthz`: liveness, answers once the server accepts requests.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// `GET /metrics`: every metric of [`crate::metrics`] in Prometheus's text format.
pub async fn metrics_text(State(state): State<Arc<AppState>>) -> Response {
    let mut response = metrics().encode(state.audit.backlog()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(crate::metrics::CONTENT_TYPE),
    );
    response
}

/// How long readiness waits for the store.
const READINESS_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// `GET /readyz`: `200` only while the store accepts writes and the audit log can take a
/// record; otherwise `503`. The JSON body names each part, why a failing part fails, and how
/// many records of read-only calls were dropped for want of room.
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    let store = match tokio::time::timeout(READINESS_TIMEOUT, state.store.check_writable()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!(
            "no answer within {} s",
            READINESS_TIMEOUT.as_secs()
        )),
    };
    let audit = state.audit.check().await.map_err(|e| e.to_string());
    let part = |result: &Result<(), String>| match result {
        Ok(()) => serde_json::json!({"ok": true}),
        Err(e) => serde_json::json!({"ok": false, "error": e}),
    };
    let ready = store.is_ok() && audit.is_ok();
    let audit_part = match &audit {
        Ok(()) => serde_json::json!({"ok": true, "records_dropped": state.audit.dropped()}),
        Err(e) => serde_json::json!({
            "ok": false,
            "error": e,
            "records_dropped": state.audit.dropped(),
        }),
    };
    let failing: Vec<&str> = [("store", &store), ("audit_log", &audit)]
        .into_iter()
        .filter(|(_, result)| result.is_err())
        .map(|(name, _)| name)
        .collect();
    let body = serde_json::json!({
        "status": if ready { "ready" } else { "not ready" },
        "failing": failing,
        "store": part(&store),
        "audit_log": audit_part,
    });
    if !ready {
        tracing::warn!(%body, "not ready");
    }
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut response = (status, format!("{body}\n")).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Whether an operation only reads: its record is written when there is room, and a
/// dropped one is counted. Every other operation (STS's credential grants included) claims
/// room for its record before it runs.
fn is_read_only(service: Service, action: &str) -> bool {
    match service {
        Service::Iam => ["Get", "List", "Simulate"]
            .iter()
            .any(|prefix| action.starts_with(prefix)),
        Service::Sts => matches!(action, "GetCallerIdentity" | "GetAccessKeyInfo"),
        Service::Organizations => ["Describe", "List"]
            .iter()
            .any(|prefix| action.starts_with(prefix)),
    }
}

/// Claims room for the record of `action` if it may change something; `Err` refuses the
/// request before it runs, with nothing changed.
async fn claim_record(
    state: &AppState,
    service: Service,
    action: &str,
    body_bytes: usize,
) -> Result<Option<Claim>, ApiError> {
    if is_read_only(service, action) || operations::find(service, action).is_none() {
        return Ok(None);
    }
    match state.audit.claim(change_claim(body_bytes)).await {
        Ok(claim) => Ok(Some(claim)),
        Err(e) => {
            tracing::error!(error = %e, action, "change refused: its audit record has no room");
            Err(ApiError::ServiceUnavailable)
        }
    }
}

/// Every AWS API request enters here. The request runs in a task of its own, so a client
/// that hangs up cannot cut a change off between its commit and its audit record.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    limits: Option<Extension<ConnectionLimits>>,
    transport: Option<Extension<listener::SecureTransport>>,
    request: Request<Body>,
) -> Response {
    let secure_transport = transport.is_some_and(|Extension(t)| t.0);
    if crate::fronts::gateway::claims(&request) {
        return crate::fronts::gateway::handle(state, peer, secure_transport, request).await;
    }
    let limits = limits.map(|Extension(limits)| limits);
    match tokio::spawn(crate::authz::trail::collect(handle_request(
        state,
        peer,
        limits,
        secure_transport,
        request,
    )))
    .await
    {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "request task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn handle_request(
    state: Arc<AppState>,
    peer: SocketAddr,
    limits: Option<ConnectionLimits>,
    secure_transport: bool,
    request: Request<Body>,
) -> Response {
    let started = Instant::now();
    let request_id = ids::request_id();
    let (parts, body) = request.into_parts();
    let user_agent = header_str(&parts.headers, header::USER_AGENT.as_str())
        .unwrap_or("")
        .to_owned();
    let query_string = parts.uri.query().unwrap_or("");

    let body_timeout = limits.unwrap_or_default().body_timeout;
    let max_body = state.limits.max_body_bytes;
    let body = match tokio::time::timeout(body_timeout, to_bytes(body, max_body)).await {
        Ok(read) => read.map_err(|_| ApiError::RequestEntityTooLarge(max_body)),
        Err(_) => Err(ApiError::RequestTimeout),
    };
    // CloudTrail speaks JSON 1.1, not the Query protocol: its own module answers it.
    if let Ok(bytes) = &body {
        if cloudtrail::is_addressed(&parts) {
            return cloudtrail::handle(&state, peer, &parts, bytes, secure_transport, &user_agent)
                .await;
        }
        if organizations::is_addressed(&parts) {
            return organizations::handle(
                &state,
                peer,
                &parts,
                bytes,
                secure_transport,
                &user_agent,
            )
            .await;
        }
    }
    let (exchange, query) = match body {
        Err(refused) => {
            let query = QueryRequest::decode(query_string, None);
            let exchange = Exchange {
                service: Service::guess(&query),
                action: query.action().map(str::to_owned),
                region: None,
                caller: None,
                unsigned_identity: None,
                access_key_id: None,
                members: None,
                claim: None,
                outcome: Err(refused),
            };
            (exchange, query)
        }
        Ok(body) => {
            let form = is_form(&parts.method, &parts.headers).then_some(&body[..]);
            let query = QueryRequest::decode(query_string, form);
            let headers: Vec<(&str, &str)> = parts
                .headers
                .iter()
                .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
                .collect();
            let signable = SignableRequest {
                method: parts.method.as_str(),
                path: parts.uri.path(),
                query: query_string,
                headers: &headers,
                body: &body,
            };
            let facts = |region: &str| RequestFacts {
                source_ip: peer.ip(),
                region: region.to_owned(),
                user_agent: user_agent.clone(),
                time: state.clock.now(),
                operation_keys: operation_keys(&query),
                secure_transport,
            };
            (process(&state, &signable, &query, facts).await, query)
        }
    };

    let mut exchange = exchange;
    let record = audit_record(&exchange, &query, &request_id, peer, &user_agent);
    match exchange.claim.take() {
        Some(claim) => {
            if let Err(e) = state.audit.record_durably(&record, claim).await {
                // Not acknowledged: the client learns the change may not have been recorded.
                tracing::error!(error = %e, request_id = %request_id, "audit record of a change not written");
                exchange.outcome = Err(ApiError::ServiceFailure);
            }
        }
        None => state.audit.record(&record).await,
    }

    let status = match &exchange.outcome {
        Ok(_) => 200,
        Err(e) => e.status(),
    };
    let namespace = exchange.service.namespace();
    let action_name = exchange.action.as_deref().unwrap_or("");
    let body = match &exchange.outcome {
        Ok(result) => xml::success(namespace, action_name, result.as_ref(), &request_id),
        Err(e) => xml::error(namespace, e.fault(), e.code(), &e.message(), &request_id),
    };
    // Every request is in the audit log; the operator's log shows failures, and successes
    // only at debug level, which keeps the hot path free of a log write per request.
    macro_rules! request_event {
        ($level:expr) => {
            tracing::event!(
                $level,
                request_id = %request_id,
                service = exchange.service.signing_name(),
                action = action_name,
                principal = exchange.caller.as_ref().map(Caller::arn).unwrap_or_default(),
                status,
                error = exchange.outcome.as_ref().err().map(ApiError::code).unwrap_or(""),
                micros = started.elapsed().as_micros() as u64,
                "request"
            )
        };
    }
    if status < 300 {
        request_event!(tracing::Level::DEBUG);
    } else {
        request_event!(tracing::Level::INFO);
    }
    // Only the served operations' own names become labels: a client's made-up action is
    // counted as `unknown`, so it cannot grow the metrics without bound.
    let operation = exchange
        .action
        .as_deref()
        .and_then(|action| operations::find(exchange.service, action))
        .map_or("unknown", |entry| entry.name);
    metrics().request(
        exchange.service.signing_name(),
        operation,
        status,
        exchange.outcome.as_ref().err().map_or("", ApiError::code),
        started.elapsed(),
    );

    let mut response = (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/xml"));
    if let Ok(id) = HeaderValue::from_str(&request_id) {
        headers.insert("x-amzn-requestid", id);
    }
    response
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn is_form(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::POST
        && header_str(headers, header::CONTENT_TYPE.as_str())
            .is_none_or(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

/// Authenticates, authorizes and runs one request.
async fn process(
    state: &AppState,
    req: &SignableRequest<'_>,
    query: &QueryRequest,
    facts: impl FnOnce(&str) -> RequestFacts,
) -> Exchange {
    let mut exchange = Exchange {
        service: Service::guess(query),
        action: query.action().map(str::to_owned),
        region: None,
        caller: None,
        unsigned_identity: None,
        access_key_id: None,
        members: None,
        claim: None,
        outcome: Ok(None),
    };
    // AWS serves some STS operations unsigned: the request carries its own credential.
    let unsigned = exchange
        .action
        .as_deref()
        .and_then(|action| operations::find(Service::Sts, action))
        .and_then(|entry| match entry.handler {
            Handler::Unsigned(run) => Some((entry.name, run)),
            Handler::Signed(_) => None,
        });
    if let Some((action, run)) = unsigned {
        // The role's account answers: its trust policy and identity providers are there.
        let routed = match role_account(state, query).await {
            Ok(routed) => routed,
            Err(e) => {
                exchange.outcome = Err(e);
                return exchange;
            }
        };
        let state: &AppState = routed.as_deref().unwrap_or(state);
        exchange.service = Service::Sts;
        exchange.region = Some(crate::auth::UNSIGNED_REGION.to_owned());
        let members = match validate_input(Service::Sts, action, query) {
            Ok(members) => members,
            Err(e) => {
                exchange.outcome = Err(e);
                return exchange;
            }
        };
        match claim_record(state, Service::Sts, action, req.body.len()).await {
            Ok(claim) => exchange.claim = claim,
            Err(e) => {
                exchange.outcome = Err(e);
                return exchange;
            }
        }
        let facts = facts(crate::auth::UNSIGNED_REGION);
        let (outcome, identity) = run(state, &facts, &members).await;
        exchange.outcome = outcome;
        exchange.unsigned_identity = identity;
        exchange.members = Some(members);
        return exchange;
    }
    let auth = match sigv4::parse(req) {
        Ok(auth) => auth,
        Err(e) => {
            exchange.outcome = Err(e.into());
            return exchange;
        }
    };
    exchange.access_key_id = Some(auth.access_key_id.clone());
    exchange.region = Some(auth.scope.region.clone());
    // The account the credential was issued for serves the request: a member account's key
    // or session reaches only that account's state.
    let routed = match state.accounts.for_access_key(&auth.access_key_id).await {
        Ok(routed) => routed,
        Err(e) => {
            exchange.outcome = Err(ApiError::from_store(e));
            return exchange;
        }
    };
    let state: &AppState = routed.as_deref().unwrap_or(state);
    let guessed = exchange.service;
    if let Some(service) = Service::from_signing_name(&auth.scope.service) {
        exchange.service = service;
    }
    let served: &[&str] = match guessed {
        Service::Iam => &["iam", "sts"],
        Service::Sts => &["sts", "iam"],
        Service::Organizations => &["organizations"],
    };
    let caller = match authenticate(state, req, &auth, served).await {
        Ok(caller) => caller,
        Err(e) => {
            exchange.outcome = Err(e);
            return exchange;
        }
    };
    let action = exchange.action.clone().unwrap_or_default();
    match claim_record(state, exchange.service, &action, req.body.len()).await {
        Ok(claim) => exchange.claim = claim,
        Err(e) => {
            exchange.outcome = Err(e);
            exchange.caller = Some(caller);
            return exchange;
        }
    }
    let facts = facts(&auth.scope.region);
    exchange.outcome = run(
        state,
        &caller,
        exchange.service,
        query,
        &facts,
        &mut exchange.members,
    )
    .await;
    exchange.caller = Some(caller);
    exchange
}

/// The member account whose role an unsigned request's `RoleArn` names, if this server serves
/// it; `None` for the management account and for anything else, which the management account
/// answers as before.
async fn role_account(
    state: &AppState,
    query: &QueryRequest,
) -> Result<Option<Arc<AppState>>, ApiError> {
    let Some(account) = query
        .get("RoleArn")
        .and_then(crate::arn::IamArn::parse)
        .map(|arn| crate::arn::AccountId(arn.account))
    else {
        return Ok(None);
    };
    if account == state.account {
        return Ok(None);
    }
    state
        .accounts
        .get(&account)
        .await
        .map_err(ApiError::from_store)
}

/// Decodes the input with the service's model and checks it against every constraint there,
/// answering AWS's `ValidationError` before anything else looks at the request.
fn validate_input(service: Service, action: &str, query: &QueryRequest) -> Result<Value, ApiError> {
    let model = keyward_aws_model::embedded(service.model()).map_err(|e| {
        tracing::error!(error = %e, "embedded service model does not load");
        ApiError::ServiceFailure
    })?;
    let input =
        keyward_aws_model::decode_query_input(model, action, &query.params()).map_err(|e| {
            tracing::error!(error = %e, action, "served operation is not in the model");
            ApiError::ServiceFailure
        })?;
    match input.validation_message() {
        Some(message) => Err(ApiError::ValidationMessage(message)),
        None => Ok(input.members),
    }
}

/// SigV4: scope, key lookup, clock window, signature. The key comes from the in-memory cache
/// (loaded from the store on first use).
/// A scope naming none of the `served` services is refused in the name of the first, the
/// service the request is addressed to, as AWS's endpoints name themselves.
async fn authenticate(
    state: &AppState,
    req: &SignableRequest<'_>,
    auth: &sigv4::ParsedAuth,
    served: &[&str],
) -> Result<Caller, ApiError> {
    sigv4::check_scope(auth, served)?;
    let (caller, signing_key) = credentials::resolve(state, auth, TimeRule::Skew).await?;
    sigv4::verify(req, auth, &signing_key)?;
    credentials::record_use(state, &caller, auth);
    Ok(caller)
}

/// Finds the operation, decodes and validates its input (kept in `members` for the audit
/// record), and runs it.
pub(crate) async fn run(
    state: &AppState,
    caller: &Caller,
    service: Service,
    query: &QueryRequest,
    facts: &RequestFacts,
    members: &mut Option<Value>,
) -> Result<Option<Element>, ApiError> {
    let unknown = || ApiError::InvalidAction {
        action: query.action().unwrap_or_default().to_owned(),
        version: query.get("Version").unwrap_or(service.version()).to_owned(),
    };
    let action = query.action().ok_or_else(unknown)?;
    let entry = operations::find(service, action).ok_or_else(unknown)?;
    let members = &*members.insert(validate_input(service, action, query)?);
    // GetSessionToken credentials without MFA (and federated users' sessions) may not call
    // IAM, as on AWS.
    if service == Service::Iam
        && caller.token_issued.is_some()
        && match caller.identity {
            Identity::RoleSession(_) => false,
            Identity::FederatedUser(_) => true,
            // Delegated sessions exist to configure the customer's account, IAM included.
            Identity::Delegated(_) => false,
            Identity::Root | Identity::User(_) => caller.mfa_authenticated.is_none(),
        }
    {
        return Err(ApiError::Auth(sigv4::AuthError::InvalidClientTokenId));
    }
    match entry.handler {
        Handler::Signed(run) => {
            let ctx = Context {
                state,
                caller,
                facts,
                service,
            };
            run(&ctx, members).await
        }
        // AWS ignores a signature on an operation it serves unsigned.
        Handler::Unsigned(run) => run(state, facts, members).await.0,
    }
}

/// Runs one IAM or STS operation for a caller the console authenticated (a signed-in
/// session, not a signature): the same audit claim, input validation, authorization, handling
/// and audit record as a signed request, so the console can do exactly what the API lets the
/// caller do.
pub(crate) async fn run_for_console(
    state: &AppState,
    caller: &Caller,
    service: Service,
    params: &[(&str, &str)],
    peer: SocketAddr,
    user_agent: &str,
    secure_transport: bool,
) -> Result<Option<Element>, ApiError> {
    crate::authz::trail::collect(console_call(
        state,
        caller,
        service,
        params,
        peer,
        user_agent,
        secure_transport,
    ))
    .await
}

/// [`run_for_console`] inside its request's decision trail.
async fn console_call(
    state: &AppState,
    caller: &Caller,
    service: Service,
    params: &[(&str, &str)],
    peer: SocketAddr,
    user_agent: &str,
    secure_transport: bool,
) -> Result<Option<Element>, ApiError> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let query = QueryRequest::decode("", Some(body.as_bytes()));
    let region = "us-east-1";
    let mut exchange = Exchange {
        service,
        action: query.action().map(str::to_owned),
        region: Some(region.to_owned()),
        caller: Some(caller.clone()),
        unsigned_identity: None,
        access_key_id: Some(caller.access_key_id.clone()),
        members: None,
        claim: None,
        outcome: Ok(None),
    };
    let action = exchange.action.clone().unwrap_or_default();
    match claim_record(state, service, &action, body.len()).await {
        Ok(claim) => {
            exchange.claim = claim;
            let facts = RequestFacts {
                source_ip: peer.ip(),
                region: region.to_owned(),
                user_agent: user_agent.to_owned(),
                time: state.clock.now(),
                operation_keys: operation_keys(&query),
                secure_transport,
            };
            exchange.outcome = run(
                state,
                caller,
                service,
                &query,
                &facts,
                &mut exchange.members,
            )
            .await;
        }
        Err(e) => exchange.outcome = Err(e),
    }
    let request_id = ids::request_id();
    let record = audit_record(&exchange, &query, &request_id, peer, user_agent);
    match exchange.claim.take() {
        Some(claim) => {
            if let Err(e) = state.audit.record_durably(&record, claim).await {
                tracing::error!(error = %e, request_id = %request_id, "audit record of a change not written");
                return Err(ApiError::ServiceFailure);
            }
        }
        None => state.audit.record(&record).await,
    }
    exchange.outcome
}

/// The CloudTrail-shaped record of one exchange.
fn audit_record(
    exchange: &Exchange,
    query: &QueryRequest,
    request_id: &str,
    peer: SocketAddr,
    user_agent: &str,
) -> AuditRecord {
    let identity = match (
        &exchange.unsigned_identity,
        &exchange.caller,
        &exchange.access_key_id,
    ) {
        (Some(identity), _, _) => identity.clone(),
        (None, Some(caller), _) => caller.audit_identity(),
        (None, None, key) => UserIdentity::unknown(key.as_deref()),
    };
    let model = keyward_aws_model::embedded(exchange.service.model()).ok();
    let operation = model
        .zip(exchange.action.as_deref())
        .and_then(|(model, action)| model.operation(action).map(|operation| (model, operation)));
    let record = AuditRecord::api_call(
        exchange.service.event_source(),
        exchange.action.as_deref().unwrap_or_default(),
        exchange.region.as_deref().unwrap_or("us-east-1"),
        Origin::client(peer.ip(), user_agent),
        identity,
        request_id,
    )
    .with_request(operation.and_then(|(model, operation)| {
        let shape = &operation.input.as_ref()?.shape;
        match &exchange.members {
            Some(members) => request_parameters(model, shape, members),
            None => {
                let decoded = decode_query_input(model, &operation.name, &query.params()).ok()?;
                request_parameters(model, shape, &decoded.members)
            }
        }
    }))
    .with_account(exchange.caller.as_ref().map(|c| c.account.0.as_str()))
    .with_decisions(crate::authz::trail::additional_event_data());
    match &exchange.outcome {
        Ok(result) => record.with_response(result.as_ref().and_then(|result| {
            let (model, operation) = operation?;
            Some(result.to_redacted_audit_json(model, &operation.output.as_ref()?.shape))
        })),
        Err(e) => record.with_error(e.code(), &e.message()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{self, call};

    const LIST_USERS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#;

    async fn allowed(state: &AppState, caller: &Caller) -> bool {
        match call(state, caller, Service::Iam, &[("Action", "ListUsers")]).await {
            Ok(_) => true,
            Err(ApiError::AccessDenied(_)) => false,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }

    async fn grant(state: &AppState, user: &str) {
        let root = testing::root(state);
        let params = [
            ("Action", "PutUserPolicy"),
            ("UserName", user),
            ("PolicyName", "list"),
            ("PolicyDocument", LIST_USERS),
        ];
        call(state, &root, Service::Iam, &params).await.unwrap();
    }

    #[tokio::test]
    async fn an_unknown_action_is_invalid_action() {
        let state = testing::state();
        let root = testing::root(&state);
        let err = call(&state, &root, Service::Iam, &[("Action", "Frobnicate")])
            .await
            .unwrap_err();
        assert_eq!(err.code(), "InvalidAction");
        assert_eq!(
            err.message(),
            "Could not find operation Frobnicate for version 2010-05-08"
        );
    }

    /// A write drops the cached policies of the principals it affects and no others.
    #[tokio::test]
    async fn writes_invalidate_only_the_principals_they_affect() {
        let state = testing::state();
        let alice = testing::user(&state, "alice").await;
        let bob = testing::user(&state, "bob").await;
        grant(&state, "alice").await;
        grant(&state, "bob").await;
        assert!(allowed(&state, &alice).await && allowed(&state, &bob).await);
        let refs = |caller: &Caller| match &caller.identity {
            Identity::User(u) => {
                keyward_store::EntityRef::new(keyward_store::EntityKind::User, u.user_id.0.clone())
            }
            _ => unreachable!(),
        };
        assert!(state.policies.is_cached(&refs(&alice)) && state.policies.is_cached(&refs(&bob)));

        let root = testing::root(&state);
        let delete = [
            ("Action", "DeleteUserPolicy"),
            ("UserName", "ALICE"),
            ("PolicyName", "list"),
        ];
        call(&state, &root, Service::Iam, &delete).await.unwrap();
        assert!(!state.policies.is_cached(&refs(&alice)));
        assert!(state.policies.is_cached(&refs(&bob)));
        assert!(!allowed(&state, &alice).await);
        assert!(allowed(&state, &bob).await);

        // A read leaves the cache alone; a write that affects no policies too.
        call(&state, &root, Service::Iam, &[("Action", "ListUsers")])
            .await
            .unwrap();
        call(
            &state,
            &root,
            Service::Iam,
            &[("Action", "CreateGroup"), ("GroupName", "g")],
        )
        .await
        .unwrap();
        assert!(state.policies.is_cached(&refs(&bob)));
    }

    #[tokio::test]
    async fn a_group_policy_reaches_its_cached_members() {
        let state = testing::state();
        let root = testing::root(&state);
        let carol = testing::user(&state, "carol").await;
        for params in [
            &[("Action", "CreateGroup"), ("GroupName", "readers")][..],
            &[
                ("Action", "AddUserToGroup"),
                ("GroupName", "readers"),
                ("UserName", "carol"),
            ],
        ] {
            call(&state, &root, Service::Iam, params).await.unwrap();
        }
        assert!(!allowed(&state, &carol).await);
        let put = [
            ("Action", "PutGroupPolicy"),
            ("GroupName", "readers"),
            ("PolicyName", "list"),
            ("PolicyDocument", LIST_USERS),
        ];
        call(&state, &root, Service::Iam, &put).await.unwrap();
        assert!(allowed(&state, &carol).await);
    }

    #[tokio::test]
    async fn session_credentials_without_mfa_may_not_call_iam() {
        let state = testing::state();
        let dave = testing::user(&state, "dave").await;
        let session = Caller {
            token_issued: Some(state.clock.now()),
            ..dave
        };
        let err = call(&state, &session, Service::Iam, &[("Action", "ListUsers")])
            .await
            .unwrap_err();
        assert_eq!(err.code(), "InvalidClientTokenId");
    }

    #[tokio::test]
    async fn session_credentials_with_mfa_may_call_iam() {
        let state = testing::state();
        let erin = testing::user(&state, "erin").await;
        let now = state.clock.now();
        let session = Caller {
            token_issued: Some(now),
            mfa_authenticated: Some(now),
            ..erin
        };
        let err = call(&state, &session, Service::Iam, &[("Action", "ListUsers")])
            .await
            .unwrap_err();
        // Past authentication, refused only by erin's (absent) policies.
        assert_eq!(err.code(), "AccessDenied");
    }
}
