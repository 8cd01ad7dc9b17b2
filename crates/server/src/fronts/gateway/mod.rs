//! The authorization gateway: IAM enforced on every other AWS service, in front of any
//! upstream (issue 17). A request whose SigV4 scope names a service Keyward does not serve
//! itself is authenticated like an IAM call (plus S3's streaming payloads and presigned URLs),
//! decoded with that service's botocore model, mapped to the IAM actions, resources and
//! condition keys it needs (`keyward_service_authz`), decided by the same engine and caches as
//! IAM calls (with the S3 bucket, SQS queue and KMS key policies Keyward holds), then forwarded —
//! re-signed, streaming both ways — to the service's `--upstream`, or refused in the service's
//! own error shape.
//! Every request leaves a CloudTrail-shaped record.

mod forward;
mod resource_policy;
mod shape;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Request};
use axum::response::Response;
use keyward_aws_model::{CatalogEntry, DecodeError, DecodedInput, ServiceModel, ShapeType, Value};
use keyward_policy::ContextValue;
use keyward_service_authz::{RequestScope, RequiredAction};
use keyward_sigv4::{self as sigv4, BodyCheck, SignableRequest};
use percent_encoding::percent_decode_str;

use crate::audit::{
    request_parameters, AuditRecord, AuditResource, EventSource, Origin, UserIdentity,
};
use crate::auth::credentials::{self, TimeRule};
use crate::auth::identity::Caller;
use crate::authz::gateway::decide;
use crate::authz::{self, trail, RequestFacts, Resource};
use crate::config::{Enforcement, Upstream};
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;
use forward::{BodyFailure, CheckedBody, ForwardError, Outgoing, OutgoingBody};
use shape::Shape;

/// Services Keyward answers itself; every other signing name goes through the gateway.
const SERVED_BY_KEYWARD: &[&str] = &["iam", "sts", "cloudtrail", "organizations"];

/// The service a request's SigV4 credential scope names, from the `Authorization` header or a
/// presigned URL's `X-Amz-Credential`.
fn scope_service(headers: &HeaderMap, query: &str) -> Option<String> {
    let credential = match headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        Some(authorization) => authorization
            .split("Credential=")
            .nth(1)?
            .split([',', ' '])
            .next()?
            .to_owned(),
        None => query.split('&').find_map(|pair| {
            let value = pair.strip_prefix("X-Amz-Credential=")?;
            Some(percent_decode_str(value).decode_utf8_lossy().into_owned())
        })?,
    };
    credential.split('/').nth(3).map(str::to_owned)
}

/// Whether the gateway takes the request: it is signed for a service Keyward does not serve.
pub fn claims(request: &Request<Body>) -> bool {
    let query = request.uri().query().unwrap_or("");
    scope_service(request.headers(), query)
        .is_some_and(|service| !SERVED_BY_KEYWARD.contains(&service.as_str()))
}

/// What the audit record says of one gateway request.
struct Exchange {
    entry: Option<&'static CatalogEntry>,
    operation: Option<String>,
    region: String,
    caller: Option<Caller>,
    access_key_id: Option<String>,
    audit_members: Option<serde_json::Value>,
    resources: Vec<String>,
    read_only: bool,
    decisions: Vec<serde_json::Value>,
    upstream: Option<String>,
    error: Option<(String, String)>,
    status: u16,
    enforcement: Enforcement,
    /// Learn mode: the refusals strict mode would have answered, one per action and resource.
    would_deny: Vec<serde_json::Value>,
    /// Learn mode: why Keyward could not map the request it forwarded anyway.
    unmapped: Option<String>,
}

/// A refusal before or instead of forwarding, in the service's shape.
struct Refusal {
    status: u16,
    code: String,
    message: String,
}

