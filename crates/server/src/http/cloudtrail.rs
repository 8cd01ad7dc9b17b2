//! CloudTrail's JSON 1.1 protocol (`X-Amz-Target: com.amazonaws.cloudtrail.v20131101.
//! CloudTrail_20131101.<Operation>`, SigV4 scope service `cloudtrail`), served beside the
//! Query protocol of IAM and STS: the same authentication and identities, authorization by the
//! same policy engine (`cloudtrail:LookupEvents` on `*`), errors in CloudTrail's JSON shape
//! (`__type`, `message`), and every call in the audit log as a read-only event.

use std::net::SocketAddr;

use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use keyward_aws_model::{DecodeError, HttpRequest, Value};
use keyward_sigv4::{self as sigv4, SignableRequest};

use crate::audit::{request_parameters, AuditRecord, EventSource, Origin, UserIdentity};
use crate::authz::{self, RequestFacts};
use crate::error::ApiError;
use crate::fronts::cloudtrail::{self, LookupError};
use crate::ids;
use crate::state::AppState;

/// The `X-Amz-Target` prefix of CloudTrail's operations.
const TARGET_PREFIX: &str = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

/// The content type of CloudTrail's requests and responses.
const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// Whether a request is addressed to CloudTrail (by its `X-Amz-Target`).
pub(super) fn is_addressed(parts: &Parts) -> bool {
    parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|target| target.starts_with(TARGET_PREFIX))
}

/// An error as CloudTrail answers it.
struct Refusal {
    status: u16,
    code: String,
    message: String,
}

impl From<LookupError> for Refusal {
    fn from(e: LookupError) -> Self {
        Refusal {
            status: e.status(),
            code: e.code().to_owned(),
            message: e.message(),
        }
    }
}

impl From<ApiError> for Refusal {
    /// Authentication and authorization errors with the codes JSON services use.
    fn from(e: ApiError) -> Self {
        let code = match &e {
            ApiError::Auth(sigv4::AuthError::InvalidClientTokenId) => "UnrecognizedClientException",
            ApiError::Auth(sigv4::AuthError::SignatureDoesNotMatch) => "InvalidSignatureException",
            ApiError::AccessDenied(_) => "AccessDeniedException",
            other => other.code(),
        };
        // JSON services answer a client's error with 400, whatever the Query services use.
        let status = if e.status() >= 500 { e.status() } else { 400 };
        Refusal {
            status,
            code: code.to_owned(),
            message: e.message(),
        }
    }
}

/// What the audit record needs of the exchange.
struct Outcome {
    operation: String,
    region: String,
    identity: UserIdentity,
    account: Option<String>,
    members: Option<Value>,
    result: Result<Value, Refusal>,
}

