//! Errors in the shape of the service a request addressed, so its SDK and CLI parse them:
//! S3's REST-XML `<Error>`, the Query protocol's `<ErrorResponse>`, EC2's `<Response><Errors>`,
//! and the JSON protocols' `__type` / `x-amzn-ErrorType`.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;

/// A service's error encoding, from its model's `metadata.protocol`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// S3 (REST-XML).
    RestXml,
    /// Query services (SNS, SQS's old protocol, …).
    Query,
    /// EC2.
    Ec2,
    /// `awsJson1_0` / `awsJson1_1` (DynamoDB, SQS).
    Json,
    /// REST-JSON (Bedrock, Braket, …).
    RestJson,
}

impl Shape {
    /// The shape of a botocore protocol name; unknown protocols answer in JSON.
    pub fn of(protocol: &str) -> Self {
        match protocol {
            "rest-xml" => Shape::RestXml,
            "query" => Shape::Query,
            "ec2" => Shape::Ec2,
            "rest-json" => Shape::RestJson,
            _ => Shape::Json,
        }
    }

    /// The code an access denial carries in this shape.
    pub fn access_denied_code(self) -> &'static str {
        match self {
            Shape::RestXml | Shape::Query => "AccessDenied",
            Shape::Ec2 => "UnauthorizedOperation",
            Shape::Json | Shape::RestJson => "AccessDeniedException",
        }
    }

    /// The code of a request that does not fit the model.
    pub fn validation_code(self) -> &'static str {
        match self {
            Shape::RestXml => "InvalidRequest",
            Shape::Query | Shape::Ec2 => "InvalidParameterValue",
            Shape::Json | Shape::RestJson => "ValidationException",
        }
    }

    /// The code of an operation the service's model does not have.
    pub fn unknown_operation_code(self) -> &'static str {
        match self {
            Shape::RestXml => "MethodNotAllowed",
            Shape::Query | Shape::Ec2 => "InvalidAction",
            Shape::Json | Shape::RestJson => "UnknownOperationException",
        }
    }

    /// An error response: `status`, `code` and `message` in this shape.
    pub fn error(self, status: u16, code: &str, message: &str, request_id: &str) -> Response {
        let fault = if status >= 500 { "Receiver" } else { "Sender" };
        let (content_type, body) = match self {
            Shape::RestXml => (
                "application/xml",
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{}</Code><Message>{}</Message><RequestId>{}</RequestId><HostId>{}</HostId></Error>",
                    escape(code),
                    escape(message),
                    escape(request_id),
                    escape(request_id)
                ),
            ),
            Shape::Query => (
                "text/xml",
                format!(
                    "<?xml version=\"1.0\"?>\n<ErrorResponse><Error><Type>{fault}</Type><Code>{}</Code><Message>{}</Message></Error><RequestId>{}</RequestId></ErrorResponse>",
                    escape(code),
                    escape(message),
                    escape(request_id)
                ),
            ),
            Shape::Ec2 => (
                "text/xml",
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{}</Code><Message>{}</Message></Error></Errors><RequestID>{}</RequestID></Response>",
                    escape(code),
                    escape(message),
                    escape(request_id)
                ),
            ),
            Shape::Json | Shape::RestJson => (
                if self == Shape::Json {
                    "application/x-amz-json-1.0"
                } else {
                    "application/json"
                },
                serde_json::json!({"__type": code, "message": message}).to_string(),
            ),
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Ok(id) = HeaderValue::from_str(request_id) {
            headers.insert("x-amzn-requestid", id.clone());
            if self == Shape::RestXml {
                headers.insert("x-amz-request-id", id);
            }
        }
        if matches!(self, Shape::Json | Shape::RestJson) {
            if let Ok(code) = HeaderValue::from_str(code) {
                headers.insert("x-amzn-errortype", code);
            }
        }
        response
    }
}

/// XML character data: markup characters escaped (quotes stay as they are, as S3 writes them
/// in its messages), characters XML forbids replaced by U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn text(response: Response) -> String {
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn each_protocol_has_its_error_shape() {
        let s3 = Shape::of("rest-xml").error(403, "AccessDenied", "no <way> on \"b\"", "RID");
        assert_eq!(s3.status(), 403);
        assert!(text(s3).await.contains(
            "<Error><Code>AccessDenied</Code><Message>no &lt;way&gt; on \"b\"</Message>"
        ));
        let json = Shape::of("json").error(400, "AccessDeniedException", "no", "RID");
        assert_eq!(json.headers()["x-amzn-errortype"], "AccessDeniedException");
        assert_eq!(
            text(json).await,
            r#"{"__type":"AccessDeniedException","message":"no"}"#
        );
        let ec2 = Shape::of("ec2").error(403, "UnauthorizedOperation", "m", "RID");
        assert!(text(ec2)
            .await
            .contains("<Response><Errors><Error><Code>UnauthorizedOperation"));
        let query = Shape::of("query").error(403, "AccessDenied", "m", "RID");
        assert!(text(query)
            .await
            .contains("<Type>Sender</Type><Code>AccessDenied</Code>"));
    }
}