impl Refusal {
    fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        Refusal {
            status,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    fn from_api(error: &ApiError, shape: Shape) -> Self {
        let code = match (error.code(), shape) {
            ("AccessDenied", s) => s.access_denied_code(),
            (code, _) => code,
        };
        Refusal::new(error.status(), code, error.message())
    }
}

/// Serves one gateway request.
pub async fn handle(
    state: Arc<AppState>,
    peer: SocketAddr,
    secure_transport: bool,
    request: Request<Body>,
) -> Response {
    let request_id = ids::request_id();
    let (parts, body) = request.into_parts();
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mut exchange = Exchange {
        entry: None,
        operation: None,
        region: "us-east-1".to_owned(),
        caller: None,
        access_key_id: None,
        audit_members: None,
        resources: Vec::new(),
        read_only: true,
        decisions: Vec::new(),
        upstream: None,
        error: None,
        status: 200,
        enforcement: state.enforcement,
        would_deny: Vec::new(),
        unmapped: None,
    };
    let (shape, outcome) = run(&state, peer, secure_transport, &parts, body, &mut exchange).await;
    let response = match outcome {
        Ok(response) => response,
        Err(refusal) => {
            exchange.error = Some((refusal.code.clone(), refusal.message.clone()));
            shape.error(refusal.status, &refusal.code, &refusal.message, &request_id)
        }
    };
    exchange.status = response.status().as_u16();
    let record = audit_record(&exchange, &request_id, peer, &user_agent);
    state.audit.record(&record).await;
    tracing::event!(
        tracing::Level::DEBUG,
        request_id = %request_id,
        service = exchange.entry.map(|e| e.service).unwrap_or_default(),
        operation = exchange.operation.as_deref().unwrap_or_default(),
        status = exchange.status,
        "gateway request"
    );
    response
}

/// The path S3 would see path-style: a virtual-hosted bucket (`bucket.localhost:PORT`,
/// `bucket.s3.amazonaws.com`, `bucket.s3.REGION.amazonaws.com`) moves into the path.
fn path_style(signing_name: &str, headers: &HeaderMap, path: &str) -> String {
    if signing_name != "s3" {
        return path.to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(name, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            name
        } else {
            host
        }
    });
    let bucket = host.strip_suffix(".localhost").or_else(|| {
        let (bucket, rest) = host.split_once(".s3")?;
        (rest.ends_with(".amazonaws.com") && (rest.starts_with('.') || rest.starts_with('-')))
            .then_some(bucket)
    });
    match bucket {
        Some(bucket) if !bucket.is_empty() => format!("/{bucket}{path}"),
        _ => path.to_owned(),
    }
}

/// The services the request may address, most likely first: the JSON target's, else those
/// signing as the scope's service with the host's first label (the endpoint prefix) first.
fn candidates(signing_name: &str, headers: &HeaderMap) -> Vec<&'static CatalogEntry> {
    if let Some(entry) = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .and_then(keyward_aws_model::by_target)
    {
        return vec![entry];
    }
    let mut entries = keyward_aws_model::signing_as(signing_name);
    let label = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .and_then(|host| host.split('.').next())
        .unwrap_or("");
    entries.sort_by_key(|entry| entry.endpoint_prefix != label);
    entries
}

/// Whether an operation's input payload is a blob (an S3 object), which streams.
fn streams_payload(model: &ServiceModel, operation: &str) -> bool {
    let Some(input) = model
        .operation(operation)
        .and_then(|op| op.input.as_ref())
        .and_then(|input| model.shape(&input.shape))
    else {
        return false;
    };
    input
        .payload
        .as_deref()
        .and_then(|payload| input.member(payload))
        .and_then(|member| model.shape(&member.shape))
        .is_some_and(|shape| shape.shape_type == ShapeType::Blob)
}

