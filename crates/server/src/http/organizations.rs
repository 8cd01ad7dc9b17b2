//! AWS Organizations' JSON 1.1 protocol (`X-Amz-Target: AWSOrganizationsV20161128.<Operation>`,
//! SigV4 scope service `organizations`): the same authentication, audit claim, authorization
//! and handlers as the Query services (the operations of `api/organizations/`), the input
//! decoded from the JSON body and validated against the model, results and errors in
//! Organizations' JSON shape (`__type`, `Message`, `Reason`), and every call in the audit log
//! with `eventSource: organizations.amazonaws.com`.

use std::net::SocketAddr;
use std::time::Instant;

use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use keyward_aws_model::{DecodeError, HttpRequest, ServiceModel, Value, Violation};
use keyward_sigv4::{self as sigv4, SignableRequest};

use super::{authenticate, claim_record};
use crate::api::operations::{self, Handler, Service};
use crate::api::Context;
use crate::audit::{request_parameters, AuditRecord, Claim, EventSource, Origin, UserIdentity};
use crate::auth::identity::Caller;
use crate::authz::RequestFacts;
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::ids;
use crate::metrics::metrics;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The `X-Amz-Target` prefix of Organizations' operations.
const TARGET_PREFIX: &str = "AWSOrganizationsV20161128.";

/// The content type of Organizations' requests and responses.
const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// Whether a request is addressed to Organizations (by its `X-Amz-Target`).
pub(super) fn is_addressed(parts: &Parts) -> bool {
    parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|target| target.starts_with(TARGET_PREFIX))
}

/// An error as Organizations answers it.
struct Refusal {
    status: u16,
    code: &'static str,
    message: String,
    reason: Option<&'static str>,
}

impl From<ApiError> for Refusal {
    /// Organizations' own errors as they are; authentication and authorization errors with
    /// the codes JSON services use; every client error 400.
    fn from(e: ApiError) -> Self {
        let code = match &e {
            ApiError::Auth(sigv4::AuthError::InvalidClientTokenId) => "UnrecognizedClientException",
            ApiError::Auth(sigv4::AuthError::SignatureDoesNotMatch) => "InvalidSignatureException",
            ApiError::AccessDenied(_) => "AccessDeniedException",
            ApiError::InvalidAction { .. } => "UnknownOperationException",
            ApiError::ServiceFailure => "ServiceException",
            other => other.code(),
        };
        let reason = match &e {
            ApiError::Organizations(e) => e.reason(),
            _ => None,
        };
        Refusal {
            status: if e.status() >= 500 { e.status() } else { 400 },
            code,
            message: e.message(),
            reason,
        }
    }
}

fn error_body(refusal: &Refusal) -> String {
    let mut body = serde_json::json!({ "__type": refusal.code, "Message": refusal.message });
    if let (Some(reason), Some(object)) = (refusal.reason, body.as_object_mut()) {
        object.insert("Reason".to_owned(), reason.into());
    }
    body.to_string()
}

/// The `InvalidInputException` reason of a model constraint violation.
fn violation_reason(violation: &Violation) -> &'static str {
    let constraint = violation.constraint.as_str();
    if constraint.contains("must not be null") {
        "INPUT_REQUIRED"
    } else if constraint.contains("length less than") {
        "MAX_LENGTH_EXCEEDED"
    } else if constraint.contains("length greater than") {
        "MIN_LENGTH_EXCEEDED"
    } else if constraint.contains("value less than") {
        "MAX_VALUE_EXCEEDED"
    } else if constraint.contains("value greater than") {
        "MIN_VALUE_EXCEEDED"
    } else if constraint.contains("enum value set") {
        "INVALID_ENUM"
    } else {
        "INVALID_PATTERN"
    }
}

/// What the audit record and the response need of the exchange.
struct Exchange {
    operation: String,
    region: String,
    identity: UserIdentity,
    caller: Option<Caller>,
    members: Option<Value>,
    claim: Option<Claim>,
    result: Result<Option<Element>, ApiError>,
}

fn model() -> Result<&'static ServiceModel, ApiError> {
    keyward_aws_model::embedded(keyward_aws_model::Service::Organizations).map_err(|e| {
        tracing::error!(error = %e, "embedded Organizations model does not load");
        ApiError::ServiceFailure
    })
}

