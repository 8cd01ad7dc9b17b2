//! Forwarding an allowed request to its upstream, streaming both ways: the request body passes
//! through the payload check of its signature (a signed digest, signed `aws-chunked` chunks)
//! frame by frame, the response comes back untouched. Nothing holds a whole body: a checked
//! chunk is the most one request keeps.

use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, Request, Uri};
use axum::response::Response;
use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Frame, SizeHint};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use keyward_sigv4::{self as sigv4, BodyCheck, BodyError};

use crate::config::{Upstream, UpstreamSigning};

/// What the upstream client sends.
pub type UpstreamBody = UnsyncBoxBody<Bytes, BoxError>;
type BoxError = Box<dyn std::error::Error + Send + Sync>;
type UpstreamClient = Client<hyper_rustls::HttpsConnector<HttpConnector>, UpstreamBody>;

/// One client for every upstream, with its connection pool.
fn client() -> &'static UpstreamClient {
    static CLIENT: OnceLock<UpstreamClient> = OnceLock::new();
    CLIENT.get_or_init(|| {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        Client::builder(TokioExecutor::new()).build(connector)
    })
}

/// Headers that describe the caller's signature, its payload encoding or one connection;
/// the forwarded request gets its own.
const DROPPED_HEADERS: &[&str] = &[
    "authorization",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
    "x-amz-decoded-content-length",
    "x-amz-trailer",
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// Presigned-URL parameters, which describe the caller's signature.
const PRESIGN_PARAMETERS: &[&str] = &[
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
    "X-Amz-Security-Token",
    "X-Amz-Content-Sha256",
];

/// The query without the presigned-URL parameters.
pub fn strip_presign(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
            !pair.is_empty() && !PRESIGN_PARAMETERS.contains(&name)
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Where the body's check failed, for the answer to the client once the upstream call ends.
pub type BodyFailure = Arc<Mutex<Option<BodyError>>>;

/// A request body checked against its signature as it streams.
pub struct CheckedBody {
    inner: Body,
    check: BodyCheck,
    /// Data ready to go out.
    ready: Option<Bytes>,
    /// The last checked data waits for the next, or for the end of the body to pass its
    /// check (the digest, the final chunk): until then the upstream lacks the body's last
    /// bytes, so a body that fails at its end never reaches it whole.
    held: Option<Bytes>,
    done: bool,
    length: Option<u64>,
    failure: BodyFailure,
}

impl CheckedBody {
    /// Wraps `inner`, whose decoded length is `length` when known.
    pub fn new(inner: Body, check: BodyCheck, length: Option<u64>, failure: BodyFailure) -> Self {
        CheckedBody {
            inner,
            check,
            ready: None,
            held: None,
            done: false,
            length,
            failure,
        }
    }

    /// Reads until the first checked data (or the end): a body whose first chunk is forged or
    /// malformed, or a small body whose digest is wrong, is refused before any upstream is
    /// contacted.
    pub async fn prime(mut self) -> Result<Self, BodyError> {
        match self.frame().await {
            None => {
                self.done = true;
                Ok(self)
            }
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    self.ready = Some(data);
                }
                Ok(self)
            }
            Some(Err(_)) => Err(self
                .failure
                .lock()
                .ok()
                .and_then(|slot| slot.clone())
                .unwrap_or(BodyError::Truncated)),
        }
    }

    fn fail(&mut self, error: BodyError) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        if let Ok(mut slot) = self.failure.lock() {
            *slot = Some(error.clone());
        }
        self.done = true;
        Poll::Ready(Some(Err(Box::new(error))))
    }
}

impl hyper::body::Body for CheckedBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        loop {
            if let Some(data) = this.ready.take() {
                return Poll::Ready(Some(Ok(Frame::data(data))));
            }
            if this.done {
                return Poll::Ready(None);
            }
            match Pin::new(&mut this.inner).poll_frame(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    return Poll::Ready(Some(Err(Box::new(e))));
                }
                Poll::Ready(Some(Ok(frame))) => {
                    let Ok(data) = frame.into_data() else {
                        continue;
                    };
                    let checked = match &mut this.check {
                        BodyCheck::Unsigned => data,
                        BodyCheck::Sha256(hash) => {
                            hash.update(&data);
                            data
                        }
                        BodyCheck::Chunked(decoder) => {
                            let mut out = Vec::new();
                            if let Err(e) = decoder.push(&data, &mut out) {
                                return this.fail(e);
                            }
                            Bytes::from(out)
                        }
                    };
                    if !checked.is_empty() {
                        this.ready = this.held.replace(checked);
                    }
                }
                Poll::Ready(None) => {
                    let finished = match std::mem::replace(&mut this.check, BodyCheck::Unsigned) {
                        BodyCheck::Unsigned => Ok(()),
                        BodyCheck::Sha256(hash) => hash.finish(),
                        BodyCheck::Chunked(decoder) => decoder.finish(),
                    };
                    if let Err(e) = finished {
                        return this.fail(e);
                    }
                    this.ready = this.held.take();
                    this.done = true;
                }
            }
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self.length {
            Some(length) => SizeHint::with_exact(length),
            None => SizeHint::default(),
        }
    }
}