/// The first candidate whose model decodes the request.
fn decode(
    entries: &[&'static CatalogEntry],
    method: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<(&'static CatalogEntry, DecodedInput), DecodeError> {
    let request = keyward_aws_model::HttpRequest {
        method,
        path,
        query,
        headers,
        body,
    };
    let mut first_error = None;
    for entry in entries {
        let Ok(model) = entry.model() else {
            continue;
        };
        match keyward_aws_model::decode_request(model, &request) {
            Ok(decoded) => return Ok((entry, decoded)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| DecodeError::NoMatchingOperation(String::new())))
}

/// The upstream of a signing name or endpoint prefix, else the `*` one.
fn upstream_for<'a>(
    state: &'a AppState,
    signing_name: &str,
    endpoint_prefix: &str,
) -> Option<&'a Upstream> {
    state
        .upstreams
        .iter()
        .find(|u| u.service == signing_name || u.service == endpoint_prefix)
        .or_else(|| state.upstreams.iter().find(|u| u.service == "*"))
}

fn decode_refusal(shape: Shape, error: &DecodeError) -> Refusal {
    match error {
        DecodeError::UnknownOperation(..) | DecodeError::NoMatchingOperation(_) => Refusal::new(
            if shape == Shape::RestXml { 405 } else { 400 },
            shape.unknown_operation_code(),
            format!("Keyward found no operation of the service's model for this request: {error}"),
        ),
        other => Refusal::new(
            400,
            shape.validation_code(),
            format!("The request does not match the service's model: {other}"),
        ),
    }
}

/// Authenticates, decodes, authorizes and forwards; the shape errors take is known once the
/// service is.
async fn run(
    state: &AppState,
    peer: SocketAddr,
    secure_transport: bool,
    parts: &Parts,
    body: Body,
    exchange: &mut Exchange,
) -> (Shape, Result<Response, Refusal>) {
    let query = parts.uri.query().unwrap_or("");
    let signing_name = scope_service(&parts.headers, query).unwrap_or_default();
    let entries = candidates(&signing_name, &parts.headers);
    let mut shape = entries
        .first()
        .map_or(Shape::Json, |entry| Shape::of(entry.protocol));
    exchange.entry = entries.first().copied();
    let owned_headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect();
    let header_pairs: Vec<(&str, &str)> = owned_headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let decode_path = path_style(&signing_name, &parts.headers, parts.uri.path());
    let method = parts.method.as_str();

    // Which operation, from everything but the body: a streaming payload is never read whole.
    let streaming = decode(&entries, method, &decode_path, query, &owned_headers, &[])
        .ok()
        .filter(|(entry, decoded)| {
            entry.signing_name == "s3"
                && entry
                    .model()
                    .is_ok_and(|model| streams_payload(model, &decoded.operation))
        });

    let head = SignableRequest {
        method,
        path: parts.uri.path(),
        query,
        headers: &header_pairs,
        body: &[],
    };
    let auth = match sigv4::parse(&head) {
        Ok(auth) => auth,
        Err(e) => return (shape, Err(Refusal::from_api(&ApiError::Auth(e), shape))),
    };
    exchange.access_key_id = Some(auth.access_key_id.clone());
    exchange.region = auth.scope.region.clone();
    if let Err(e) = sigv4::check_scope(&auth, &[signing_name.as_str()]) {
        return (shape, Err(Refusal::from_api(&ApiError::Auth(e), shape)));
    }
    // A member account's credential is authenticated and authorized by that account.
    let routed = match state.accounts.for_access_key(&auth.access_key_id).await {
        Ok(routed) => routed,
        Err(e) => {
            return (
                shape,
                Err(Refusal::from_api(&ApiError::from_store(e), shape)),
            )
        }
    };
    let state: &AppState = routed.as_deref().unwrap_or(state);
    let (caller, signing_key) =
        match credentials::resolve(state, &auth, TimeRule::PresignedExpiry).await {
            Ok(resolved) => resolved,
            Err(e) => return (shape, Err(Refusal::from_api(&e, shape))),
        };

    // The body: checked as it streams, or read whole (with a limit) to verify and decode.
    let failure: BodyFailure = BodyFailure::default();
    let (entry, decoded, outgoing_body) = match streaming {
        Some((entry, decoded)) => {
            let check = match sigv4::verify_without_body(&head, &auth, &signing_key) {
                Ok(Some(check)) => check,
                Ok(None) => {
                    return (
                        shape,
                        Err(Refusal::new(
                            400,
                            "InvalidRequest",
                            "Missing required header for this request: x-amz-content-sha256",
                        )),
                    )
                }
                Err(e) => return (shape, Err(Refusal::from_api(&ApiError::Auth(e), shape))),
            };
            let length = match &check {
                BodyCheck::Chunked(_) => header_u64(&parts.headers, "x-amz-decoded-content-length"),
                _ => header_u64(&parts.headers, "content-length"),
            };
            if matches!(check, BodyCheck::Chunked(_)) && length.is_none() {
                return (
                    shape,
                    Err(Refusal::new(
                        411,
                        "MissingContentLength",
                        "You must provide the Content-Length HTTP header.",
                    )),
                );
            }
            let checked = CheckedBody::new(body, check, length, Arc::clone(&failure));
            (entry, decoded, OutgoingBody::Stream(Box::new(checked)))
        }
        None => {
            let limit = state.limits.max_body_bytes;
            let bytes = match to_bytes(body, limit).await {
                Ok(bytes) => bytes,
                Err(_) => return (shape, Err(too_large(shape, limit))),
            };
            if let Some(own) = keyward_service_of_form(&parts.headers, &bytes) {
                // An IAM or STS call signed for another service: AWS's IAM/STS endpoint
                // refuses the scope, and so does Keyward's.
                let scope_error = sigv4::check_scope(&auth, &[own.signing_name])
                    .err()
                    .map(ApiError::Auth)
                    .unwrap_or(ApiError::Auth(sigv4::AuthError::SignatureDoesNotMatch));
                return (Shape::Query, Ok(own.refusal(&scope_error)));
            }
            let signed = SignableRequest {
                body: &bytes,
                ..head
            };
            if let Err(e) = sigv4::verify(&signed, &auth, &signing_key) {
                return (shape, Err(Refusal::from_api(&ApiError::Auth(e), shape)));
            }
            match decode(
                &entries,
                method,
                &decode_path,
                query,
                &owned_headers,
                &bytes,
            ) {
                Ok((entry, decoded)) => (entry, decoded, OutgoingBody::Full(bytes)),
                Err(e) if state.enforcement == Enforcement::Learn && names_no_operation(&e) => {
                    credentials::record_use(state, &caller, &auth);
                    exchange.caller = Some(caller);
                    let service = entries
                        .first()
                        .map_or(signing_name.as_str(), |entry| entry.signing_name);
                    let forwarding = Forwarding {
                        parts,
                        scope_service: &signing_name,
                        service,
                        endpoint_prefix: entries
                            .first()
                            .map_or(signing_name.as_str(), |entry| entry.endpoint_prefix),
                        region: &auth.scope.region,
                        query,
                        shape,
                    };
                    let why = format!("{} {}: {e}", parts.method, parts.uri.path());
                    return forward_unmapped(
                        state,
                        &forwarding,
                        OutgoingBody::Full(bytes),
                        &failure,
                        exchange,
                        why,
                    )
                    .await;
                }
                Err(e) => return (shape, Err(decode_refusal(shape, &e))),
            }
        }
    };
    credentials::record_use(state, &caller, &auth);
    exchange.caller = Some(caller.clone());
    exchange.entry = Some(entry);
    shape = Shape::of(entry.protocol);
    exchange.operation = Some(decoded.operation.clone());
    let Ok(model) = entry.model() else {
        return (
            shape,
            Err(Refusal::new(
                500,
                "InternalError",
                "service model does not load",
            )),
        );
    };
    exchange.audit_members = audit_members(model, &decoded);
    if let Some(message) = decoded.validation_message() {
        return (
            shape,
            Err(Refusal::new(400, shape.validation_code(), message)),
        );
    }

    // What IAM must allow.
    let scope = RequestScope {
        partition: "aws",
        region: &auth.scope.region,
        account: &caller.account.0,
    };
    let forwarding = Forwarding {
        parts,
        scope_service: &signing_name,
        service: entry.signing_name,
        endpoint_prefix: entry.endpoint_prefix,
        region: &auth.scope.region,
        query,
        shape,
    };
    let required = match keyward_service_authz::required_actions(
        model,
        &decoded.operation,
        &decoded.members,
        &scope,
    ) {
        Ok(required) => required,
        Err(e) if state.enforcement == Enforcement::Learn => {
            return forward_unmapped(
                state,
                &forwarding,
                outgoing_body,
                &failure,
                exchange,
                e.to_string(),
            )
            .await
        }
        Err(e) => {
            return (
                shape,
                Err(Refusal::new(403, shape.access_denied_code(), e.to_string())),
            )
        }
    };
    exchange.read_only = required.iter().all(|r| r.access_level.read_only());
    exchange.resources = required
        .iter()
        .flat_map(|r| r.resources.iter().filter(|arn| *arn != "*").cloned())
        .collect();
    exchange.resources.dedup();

    let facts = RequestFacts {
        source_ip: peer.ip(),
        region: auth.scope.region.clone(),
        user_agent: parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned(),
        time: state.clock.now(),
        operation_keys: Vec::new(),
        secure_transport,
    };
    let allowed_by = match authorize(state, &caller, &required, &facts, shape, exchange).await {
        Ok(allowed_by) => allowed_by,
        Err(refusal) => return (shape, Err(refusal)),
    };

    // A bucket or queue policy is Keyward's to check before the upstream sees it.
    let policy_change =
        match resource_policy::change(entry.signing_name, &decoded, &outgoing_body, &required) {
            Ok(change) => change,
            Err(refusal) => return (shape, Err(refusal)),
        };

    let Some(upstream) = upstream_for(state, entry.signing_name, entry.endpoint_prefix) else {
        let how = if !exchange.would_deny.is_empty() {
            "in learn mode, though strict mode would deny it (see the audit log)".to_owned()
        } else if allowed_by.is_empty() {
            "as the account root user".to_owned()
        } else {
            format!("by {}", allowed_by.join("; "))
        };
        let actions: Vec<&str> = required.iter().map(|r| r.action.as_str()).collect();
        return (
            shape,
            Err(Refusal::new(
                501,
                "NotImplemented",
                format!(
                    "Keyward allowed this request ({}) {how}, but no upstream is configured for \
                     service {}: start keyward serve with --upstream {}=URL or --upstream '*=URL' \
                     to forward it.",
                    actions.join(", "),
                    entry.signing_name,
                    entry.signing_name
                ),
            )),
        );
    };
    exchange.upstream = Some(upstream.url.clone());
    send(
        state,
        upstream,
        &forwarding,
        outgoing_body,
        &failure,
        policy_change,
    )
    .await
}

/// Where and how a request is forwarded.
struct Forwarding<'a> {
    parts: &'a Parts,
    /// The service of the request's SigV4 scope (it decides virtual-hosted S3 paths).
    scope_service: &'a str,
    /// The signing name the upstream request is re-signed for.
    service: &'a str,
    /// The service's endpoint prefix, which may name its upstream too.
    endpoint_prefix: &'a str,
    region: &'a str,
    query: &'a str,
    shape: Shape,
}

