//! Helpers for the unit tests beside the code: state without a disk, callers, and operations
//! run through the same path as an HTTP request once it is authenticated.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use crate::api::operations::Service;
use crate::auth::identity::{Caller, Identity};
use crate::authz::RequestFacts;
use crate::error::ApiError;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The account every test state serves.
pub const ACCOUNT: &str = "123456789012";

/// Fresh state over an in-memory store.
pub fn state() -> Arc<AppState> {
    AppState::in_memory(ACCOUNT).expect("in-memory state")
}

/// The account's root user.
pub fn root(state: &AppState) -> Caller {
    Caller {
        identity: Identity::Root,
        access_key_id: "AKIAROOTTESTKEY00000".to_owned(),
        account: state.account.clone(),
        token_issued: None,
        token_expires: None,
        mfa_authenticated: None,
    }
}

/// A new IAM user, created by root, as a caller.
pub async fn user(state: &AppState, name: &str) -> Caller {
    call(
        state,
        &root(state),
        Service::Iam,
        &[("Action", "CreateUser"), ("UserName", name)],
    )
    .await
    .expect("CreateUser");
    let user = state.store.get_user(name).await.expect("user exists");
    Caller {
        identity: Identity::User(user),
        access_key_id: format!("AKIA{:016}", name.len()),
        account: state.account.clone(),
        token_issued: None,
        token_expires: None,
        mfa_authenticated: None,
    }
}

/// A request's parameters, as the Query protocol decodes them.
pub fn query(params: &[(&str, &str)]) -> QueryRequest {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    QueryRequest::decode("", Some(body.as_bytes()))
}

/// The facts of a request from the loopback address, signed for `us-east-1`.
pub fn facts(query: &QueryRequest) -> RequestFacts {
    RequestFacts {
        source_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        region: "us-east-1".to_owned(),
        user_agent: "unit-test".to_owned(),
        time: time::OffsetDateTime::now_utc(),
        operation_keys: crate::authz::operation_keys(query),
        secure_transport: false,
    }
}

/// Decodes, authorizes and runs one operation as `caller`.
pub async fn call(
    state: &AppState,
    caller: &Caller,
    service: Service,
    params: &[(&str, &str)],
) -> Result<Option<Element>, ApiError> {
    let query = query(params);
    crate::http::run(state, caller, service, &query, &facts(&query), &mut None).await
}