/// Why the upstream could not answer.
#[derive(Debug)]
pub enum ForwardError {
    /// The request body failed its check while streaming.
    Body(BodyError),
    /// The upstream could not be reached or broke off.
    Upstream(String),
}

/// What to forward.
pub struct Outgoing<'a> {
    /// The method.
    pub method: &'a Method,
    /// The path for the upstream (path-style for S3), as sent (percent-encoded).
    pub path: &'a str,
    /// The query without presigned-URL parameters.
    pub query: &'a str,
    /// The caller's headers.
    pub headers: &'a HeaderMap,
    /// The SigV4 region and signing name to re-sign with.
    pub region: &'a str,
    /// The signing name.
    pub service: &'a str,
}

/// The body to forward: the whole (already checked) body, or a stream of known length.
pub enum OutgoingBody {
    /// Buffered and checked.
    Full(Bytes),
    /// Streaming through its check.
    Stream(Box<CheckedBody>),
}

/// Sends the request to `upstream` and returns its response as it arrives.
pub async fn forward(
    upstream: &Upstream,
    outgoing: &Outgoing<'_>,
    body: OutgoingBody,
    failure: &BodyFailure,
) -> Result<Response, ForwardError> {
    let mut target = format!("{}{}", upstream.url, outgoing.path);
    if !outgoing.query.is_empty() {
        target.push('?');
        target.push_str(outgoing.query);
    }
    let uri: Uri = target
        .parse()
        .map_err(|e| ForwardError::Upstream(format!("upstream URL {target}: {e}")))?;
    let authority = uri
        .authority()
        .map(|a| a.as_str().to_owned())
        .unwrap_or_default();
    let mut headers = HeaderMap::new();
    for (name, value) in outgoing.headers {
        if DROPPED_HEADERS.contains(&name.as_str()) {
            continue;
        }
        if name == header::CONTENT_ENCODING {
            // `aws-chunked` is this hop's framing; the upstream gets the decoded body.
            let rest: Vec<&str> = value
                .to_str()
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|token| !token.is_empty() && !token.eq_ignore_ascii_case("aws-chunked"))
                .collect();
            if let Ok(value) = HeaderValue::from_str(&rest.join(",")) {
                if !rest.is_empty() {
                    headers.append(name.clone(), value);
                }
            }
            continue;
        }
        headers.append(name.clone(), value.clone());
    }
    let (body, length, payload_hash) = match body {
        OutgoingBody::Full(bytes) => {
            let hash = sha256_hex(&bytes);
            let length = bytes.len() as u64;
            let body = Full::new(bytes)
                .map_err(|never| match never {})
                .boxed_unsync();
            (body, Some(length), hash)
        }
        OutgoingBody::Stream(stream) => {
            let length = stream.length;
            (
                stream.boxed_unsync(),
                length,
                sigv4::UNSIGNED_PAYLOAD.to_owned(),
            )
        }
    };
    if let Some(length) = length {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    if let UpstreamSigning::Key {
        access_key_id,
        secret_access_key,
    } = &upstream.signing
    {
        let mut signable: Vec<(String, String)> = vec![
            ("host".to_owned(), authority.clone()),
            ("x-amz-content-sha256".to_owned(), payload_hash.clone()),
        ];
        for (name, value) in &headers {
            if let Ok(value) = value.to_str() {
                signable.push((name.as_str().to_owned(), value.to_owned()));
            }
        }
        let pairs: Vec<(&str, &str)> = signable
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let path = uri.path().to_owned();
        let query = uri.query().unwrap_or("").to_owned();
        let request = sigv4::SignableRequest {
            method: outgoing.method.as_str(),
            path: &path,
            query: &query,
            headers: &pairs,
            body: &[],
        };
        let credentials = sigv4::Credentials {
            access_key_id,
            secret_access_key,
            session_token: None,
        };
        let signed = sigv4::sign_headers(
            &request,
            &credentials,
            outgoing.region,
            outgoing.service,
            time::OffsetDateTime::now_utc(),
        );
        headers.insert(
            "x-amz-content-sha256",
            HeaderValue::from_str(&payload_hash)
                .map_err(|e| ForwardError::Upstream(e.to_string()))?,
        );
        for (name, value) in signed {
            let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&value),
            ) else {
                continue;
            };
            headers.insert(name, value);
        }
    }
    let mut request = Request::new(body);
    *request.method_mut() = outgoing.method.clone();
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    match client().request(request).await {
        Ok(response) => {
            let (mut parts, incoming) = response.into_parts();
            for hop in ["connection", "keep-alive", "transfer-encoding"] {
                parts.headers.remove(hop);
            }
            Ok(Response::from_parts(parts, Body::new(incoming)))
        }
        Err(e) => {
            let failed_body = failure.lock().ok().and_then(|slot| slot.clone());
            match failed_body {
                Some(body_error) => Err(ForwardError::Body(body_error)),
                None => Err(ForwardError::Upstream(format!("{}: {e}", upstream.url))),
            }
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes);
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presign_parameters_are_not_forwarded() {
        assert_eq!(
            strip_presign(
                "versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab&x-id=GetObject"
            ),
            "versionId=3&x-id=GetObject"
        );
        assert_eq!(strip_presign(""), "");
    }
}