/// Learn mode: forwards a request Keyward cannot map (an operation the model or the Service
/// Authorization Reference lacks), recording why; strict mode would refuse it.
async fn forward_unmapped(
    state: &AppState,
    forwarding: &Forwarding<'_>,
    body: OutgoingBody,
    failure: &BodyFailure,
    exchange: &mut Exchange,
    why: String,
) -> (Shape, Result<Response, Refusal>) {
    let shape = forwarding.shape;
    let Some(upstream) = upstream_for(state, forwarding.service, forwarding.endpoint_prefix) else {
        let message = format!(
            "Keyward is in learn mode and forwards requests it cannot map ({why}), but no upstream \
             is configured for service {}.",
            forwarding.service
        );
        exchange.unmapped = Some(why);
        return (shape, Err(Refusal::new(501, "NotImplemented", message)));
    };
    exchange.unmapped = Some(why);
    exchange.upstream = Some(upstream.url.clone());
    send(state, upstream, forwarding, body, failure, None).await
}

/// Sends the request to `upstream`, re-signed as configured, and answers what it answers; a
/// resource policy change is kept once the upstream accepted it.
async fn send(
    state: &AppState,
    upstream: &Upstream,
    forwarding: &Forwarding<'_>,
    body: OutgoingBody,
    failure: &BodyFailure,
    policy_change: Option<resource_policy::PolicyChange>,
) -> (Shape, Result<Response, Refusal>) {
    let shape = forwarding.shape;
    let parts = forwarding.parts;
    let outgoing_body = match body {
        OutgoingBody::Stream(stream) => match (*stream).prime().await {
            Ok(primed) => OutgoingBody::Stream(Box::new(primed)),
            Err(e) => return (shape, Err(body_refusal(&e))),
        },
        full => full,
    };
    let stripped_query = forward::strip_presign(forwarding.query);
    let outgoing = Outgoing {
        method: &parts.method,
        path: &path_style(forwarding.scope_service, &parts.headers, parts.uri.path()),
        query: &stripped_query,
        headers: &parts.headers,
        region: forwarding.region,
        service: forwarding.service,
    };
    match forward::forward(upstream, &outgoing, outgoing_body, failure).await {
        Ok(response) => match policy_change {
            Some(change) if response.status().is_success() => {
                match resource_policy::apply_after(state, change, response).await {
                    Ok(response) => (shape, Ok(response)),
                    Err(e) => (shape, Err(Refusal::from_api(&e, shape))),
                }
            }
            _ => (shape, Ok(response)),
        },
        Err(ForwardError::Body(e)) => (shape, Err(body_refusal(&e))),
        Err(ForwardError::Upstream(message)) => {
            tracing::warn!(upstream = %upstream.url, error = %message, "upstream unreachable");
            (
                shape,
                Err(Refusal::new(
                    502,
                    "BadGateway",
                    format!("Keyward allowed the request but its upstream failed: {message}"),
                )),
            )
        }
    }
}

