//! Signed (or unsigned) AWS Query protocol calls to IAM and STS, and the mapping of AWS error
//! codes to finding codes.

use time::OffsetDateTime;

use super::http::{self, Http, HttpError, Request};
use crate::model::{Code, Finding, StaticCredentials};
use crate::xml::{self, Node};

/// Where a call goes and how it is scoped.
#[derive(Clone, Copy, Debug)]
pub struct Service<'a> {
    /// Endpoint URL.
    pub url: &'a str,
    /// Region of the credential scope.
    pub region: &'a str,
    /// `sts` or `iam`: the signing name and the API version.
    pub name: ServiceName,
}

/// The two services the doctor talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceName {
    /// Security Token Service.
    Sts,
    /// Identity and Access Management.
    Iam,
}

impl ServiceName {
    fn signing_name(self) -> &'static str {
        match self {
            ServiceName::Sts => "sts",
            ServiceName::Iam => "iam",
        }
    }

    fn version(self) -> &'static str {
        match self {
            ServiceName::Sts => "2011-06-15",
            ServiceName::Iam => "2010-05-08",
        }
    }
}

/// An error response: `<ErrorResponse><Error><Code>…`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsError {
    /// HTTP status.
    pub status: u16,
    /// AWS error code.
    pub code: String,
    /// AWS message.
    pub message: String,
}

/// Why a call produced no result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// Nothing answered (or the URL is unusable).
    #[error("{0}")]
    Http(#[from] HttpError),
    /// The service answered with an error.
    #[error("{} ({}): {}", .0.code, .0.status, .0.message)]
    Aws(AwsError),
    /// The answer was not the XML expected.
    #[error("unreadable answer (HTTP {status}): {snippet}")]
    Malformed {
        /// HTTP status.
        status: u16,
        /// The start of the body.
        snippet: String,
    },
}

/// One exchange: the result and the server's clock, which even an error carries.
#[derive(Debug)]
pub struct Exchange {
    /// Parsed result element or the error.
    pub result: Result<Node, CallError>,
    /// The server's `Date` header.
    pub date: Option<OffsetDateTime>,
}

/// Calls `action` with `params`; signs with `creds` when given (web identity is unsigned).
pub async fn call(
    client: &Http,
    service: Service<'_>,
    creds: Option<&StaticCredentials>,
    action: &str,
    params: &[(String, String)],
) -> Exchange {
    let target = match http::target(service.url) {
        Ok(t) => t,
        Err(e) => {
            return Exchange {
                result: Err(e.into()),
                date: None,
            }
        }
    };
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("Action", action);
    form.append_pair("Version", service.name.version());
    for (k, v) in params {
        form.append_pair(k, v);
    }
    let body = form.finish().into_bytes();
    let content_type = "application/x-www-form-urlencoded; charset=utf-8";
    let mut headers = vec![("content-type".to_owned(), content_type.to_owned())];
    if let Some(c) = creds {
        let signable_headers = [
            ("host", target.host.as_str()),
            ("content-type", content_type),
        ];
        let req = keyward_sigv4::SignableRequest {
            method: "POST",
            path: &target.path,
            query: "",
            headers: &signable_headers,
            body: &body,
        };
        let sig_creds = keyward_sigv4::Credentials {
            access_key_id: c.access_key_id.expose(),
            secret_access_key: c.secret_access_key.expose(),
            session_token: c.session_token.as_ref().map(|t| t.expose()),
        };
        headers.extend(keyward_sigv4::sign_headers(
            &req,
            &sig_creds,
            service.region,
            service.name.signing_name(),
            OffsetDateTime::now_utc(),
        ));
    }
    let sent = client
        .send(Request {
            method: "POST",
            url: service.url.to_owned(),
            headers,
            body,
        })
        .await;
    match sent {
        Err(e) => Exchange {
            result: Err(e.into()),
            date: None,
        },
        Ok(resp) => Exchange {
            result: interpret(resp.status, &resp.body),
            date: resp.date,
        },
    }
}

fn interpret(status: u16, body: &str) -> Result<Node, CallError> {
    let malformed = || CallError::Malformed {
        status,
        snippet: body.chars().take(200).collect(),
    };
    let root = xml::parse(body).ok_or_else(malformed)?;
    if let Some(code) = root
        .text_of("Code")
        .filter(|_| root.find("Error").is_some())
    {
        return Err(CallError::Aws(AwsError {
            status,
            code: code.to_owned(),
            message: root.text_of("Message").unwrap_or_default().to_owned(),
        }));
    }
    if !(200..300).contains(&status) {
        return Err(malformed());
    }
    Ok(root)
}

/// The finding for an AWS error, with `what` naming the call and `key` the masked key id.
pub fn classify(err: &AwsError, what: &str, key: &str) -> Finding {
    let said = format!("{what}: {} ({})", err.message, err.code);
    match err.code.as_str() {
        "InvalidClientTokenId" | "UnrecognizedClientException" => Finding::error(
            Code::InvalidClientTokenId,
            format!("{said}. The endpoint does not know access key {key}: deleted, from another account or partition, or meant for another endpoint"),
        ),
        "SignatureDoesNotMatch" if err.message.contains("expired") => Finding::error(
            Code::ClockSkew,
            format!("{said}. The local clock is off; sync it (botocore does not correct skew, Go and Rust SDKs do)"),
        ),
        "SignatureDoesNotMatch" => Finding::error(
            Code::SignatureMismatch,
            format!("{said}. The secret access key does not belong to {key}; check for a stale or mistyped secret"),
        ),
        "ExpiredToken" | "ExpiredTokenException" | "TokenRefreshRequired" => Finding::error(
            Code::ExpiredCredentials,
            format!("{said}. Get fresh temporary credentials"),
        ),
        "RequestTimeTooSkewed" | "RequestExpired" => Finding::error(
            Code::ClockSkew,
            format!("{said}. Sync the local clock"),
        ),
        "AccessDenied" | "AccessDeniedException" => Finding::error(Code::AccessDenied, said),
        _ => Finding::error(Code::RequestFailed, said),
    }
}

/// The finding for any failed call.
pub fn finding(err: &CallError, what: &str, url: &str, key: &str) -> Finding {
    match err {
        CallError::Http(HttpError::Unreachable(why)) => Finding::error(
            Code::EndpointUnreachable,
            format!("{what}: {url} is unreachable ({why})"),
        ),
        CallError::Http(e) => Finding::error(Code::EndpointUnreachable, format!("{what}: {e}")),
        CallError::Aws(e) => classify(e, what, key),
        CallError::Malformed { .. } => {
            Finding::error(Code::RequestFailed, format!("{what} at {url}: {err}"))
        }
    }
}
