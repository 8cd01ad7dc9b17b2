//! The floor of issue 20: the same HTTP stack as Keyward (axum on hyper, tokio's multi-thread
//! runtime) answering a fixed `GetCallerIdentity` body to every POST and doing nothing else.
//! It runs as a child process of the benchmark (the benchmark binary started again with
//! `--serve-floor PORT`), so it is driven by the same client over the same connections as
//! Keyward and its CPU is measured the same way; every mix is reported as a ratio to it.

use axum::body::Bytes;
use axum::http::{header, Method, StatusCode};
use axum::response::IntoResponse;
use axum::Router;

/// What the floor answers to every POST: the shape and size of Keyward's own
/// `GetCallerIdentity` response.
const CALLER_IDENTITY: &str =
    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
<GetCallerIdentityResult>\
<Arn>arn:aws:iam::123456789012:user/bench-user-0</Arn>\
<UserId>AIDAEXAMPLEFLOORUSER0</UserId>\
<Account>123456789012</Account>\
</GetCallerIdentityResult>\
<ResponseMetadata><RequestId>4f3c1bde-2a1e-4c55-9d0c-6f1d2f0a7b11</RequestId></ResponseMetadata>\
</GetCallerIdentityResponse>";

/// Reads the request body, as any real handler must, and answers the fixed body to a POST;
/// anything else (the start-up health check) gets an empty 200.
async fn answer(method: Method, body: Bytes) -> impl IntoResponse {
    drop(body);
    if method == Method::POST {
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/xml")],
            CALLER_IDENTITY,
        )
    } else {
        (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain")], "")
    }
}

/// Serves the floor on `127.0.0.1:port` until the process is killed.
pub async fn serve(port: u16) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("floor: binding port {port}: {e}"))?;
    let app = Router::new().fallback(answer);
    axum::serve(listener, app)
        .await
        .map_err(|e| format!("floor: {e}"))
}