/// Whether a decoding failure means the request names no operation of the model (rather than
/// an operation with bad members).
fn names_no_operation(error: &DecodeError) -> bool {
    matches!(
        error,
        DecodeError::UnknownOperation(..)
            | DecodeError::NoMatchingOperation(_)
            | DecodeError::AmbiguousOperation(_)
    )
}

/// The refusal of a body larger than `--max-body-bytes`, in the service's words: S3's
/// `MaxMessageLengthExceeded` ("Your request was too big.", 400), elsewhere 413
/// `RequestEntityTooLarge`. Streaming payloads (S3 objects) are never limited.
fn too_large(shape: Shape, limit: usize) -> Refusal {
    match shape {
        Shape::RestXml => Refusal::new(
            400,
            "MaxMessageLengthExceeded",
            format!(
                "Your request was too big. Keyward reads at most {limit} bytes of a request \
                 body it decodes (keyward serve --max-body-bytes)."
            ),
        ),
        _ => Refusal::new(
            413,
            "RequestEntityTooLarge",
            format!(
                "Request body is larger than {limit} bytes, the most Keyward reads of a request \
                 body it decodes (keyward serve --max-body-bytes)."
            ),
        ),
    }
}

/// IAM or STS, which Keyward serves itself.
struct OwnService {
    signing_name: &'static str,
    namespace: &'static str,
}

