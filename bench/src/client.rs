//! The HTTP side of the load generator: one keep-alive connection pool per target and AWS
//! Query requests signed afresh with `keyward_sigv4`, exactly as an SDK would send them.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use keyward_sigv4::{sign_headers, Credentials, SignableRequest};
use time::OffsetDateTime;

/// The region both systems are addressed in; moto needs one in the credential scope as AWS does.
pub const REGION: &str = "us-east-1";
const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// An access key pair, owned so that workers can keep it for a whole run.
#[derive(Clone)]
pub struct Creds {
    /// Access key id (`AKIA…` or `ASIA…`).
    pub access_key_id: String,
    /// Secret access key.
    pub secret: String,
    /// Session token of temporary credentials.
    pub session_token: Option<String>,
}

impl Creds {
    /// Long-term credentials.
    pub fn long_term(access_key_id: &str, secret: &str) -> Self {
        Creds {
            access_key_id: access_key_id.to_owned(),
            secret: secret.to_owned(),
            session_token: None,
        }
    }

    fn signing(&self) -> Credentials<'_> {
        Credentials {
            access_key_id: &self.access_key_id,
            secret_access_key: &self.secret,
            session_token: self.session_token.as_deref(),
        }
    }
}

/// One AWS Query call: the signing service and the form body.
pub struct Call {
    /// `iam` or `sts`.
    pub service: &'static str,
    /// URL-encoded form body, `Action=…&Version=…&…`.
    pub body: String,
}

impl Call {
    /// Builds a call from the action and its parameters, encoding them as the SDKs do.
    pub fn new(service: &'static str, action: &str, params: &[(&str, &str)]) -> Self {
        let version = if service == "sts" {
            "2011-06-15"
        } else {
            "2010-05-08"
        };
        let mut form = form_urlencoded::Serializer::new(String::with_capacity(128));
        form.append_pair("Action", action)
            .append_pair("Version", version);
        for (name, value) in params {
            form.append_pair(name, value);
        }
        Call {
            service,
            body: form.finish(),
        }
    }
}

/// What came back: the status and the whole body.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Response body (XML).
    pub body: Bytes,
}

impl Reply {
    /// Whether the status is 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The text of the first `<name>…</name>` element; enough for the few fields the
    /// benchmark reads back (new keys, session credentials, ARNs).
    pub fn field(&self, name: &str) -> Option<String> {
        let text = std::str::from_utf8(&self.body).ok()?;
        let open = format!("<{name}>");
        let start = text.find(&open)? + open.len();
        let end = start + text[start..].find(&format!("</{name}>"))?;
        Some(text[start..end].to_owned())
    }

    /// A short, single-line excerpt of the body for error reports.
    pub fn excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        line.chars().take(300).collect()
    }
}

/// A keep-alive client for one server.
#[derive(Clone)]
pub struct AwsClient {
    http: Client<HttpConnector, Full<Bytes>>,
    uri: hyper::Uri,
    host: String,
}

impl AwsClient {
    /// A client for `http://127.0.0.1:port/` keeping up to `connections` idle connections, so
    /// that a closed-loop run with that many workers never reconnects to a keep-alive server.
    pub fn new(port: u16, connections: usize) -> Self {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let http = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(connections)
            .pool_idle_timeout(Duration::from_secs(90))
            .build(connector);
        let host = format!("127.0.0.1:{port}");
        AwsClient {
            http,
            uri: format!("http://{host}/")
                .parse()
                .expect("valid loopback uri"),
            host,
        }
    }

    /// Signs `call` with `creds` now and sends it.
    pub async fn send(&self, creds: &Creds, call: &Call) -> Result<Reply, String> {
        let request = self.signed(creds, call)?;
        let response = self
            .http
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok(Reply { status, body })
    }

    /// Sends `call` and fails unless the answer is 2xx.
    pub async fn expect_ok(&self, creds: &Creds, call: &Call) -> Result<Reply, String> {
        let reply = self.send(creds, call).await?;
        if reply.ok() {
            Ok(reply)
        } else {
            Err(format!(
                "{} answered {}: {}",
                call.body.split('&').next().unwrap_or_default(),
                reply.status,
                reply.excerpt()
            ))
        }
    }

    /// The signed HTTP request for `call`; also used to measure the client's signing cost.
    pub fn signed(&self, creds: &Creds, call: &Call) -> Result<Request<Full<Bytes>>, String> {
        let length = call.body.len().to_string();
        let headers = [
            ("content-length", length.as_str()),
            ("content-type", CONTENT_TYPE),
            ("host", self.host.as_str()),
        ];
        let signable = SignableRequest {
            method: "POST",
            path: "/",
            query: "",
            headers: &headers,
            body: call.body.as_bytes(),
        };
        let auth = sign_headers(
            &signable,
            &creds.signing(),
            REGION,
            call.service,
            OffsetDateTime::now_utc(),
        );
        let mut builder = Request::post(self.uri.clone());
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        for (name, value) in auth {
            builder = builder.header(name, value);
        }
        builder
            .body(Full::new(Bytes::from(call.body.clone())))
            .map_err(|e| e.to_string())
    }

    /// A plain GET, for health checks.
    pub async fn get(&self, path: &str) -> Result<u16, String> {
        let uri: hyper::Uri = format!("http://{}{path}", self.host)
            .parse()
            .map_err(|e: hyper::http::uri::InvalidUri| e.to_string())?;
        let request = Request::get(uri)
            .body(Full::new(Bytes::new()))
            .map_err(|e| e.to_string())?;
        let response = self
            .http
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?;
        Ok(status)
    }

    /// A plain POST with a text body, for moto's control API.
    pub async fn post_plain(&self, path: &str, body: &str) -> Result<u16, String> {
        let uri: hyper::Uri = format!("http://{}{path}", self.host)
            .parse()
            .map_err(|e: hyper::http::uri::InvalidUri| e.to_string())?;
        let request = Request::post(uri)
            .body(Full::new(Bytes::from(body.to_owned())))
            .map_err(|e| e.to_string())?;
        let response = self
            .http
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        Ok(response.status().as_u16())
    }
}
