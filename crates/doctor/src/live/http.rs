//! A small HTTP(S) client with hard time limits, so that a dead endpoint is reported within
//! seconds instead of hanging the doctor.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Uri;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Why a request got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// The URL cannot be used.
    #[error("invalid URL {0}")]
    InvalidUrl(String),
    /// Connection refused, DNS failure, TLS failure or time limit: nothing answered.
    #[error("{0}")]
    Unreachable(String),
    /// No TLS trust roots could be loaded for https.
    #[error("cannot set up TLS: {0}")]
    Tls(String),
}

/// An answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// The server's `Date` header, for clock skew.
    pub date: Option<OffsetDateTime>,
    /// Body as text (lossy UTF-8).
    pub body: String,
}

/// A request to send.
#[derive(Clone, Debug)]
pub struct Request {
    /// `GET`, `POST`, `PUT`.
    pub method: &'static str,
    /// Absolute URL.
    pub url: String,
    /// Headers besides `host`, which the client derives from the URL.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// The parts of an endpoint URL a signer needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// `host[:port]` as sent in the `Host` header.
    pub host: String,
    /// Path, at least `/`.
    pub path: String,
}

/// Splits an endpoint URL into host and path.
pub fn target(url: &str) -> Result<Target, HttpError> {
    let uri: Uri = url
        .parse()
        .map_err(|_| HttpError::InvalidUrl(url.to_owned()))?;
    let authority = uri
        .authority()
        .ok_or_else(|| HttpError::InvalidUrl(url.to_owned()))?;
    if !matches!(uri.scheme_str(), Some("http" | "https")) {
        return Err(HttpError::InvalidUrl(url.to_owned()));
    }
    let host = authority.as_str().rsplit('@').next().unwrap_or_default();
    let path = match uri.path() {
        "" => "/".to_owned(),
        p => p.to_owned(),
    };
    Ok(Target {
        host: host.to_owned(),
        path,
    })
}

/// The client: one connection pool, a connect limit and a whole-request limit.
pub struct Http {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    total: Duration,
}

impl Http {
    /// A client that gives up connecting after `connect` and on any request after `total`.
    pub fn new(connect: Duration, total: Duration) -> Result<Self, HttpError> {
        let mut http = HttpConnector::new();
        http.set_connect_timeout(Some(connect));
        http.enforce_http(false);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_native_roots()
            .map_err(|e| HttpError::Tls(e.to_string()))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Ok(Http {
            client: Client::builder(TokioExecutor::new()).build(https),
            total,
        })
    }

    /// Sends a request and reads the whole answer within the time limit.
    pub async fn send(&self, req: Request) -> Result<Response, HttpError> {
        let t = target(&req.url)?;
        let mut builder = hyper::Request::builder()
            .method(req.method)
            .uri(&req.url)
            .header("host", &t.host);
        for (k, v) in &req.headers {
            builder = builder.header(k.as_str(), v.as_str());
        }
        let request = builder
            .body(Full::new(Bytes::from(req.body)))
            .map_err(|e| HttpError::InvalidUrl(format!("{}: {e}", req.url)))?;
        let exchange = async {
            let resp = self
                .client
                .request(request)
                .await
                .map_err(|e| HttpError::Unreachable(describe(&e)))?;
            let status = resp.status().as_u16();
            let date = resp
                .headers()
                .get("date")
                .and_then(|d| d.to_str().ok())
                .and_then(parse_http_date);
            let body = resp
                .into_body()
                .collect()
                .await
                .map_err(|e| HttpError::Unreachable(e.to_string()))?
                .to_bytes();
            Ok(Response {
                status,
                date,
                body: String::from_utf8_lossy(&body).into_owned(),
            })
        };
        match tokio::time::timeout(self.total, exchange).await {
            Ok(r) => r,
            Err(_) => Err(HttpError::Unreachable(format!(
                "no answer within {} s",
                self.total.as_secs()
            ))),
        }
    }
}

/// The innermost cause of a client error ("Connection refused", "deadline has elapsed", …).
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    let inner = cause.to_string();
    if inner.contains("deadline") || inner.contains("timed out") {
        "connection timed out".to_owned()
    } else {
        inner
    }
}

/// Parses an IMF-fixdate (`Tue, 24 Nov 2026 09:22:01 GMT`), the only form servers send now.
pub fn parse_http_date(s: &str) -> Option<OffsetDateTime> {
    let fmt = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    PrimitiveDateTime::parse(s.trim(), fmt)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_date_header() {
        let d = parse_http_date("Tue, 24 Nov 2026 09:22:01 GMT").expect("parses");
        assert_eq!(d.unix_timestamp(), 1_795_512_121);
    }

    #[test]
    fn splits_endpoints() {
        let t = target("http://127.0.0.1:4577").expect("valid");
        assert_eq!((t.host.as_str(), t.path.as_str()), ("127.0.0.1:4577", "/"));
        assert!(target("ftp://x").is_err());
    }
}