impl OwnService {
    /// The refusal in IAM's or STS's Query XML, as the request path writes it.
    fn refusal(&self, error: &ApiError) -> Response {
        let request_id = ids::request_id();
        let body = crate::protocol::xml::error(
            self.namespace,
            error.fault(),
            error.code(),
            &error.message(),
            &request_id,
        );
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = axum::http::StatusCode::from_u16(error.status())
            .unwrap_or(axum::http::StatusCode::FORBIDDEN);
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("text/xml"),
        );
        if let Ok(id) = axum::http::HeaderValue::from_str(&request_id) {
            response.headers_mut().insert("x-amzn-requestid", id);
        }
        response
    }
}

/// IAM or STS, when a form body's `Action` and `Version` name one of their operations.
fn keyward_service_of_form(headers: &HeaderMap, body: &[u8]) -> Option<OwnService> {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return None;
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let (service, own) = match value("Version")? {
        "2011-06-15" => (
            keyward_aws_model::Service::Sts,
            OwnService {
                signing_name: "sts",
                namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
            },
        ),
        "2010-05-08" => (
            keyward_aws_model::Service::Iam,
            OwnService {
                signing_name: "iam",
                namespace: "https://iam.amazonaws.com/doc/2010-05-08/",
            },
        ),
        _ => return None,
    };
    let action = value("Action")?;
    keyward_aws_model::embedded(service)
        .is_ok_and(|model| model.operation(action).is_some())
        .then_some(own)
}