/// Answers one Organizations request.
pub(super) async fn handle(
    state: &AppState,
    peer: SocketAddr,
    parts: &Parts,
    body: &[u8],
    secure_transport: bool,
    user_agent: &str,
) -> Response {
    let started = Instant::now();
    let request_id = ids::request_id();
    let mut exchange = crate::authz::trail::collect(process(
        state,
        peer,
        parts,
        body,
        secure_transport,
        user_agent,
    ))
    .await;
    let model = model().ok();
    let operation = model.and_then(|model| model.operation(&exchange.operation));

    // The body first: a result the model cannot carry is a failure the audit record shows.
    let mut response_body = None;
    if let (Ok(result), Some(model), Some(op)) = (&exchange.result, model, operation) {
        let value = match (result, &op.output) {
            (Some(element), Some(output)) => element.to_model_value(model, &output.shape),
            (None, _) => Some(Value::structure()),
            (Some(_), None) => None,
        };
        match value.map(|v| keyward_aws_model::encode_json_response(model, &op.name, &v)) {
            Some(Ok(body)) => response_body = Some(body),
            _ => {
                tracing::error!(operation = %op.name, "response does not fit the model");
                exchange.result = Err(ApiError::ServiceFailure);
            }
        }
    }

    let mut record = AuditRecord::api_call(
        EventSource::Organizations,
        &exchange.operation,
        &exchange.region,
        Origin::client(peer.ip(), user_agent),
        exchange.identity.clone(),
        &request_id,
    )
    .with_account(exchange.caller.as_ref().map(|c| c.account.0.as_str()))
    .with_decisions(crate::authz::trail::additional_event_data());
    if let (Some(model), Some(op), Some(members)) = (model, operation, &exchange.members) {
        if let Some(input) = &op.input {
            record = record.with_request(request_parameters(model, &input.shape, members));
        }
    }
    record = match &exchange.result {
        Ok(result) => record.with_response(result.as_ref().and_then(|result| {
            let output = operation?.output.as_ref()?;
            Some(result.to_redacted_audit_json(model?, &output.shape))
        })),
        Err(e) => {
            let refusal = Refusal::from(e.clone());
            record.with_error(refusal.code, &refusal.message)
        }
    };
    match exchange.claim.take() {
        Some(claim) => {
            if let Err(e) = state.audit.record_durably(&record, claim).await {
                tracing::error!(error = %e, request_id = %request_id, "audit record of a change not written");
                exchange.result = Err(ApiError::ServiceFailure);
            }
        }
        None => state.audit.record(&record).await,
    }

    let (status, body) = match &exchange.result {
        Ok(_) => (200, response_body.unwrap_or_else(|| "{}".to_owned())),
        Err(e) => {
            let refusal = Refusal::from(e.clone());
            (refusal.status, error_body(&refusal))
        }
    };
    let code = match &exchange.result {
        Ok(_) => "",
        Err(e) => Refusal::from(e.clone()).code,
    };
    if status >= 300 {
        tracing::info!(request_id = %request_id, service = "organizations", action = %exchange.operation, status, error = code, "request");
    }
    let served = operations::find(Service::Organizations, &exchange.operation)
        .map_or("unknown", |entry| entry.name);
    metrics().request("organizations", served, status, code, started.elapsed());
    let mut response = (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    if let Ok(id) = HeaderValue::from_str(&request_id) {
        headers.insert("x-amzn-requestid", id);
    }
    response
}

/// Decodes, authenticates, claims the audit record, authorizes and runs one request.
async fn process(
    state: &AppState,
    peer: SocketAddr,
    parts: &Parts,
    body: &[u8],
    secure_transport: bool,
    user_agent: &str,
) -> Exchange {
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut exchange = Exchange {
        operation: target
            .strip_prefix(TARGET_PREFIX)
            .unwrap_or_default()
            .to_owned(),
        region: "us-east-1".to_owned(),
        identity: UserIdentity::unknown(None),
        caller: None,
        members: None,
        claim: None,
        result: Ok(None),
    };
    let query_string = parts.uri.query().unwrap_or("");
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
        body,
    };
    let auth = match sigv4::parse(&signable) {
        Ok(auth) => auth,
        Err(e) => {
            exchange.result = Err(e.into());
            return exchange;
        }
    };
    exchange.identity = UserIdentity::unknown(Some(&auth.access_key_id));
    exchange.region = auth.scope.region.clone();
    let caller = match authenticate(state, &signable, &auth, &["organizations"]).await {
        Ok(caller) => caller,
        Err(e) => {
            exchange.result = Err(e);
            return exchange;
        }
    };
    exchange.identity = caller.audit_identity();
    exchange.caller = Some(caller.clone());

    let model = match model() {
        Ok(model) => model,
        Err(e) => {
            exchange.result = Err(e);
            return exchange;
        }
    };
    let owned_headers: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let request = HttpRequest {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: query_string,
        headers: &owned_headers,
        body,
    };
    let decoded = match keyward_aws_model::decode_request(model, &request) {
        Ok(decoded) => decoded,
        Err(DecodeError::MalformedBody(_)) => {
            exchange.result = Err(OrganizationsError::Serialization.into());
            return exchange;
        }
        Err(_) => {
            exchange.result = Err(ApiError::InvalidAction {
                action: exchange.operation.clone(),
                version: keyward_aws_model::generated::organizations::API_VERSION.to_owned(),
            });
            return exchange;
        }
    };
    exchange.operation = decoded.operation.clone();
    let Some(entry) = operations::find(Service::Organizations, &decoded.operation) else {
        exchange.result = Err(ApiError::InvalidAction {
            action: decoded.operation.clone(),
            version: keyward_aws_model::generated::organizations::API_VERSION.to_owned(),
        });
        return exchange;
    };
    if let (Some(message), Some(first)) = (decoded.validation_message(), decoded.violations.first())
    {
        exchange.result = Err(ApiError::Organizations(OrganizationsError::InvalidInput(
            violation_reason(first),
            message,
        )));
        exchange.members = Some(decoded.members);
        return exchange;
    }
    match claim_record(state, Service::Organizations, entry.name, body.len()).await {
        Ok(claim) => exchange.claim = claim,
        Err(e) => {
            exchange.result = Err(e);
            return exchange;
        }
    }
    let facts = RequestFacts {
        source_ip: peer.ip(),
        region: auth.scope.region.clone(),
        user_agent: user_agent.to_owned(),
        time: state.clock.now(),
        operation_keys: Vec::new(),
        secure_transport,
    };
    let members = exchange.members.insert(decoded.members);
    exchange.result = match entry.handler {
        Handler::Signed(run) => {
            let ctx = Context {
                state,
                caller: &caller,
                facts: &facts,
                service: Service::Organizations,
            };
            run(&ctx, members).await
        }
        // Organizations has no unsigned operation.
        Handler::Unsigned(_) => Err(ApiError::ServiceFailure),
    };
    exchange
}