/// Answers one CloudTrail request.
pub(super) async fn handle(
    state: &AppState,
    peer: SocketAddr,
    parts: &Parts,
    body: &[u8],
    secure_transport: bool,
    user_agent: &str,
) -> Response {
    let request_id = ids::request_id();
    let outcome = process(state, peer, parts, body, secure_transport, user_agent).await;
    let model = keyward_aws_model::embedded(keyward_aws_model::Service::CloudTrail).ok();
    let mut record = audit_record(&outcome, peer, user_agent, &request_id);
    let (status, body) = match &outcome.result {
        Ok(result) => {
            let encoded = model.map(|model| {
                keyward_aws_model::encode_json_response(model, &outcome.operation, result)
            });
            match encoded {
                Some(Ok(body)) => (200, body),
                _ => {
                    tracing::error!(operation = %outcome.operation, "response not encodable");
                    let failure = Refusal::from(LookupError::InternalFailure);
                    record = record.with_error(&failure.code, &failure.message);
                    (failure.status, error_body(&failure))
                }
            }
        }
        Err(refusal) => {
            record = record.with_error(&refusal.code, &refusal.message);
            (refusal.status, error_body(refusal))
        }
    };
    // LookupEvents only reads: its record is written when there is room.
    state.audit.record(&record).await;
    if status >= 300 {
        tracing::info!(request_id = %request_id, service = "cloudtrail", action = %outcome.operation, status, "request");
    }
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

/// The audit record of a CloudTrail exchange, before its error (if any) is added.
fn audit_record(
    outcome: &Outcome,
    peer: SocketAddr,
    user_agent: &str,
    request_id: &str,
) -> AuditRecord {
    let model = keyward_aws_model::embedded(keyward_aws_model::Service::CloudTrail).ok();
    let mut record = AuditRecord::api_call(
        EventSource::CloudTrail,
        &outcome.operation,
        &outcome.region,
        Origin::client(peer.ip(), user_agent),
        outcome.identity.clone(),
        request_id,
    )
    .with_account(outcome.account.as_deref())
    .with_decisions(crate::authz::trail::additional_event_data());
    if let (Some(model), Some(members)) = (model, &outcome.members) {
        let shape = model
            .operation(&outcome.operation)
            .and_then(|op| op.input.as_ref())
            .map(|input| input.shape.clone());
        if let Some(shape) = shape {
            record = record.with_request(request_parameters(model, &shape, members));
        }
    }
    record
}

/// `LookupEvents` with `members` for the console, as the signed-in `caller`: authorized by the
/// same engine (`cloudtrail:LookupEvents` on `*`) and audited as the same call. The refusal is
/// CloudTrail's code and message.
pub(super) async fn lookup_for_console(
    state: &AppState,
    caller: &crate::auth::identity::Caller,
    members: Value,
    peer: SocketAddr,
    user_agent: &str,
    secure_transport: bool,
) -> Result<Value, (String, String)> {
    crate::authz::trail::collect(async {
        let request_id = ids::request_id();
        let mut outcome = Outcome {
            operation: "LookupEvents".to_owned(),
            region: "us-east-1".to_owned(),
            identity: caller.audit_identity(),
            account: Some(caller.account.0.clone()),
            members: Some(members.clone()),
            result: Ok(Value::structure()),
        };
        let facts = RequestFacts {
            source_ip: peer.ip(),
            region: outcome.region.clone(),
            user_agent: user_agent.to_owned(),
            time: state.clock.now(),
            operation_keys: Vec::new(),
            secure_transport,
        };
        let resource = authz::Resource::arn("*".to_owned());
        outcome.result =
            match authz::authorize(state, caller, cloudtrail::ACTION, &resource, &facts).await {
                Err(e) => Err(e.into()),
                Ok(_) => {
                    let now = time::OffsetDateTime::now_utc();
                    cloudtrail::lookup_events(state, &members, None, now)
                        .await
                        .map_err(Refusal::from)
                }
            };
        let mut record = audit_record(&outcome, peer, user_agent, &request_id);
        if let Err(refusal) = &outcome.result {
            record = record.with_error(&refusal.code, &refusal.message);
        }
        state.audit.record(&record).await;
        outcome
            .result
            .map_err(|refusal| (refusal.code, refusal.message))
    })
    .await
}

fn error_body(refusal: &Refusal) -> String {
    keyward_aws_model::encode_json_error(&refusal.code, &refusal.message)
}

/// Decodes, authenticates, authorizes and runs one request.
async fn process(
    state: &AppState,
    peer: SocketAddr,
    parts: &Parts,
    body: &[u8],
    secure_transport: bool,
    user_agent: &str,
) -> Outcome {
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut outcome = Outcome {
        operation: target
            .strip_prefix(TARGET_PREFIX)
            .unwrap_or_default()
            .to_owned(),
        region: "us-east-1".to_owned(),
        identity: UserIdentity::unknown(None),
        account: None,
        members: None,
        result: Ok(Value::structure()),
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
            outcome.result = Err(ApiError::from(e).into());
            return outcome;
        }
    };
    outcome.identity = UserIdentity::unknown(Some(&auth.access_key_id));
    outcome.region = auth.scope.region.clone();
    let caller = match super::authenticate(state, &signable, &auth, &["cloudtrail"]).await {
        Ok(caller) => caller,
        Err(e) => {
            outcome.result = Err(e.into());
            return outcome;
        }
    };
    outcome.identity = caller.audit_identity();
    outcome.account = Some(caller.account.0.clone());

    let Ok(model) = keyward_aws_model::embedded(keyward_aws_model::Service::CloudTrail) else {
        outcome.result = Err(LookupError::InternalFailure.into());
        return outcome;
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
            outcome.result = Err(Refusal {
                status: 400,
                code: "SerializationException".to_owned(),
                message: "Start of structure or map found where not expected.".to_owned(),
            });
            return outcome;
        }
        Err(_) => {
            outcome.result = Err(Refusal {
                status: 400,
                code: "UnknownOperationException".to_owned(),
                message: String::new(),
            });
            return outcome;
        }
    };
    let violations = decoded.validation_message();
    outcome.members = Some(decoded.members.clone());
    if decoded.operation != "LookupEvents" {
        // CloudTrail's trails, stores and channels are not emulated.
        outcome.result = Err(Refusal {
            status: 400,
            code: "UnknownOperationException".to_owned(),
            message: format!(
                "Keyward serves CloudTrail's LookupEvents only, not {}.",
                decoded.operation
            ),
        });
        return outcome;
    }
    let facts = RequestFacts {
        source_ip: peer.ip(),
        region: auth.scope.region.clone(),
        user_agent: user_agent.to_owned(),
        time: state.clock.now(),
        operation_keys: Vec::new(),
        secure_transport,
    };
    let resource = authz::Resource::arn("*".to_owned());
    if let Err(e) = authz::authorize(state, &caller, cloudtrail::ACTION, &resource, &facts).await {
        outcome.result = Err(e.into());
        return outcome;
    }
    // Audit records carry the real time, so lookups measure their window by it too.
    let now = time::OffsetDateTime::now_utc();
    outcome.result = cloudtrail::lookup_events(state, &decoded.members, violations, now)
        .await
        .map_err(Refusal::from);
    outcome
}