/// S3's answer to a body that failed its signature's check.
fn body_refusal(error: &sigv4::BodyError) -> Refusal {
    let status = if error.code() == "SignatureDoesNotMatch" {
        403
    } else {
        400
    };
    Refusal::new(status, error.code(), error.to_string())
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// Decides every required action on every one of its resources; the first refusal ends it in
/// strict mode, while learn mode notes each refusal and goes on. Returns the allowing
/// statements, for the "no upstream" answer.
async fn authorize(
    state: &AppState,
    caller: &Caller,
    required: &[RequiredAction],
    facts: &RequestFacts,
    shape: Shape,
    exchange: &mut Exchange,
) -> Result<Vec<String>, Refusal> {
    let mut allowed_by = Vec::new();
    for action in required {
        let keys: Vec<(String, ContextValue)> = action
            .context
            .iter()
            .map(|(key, values)| (key.clone(), ContextValue::of_key(key, values.clone())))
            .collect();
        for arn in &action.resources {
            let resource = Resource {
                arn: arn.clone(),
                // S3 quotes the resource in its refusal; an action on no resource
                // (`s3:ListAllMyBuckets`) names none.
                shown_as: if shape == Shape::RestXml && arn != "*" {
                    format!("\"{arn}\"")
                } else {
                    arn.clone()
                },
            };
            let policy =
                match resource_policy::for_resource(state, &action.action, arn, &caller.account.0)
                    .await
                {
                    Ok(policy) => policy,
                    Err(e) => return Err(Refusal::from_api(&e, shape)),
                };
            let decision = decide(
                state,
                caller,
                &action.action,
                &resource,
                keys.clone(),
                facts,
                policy.as_ref().map(|(set, mode)| (set, *mode)),
            )
            .await
            .map_err(|e| Refusal::from_api(&e, shape))?;
            let mut entry = trail::entry(
                &action.action,
                arn,
                decision.allowed,
                &decision.reason,
                &decision.matched,
            );
            if let (Some(fields), false) = (entry.as_object_mut(), action.context.is_empty()) {
                // What `keyward policy generate` narrows statements with.
                fields.insert(
                    "conditionKeys".to_owned(),
                    serde_json::json!(action.context),
                );
            }
            exchange.decisions.push(entry);
            if decision.allowed {
                allowed_by.extend(
                    decision
                        .matched
                        .iter()
                        .filter(|m| m.effect == "Allow")
                        .map(ToString::to_string),
                );
                continue;
            }
            let sentence = decision.refusal.clone().unwrap_or_default();
            if exchange.enforcement == Enforcement::Learn {
                exchange.would_deny.push(would_be_denial(
                    &action.action,
                    arn,
                    &decision,
                    &sentence,
                ));
                continue;
            }
            let message = if shape == Shape::Ec2 {
                let encoded =
                    authz::encoded_denial(state, caller, &action.action, &resource, facts)
                        .await
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                format!(
                    "You are not authorized to perform this operation. {sentence}. Encoded \
                     authorization failure message: {encoded}"
                )
            } else {
                sentence
            };
            // JSON-protocol services (DynamoDB, SQS) answer 400, the others 403.
            let status = if shape == Shape::Json { 400 } else { 403 };
            return Err(Refusal::new(status, shape.access_denied_code(), message));
        }
    }
    allowed_by.dedup();
    Ok(allowed_by)
}

/// A refusal learn mode let through, as its audit record names it: the decision
/// (`ExplicitDeny` or `ImplicitDeny`), the policy type that denied, and `deniedBy` — the
/// `Deny` statements that would have to change, or "no statement allowed" when a statement
/// allowing the action is what is missing.
fn would_be_denial(
    action: &str,
    resource: &str,
    decision: &crate::authz::gateway::ServiceDecision,
    sentence: &str,
) -> serde_json::Value {
    let denied_by = if decision.explicit_deny {
        serde_json::Value::Array(
            decision
                .matched
                .iter()
                .filter(|m| m.effect == "Deny")
                .map(|m| m.to_json())
                .collect(),
        )
    } else {
        serde_json::Value::from("no statement allowed")
    };
    serde_json::json!({
        "action": action,
        "resource": resource,
        "decision": if decision.explicit_deny { "ExplicitDeny" } else { "ImplicitDeny" },
        "policyType": decision.decided_by,
        "deniedBy": denied_by,
        "message": sentence,
    })
}

/// `additionalEventData` of a gateway record. `keywardDecision` is `Allow` or `Deny` in strict
/// mode; in learn mode a request strict mode would have refused is `AllowedInLearnMode` (with
/// `wouldBeDenials`) and one Keyward cannot map is `UnmappedInLearnMode` (with `unmapped`),
/// both with `wouldBeDecision: "Deny"`.
fn additional_event_data(exchange: &Exchange) -> serde_json::Value {
    let allowed = !exchange.decisions.is_empty()
        && exchange.decisions.iter().all(|d| d["decision"] == "Allow");
    let decision = if exchange.unmapped.is_some() {
        "UnmappedInLearnMode"
    } else if !exchange.would_deny.is_empty() {
        "AllowedInLearnMode"
    } else if allowed {
        "Allow"
    } else {
        "Deny"
    };
    let mut data = serde_json::json!({
        "keywardDecision": decision,
        "enforcement": exchange.enforcement.as_str(),
        "authorizations": exchange.decisions,
        "upstream": exchange.upstream,
        "httpStatus": exchange.status,
    });
    if let Some(fields) = data.as_object_mut() {
        if !exchange.would_deny.is_empty() || exchange.unmapped.is_some() {
            fields.insert("wouldBeDecision".to_owned(), "Deny".into());
        }
        if !exchange.would_deny.is_empty() {
            fields.insert(
                "wouldBeDenials".to_owned(),
                serde_json::Value::Array(exchange.would_deny.clone()),
            );
        }
        if let Some(why) = &exchange.unmapped {
            fields.insert("unmapped".to_owned(), why.as_str().into());
        }
    }
    data
}

/// The request's members for the audit record: sensitive members redacted by the model, and
/// never a blob payload (an object's or a model invocation's body).
fn audit_members(model: &ServiceModel, decoded: &DecodedInput) -> Option<serde_json::Value> {
    let operation = model.operation(&decoded.operation)?;
    let input_name = &operation.input.as_ref()?.shape;
    let input = model.shape(input_name)?;
    let members = match (&decoded.members, input.payload.as_deref()) {
        (Value::Structure(fields), Some(payload))
            if input
                .member(payload)
                .and_then(|m| model.shape(&m.shape))
                .is_some_and(|s| s.shape_type == ShapeType::Blob) =>
        {
            Value::Structure(
                fields
                    .iter()
                    .filter(|(name, _)| name != payload)
                    .cloned()
                    .collect(),
            )
        }
        (members, _) => members.clone(),
    };
    request_parameters(model, input_name, &members)
}

/// Whether CloudTrail counts the operation as a data event: S3 object-level operations,
/// DynamoDB item operations, Bedrock model invocations and the like.
fn is_data_event(entry: &CatalogEntry, operation: &str, resources: &[String]) -> bool {
    match entry.signing_name {
        "s3" => resources.iter().any(|arn| {
            arn.strip_prefix("arn:aws:s3:::")
                .is_some_and(|r| r.contains('/'))
        }),
        "dynamodb" => matches!(
            operation,
            "GetItem"
                | "PutItem"
                | "UpdateItem"
                | "DeleteItem"
                | "BatchGetItem"
                | "BatchWriteItem"
                | "Query"
                | "Scan"
                | "TransactGetItems"
                | "TransactWriteItems"
                | "ExecuteStatement"
                | "BatchExecuteStatement"
                | "ExecuteTransaction"
        ),
        "bedrock" => entry.service == "bedrock-runtime" || entry.service == "bedrock-agent-runtime",
        "lambda" => operation == "Invoke" || operation == "InvokeWithResponseStream",
        _ => false,
    }
}

fn resource_type(arn: &str) -> Option<&'static str> {
    let rest = arn.strip_prefix("arn:aws:")?;
    let (service, rest) = rest.split_once(':')?;
    match service {
        "s3" => Some(if rest.contains('/') {
            "AWS::S3::Object"
        } else {
            "AWS::S3::Bucket"
        }),
        "dynamodb" => Some("AWS::DynamoDB::Table"),
        "sqs" => Some("AWS::SQS::Queue"),
        "bedrock" => Some("AWS::Bedrock::Model"),
        _ => None,
    }
}

fn audit_record(
    exchange: &Exchange,
    request_id: &str,
    peer: SocketAddr,
    user_agent: &str,
) -> AuditRecord {
    let identity = match &exchange.caller {
        Some(caller) => caller.audit_identity(),
        None => UserIdentity::unknown(exchange.access_key_id.as_deref()),
    };
    let prefix = exchange.entry.map_or("unknown", |entry| {
        if entry.signing_name == "s3" {
            "s3"
        } else {
            entry.endpoint_prefix
        }
    });
    let account = exchange.caller.as_ref().map(|c| c.account.0.clone());
    let operation = exchange.operation.as_deref().unwrap_or_default();
    let record = AuditRecord::api_call(
        EventSource::Gateway(prefix),
        operation,
        &exchange.region,
        Origin::client(peer.ip(), user_agent),
        identity,
        request_id,
    )
    .with_request(exchange.audit_members.clone())
    .with_account(account.as_deref())
    .with_gateway(
        exchange
            .resources
            .iter()
            .map(|arn| AuditResource {
                arn: arn.clone(),
                account_id: account.clone().unwrap_or_default(),
                kind: resource_type(arn),
            })
            .collect(),
        exchange.read_only,
        exchange
            .entry
            .is_some_and(|entry| is_data_event(entry, operation, &exchange.resources)),
        additional_event_data(exchange),
    );
    match &exchange.error {
        Some((code, message)) => record.with_error(code, message),
        None => record,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        map
    }

    #[test]
    fn the_scope_names_the_service() {
        let signed = headers(&[(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=ab",
        )]);
        assert_eq!(scope_service(&signed, "").as_deref(), Some("s3"));
        let presigned = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request";
        assert_eq!(
            scope_service(&HeaderMap::new(), presigned).as_deref(),
            Some("s3")
        );
        assert_eq!(scope_service(&HeaderMap::new(), "Action=ListUsers"), None);
    }

    #[test]
    fn virtual_hosted_buckets_become_path_style() {
        for host in [
            "photos.localhost:4577",
            "photos.s3.amazonaws.com",
            "photos.s3.eu-west-1.amazonaws.com",
        ] {
            assert_eq!(
                path_style("s3", &headers(&[("host", host)]), "/a/b.jpg"),
                "/photos/a/b.jpg"
            );
        }
        for host in ["localhost:4577", "127.0.0.1:4577", "s3.amazonaws.com"] {
            assert_eq!(
                path_style("s3", &headers(&[("host", host)]), "/photos/a"),
                "/photos/a"
            );
        }
        assert_eq!(
            path_style("dynamodb", &headers(&[("host", "x.localhost")]), "/"),
            "/"
        );
    }

    #[test]
    fn json_targets_and_hosts_pick_the_model() {
        let by_target = candidates(
            "dynamodb",
            &headers(&[("x-amz-target", "DynamoDB_20120810.GetItem")]),
        );
        assert_eq!(
            by_target.iter().map(|e| e.service).collect::<Vec<_>>(),
            ["dynamodb"]
        );
        let runtime = candidates(
            "bedrock",
            &headers(&[("host", "bedrock-runtime.us-east-1.amazonaws.com")]),
        );
        assert_eq!(runtime.first().map(|e| e.service), Some("bedrock-runtime"));
    }

    #[test]
    fn s3_objects_stream_and_bucket_calls_do_not() {
        let model = keyward_aws_model::catalog_entry("s3")
            .unwrap()
            .model()
            .unwrap();
        assert!(streams_payload(model, "PutObject"));
        assert!(streams_payload(model, "UploadPart"));
        assert!(!streams_payload(model, "ListObjectsV2"));
        assert!(!streams_payload(model, "PutBucketPolicy"));
    }

    #[test]
    fn data_events_are_object_and_item_level() {
        let s3 = keyward_aws_model::catalog_entry("s3").unwrap();
        assert!(is_data_event(
            s3,
            "GetObject",
            &["arn:aws:s3:::b/k".to_owned()]
        ));
        assert!(!is_data_event(s3, "ListBuckets", &[]));
        let ddb = keyward_aws_model::catalog_entry("dynamodb").unwrap();
        assert!(is_data_event(ddb, "PutItem", &[]));
        assert!(!is_data_event(ddb, "CreateTable", &[]));
    }
}
