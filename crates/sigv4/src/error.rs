//! Authentication failures, shaped after the codes and messages AWS IAM/STS return.

use std::fmt;

use time::OffsetDateTime;

use crate::time_fmt::AmzDate;
use crate::MAX_SKEW;

/// The standard text for a signature that does not verify. AWS uses it verbatim for IAM/STS.
const MSG_SIGNATURE_MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// A required part of the authentication information that the request left out.
///
/// AWS names every missing part in a single message, so the error carries the whole list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingPart {
    /// `Credential=` in the header, `X-Amz-Credential` in the query.
    Credential,
    /// `Signature=` in the header, `X-Amz-Signature` in the query.
    Signature,
    /// `SignedHeaders=` in the header, `X-Amz-SignedHeaders` in the query.
    SignedHeaders,
    /// `X-Amz-Date`/`Date` header, or the `X-Amz-Date` query parameter.
    Date,
}

impl MissingPart {
    fn header_message(self) -> &'static str {
        match self {
            Self::Credential => "Authorization header requires 'Credential' parameter.",
            Self::Signature => "Authorization header requires 'Signature' parameter.",
            Self::SignedHeaders => "Authorization header requires 'SignedHeaders' parameter.",
            Self::Date => {
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
            }
        }
    }

    fn query_message(self) -> &'static str {
        match self {
            Self::Credential => "AWS query-string parameters must include 'X-Amz-Credential'.",
            Self::Signature => "AWS query-string parameters must include 'X-Amz-Signature'.",
            Self::SignedHeaders => {
                "AWS query-string parameters must include 'X-Amz-SignedHeaders'."
            }
            Self::Date => "AWS query-string parameters must include 'X-Amz-Date'.",
        }
    }
}

/// One way a credential scope can be wrong.
///
/// AWS concatenates all problems of a scope into one message, each sentence followed by a space
/// (dynalite's captured multi-problem responses); the message as a whole ends at the last period,
/// as single-problem captures such as `Credential should be scoped to correct service: 'sagemaker'.`
/// show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeProblem {
    /// The region is not a syntactically valid region name.
    Region,
    /// The service is not one this endpoint serves; `expected` is the one AWS names.
    Service {
        /// The service the endpoint expects, quoted in the message.
        expected: String,
    },
    /// The fifth credential element is not `aws4_request`.
    Terminator {
        /// What the client sent instead.
        got: String,
    },
    /// The scope date differs from the date part of the request timestamp.
    Date {
        /// The `YYYYMMDD` from the credential.
        scope_date: String,
        /// The `YYYYMMDD` taken from the request timestamp.
        request_date: String,
        /// The full request timestamp in basic ISO-8601.
        request_time: String,
    },
}

impl fmt::Display for ScopeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Region => f.write_str("Credential should be scoped to a valid region. "),
            Self::Service { expected } => {
                write!(f, "Credential should be scoped to correct service: '{expected}'. ")
            }
            Self::Terminator { got } => write!(
                f,
                "Credential should be scoped with a valid terminator: 'aws4_request', not '{got}'. "
            ),
            Self::Date { scope_date, request_date, request_time } => write!(
                f,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope_date}' != '{request_date}', from '{request_time}'. "
            ),
        }
    }
}

/// What is wrong with a presigned request's `X-Amz-Expires`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiresProblem {
    /// Not a decimal number.
    NotANumber,
    /// Negative.
    Negative,
    /// More than 604800 seconds (seven days), the longest a SigV4 signing key is valid.
    TooLarge,
}

/// Why a request failed authentication.
///
/// Every variant maps to exactly one AWS error code, HTTP status and message, so the server can
/// render IAM/STS error responses from this type alone. No message ever contains a secret key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthError {
    /// Neither an `Authorization` header nor SigV4 query parameters are present (or the query
    /// names an algorithm other than `AWS4-HMAC-SHA256`).
    MissingAuthenticationToken,
    /// The `Authorization` header does not start with `AWS4-HMAC-SHA256`.
    UnsupportedAlgorithm {
        /// The first word of the header.
        algorithm: String,
    },
    /// A comma-separated element of the `Authorization` header has no `=`.
    MalformedAuthorizationPair {
        /// The offending element.
        pair: String,
        /// The whole header, echoed back like AWS does.
        authorization: String,
    },
    /// Required parts of a header-signed request are missing.
    MissingAuthorizationParts {
        /// Everything that is missing, in AWS's order.
        missing: Vec<MissingPart>,
        /// The whole header, echoed back like AWS does.
        authorization: String,
    },
    /// Required SigV4 query parameters are missing.
    MissingQueryParameters {
        /// Everything that is missing, in AWS's order.
        missing: Vec<MissingPart>,
    },
    /// The request timestamp is not `YYYYMMDD'T'HHMMSS'Z'`.
    InvalidDate {
        /// The value received.
        value: String,
    },
    /// The credential does not have five `/`-separated elements.
    MalformedCredential {
        /// The credential received.
        credential: String,
    },
    /// Neither `host` nor `:authority` is among the signed headers.
    HostNotSigned,
    /// The credential scope is wrong (region, service, terminator or date).
    InvalidScope {
        /// Every problem found, in AWS's order.
        problems: Vec<ScopeProblem>,
    },
    /// The request timestamp is more than 15 minutes in the past.
    SignatureExpired {
        /// When the client says it signed.
        request_time: OffsetDateTime,
        /// The server's clock (whole seconds).
        now: OffsetDateTime,
    },
    /// The request timestamp is more than 15 minutes in the future.
    SignatureNotYetCurrent {
        /// When the client says it signed.
        request_time: OffsetDateTime,
        /// The server's clock (whole seconds).
        now: OffsetDateTime,
    },
    /// The signature is wrong, or the request mixes header and query authentication, or its
    /// `X-Amz-Content-Sha256` does not describe the body.
    SignatureDoesNotMatch,
    /// The access key id (or session token) is unknown. Decided by the server on key lookup.
    InvalidClientTokenId,
    /// The session token has expired. Decided by the server on token lookup.
    ExpiredToken,
    /// The query string has a broken percent-escape.
    MalformedQueryString {
        /// AWS's description of the escape problem.
        detail: String,
    },
    /// A presigned request's `X-Amz-Expires` is unusable.
    InvalidExpires(ExpiresProblem),
    /// A presigned URL used after `X-Amz-Date` + `X-Amz-Expires` (S3's `AccessDenied`,
    /// "Request has expired").
    RequestExpired {
        /// When it stopped being valid.
        expired_at: OffsetDateTime,
        /// The server's clock.
        now: OffsetDateTime,
    },
}

impl AuthError {
    /// The AWS error code for the Query protocol (`<Code>` in the XML error envelope).
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAuthenticationToken => "MissingAuthenticationToken",
            Self::UnsupportedAlgorithm { .. }
            | Self::MalformedAuthorizationPair { .. }
            | Self::MissingAuthorizationParts { .. }
            | Self::MissingQueryParameters { .. }
            | Self::InvalidDate { .. }
            | Self::MalformedCredential { .. } => "IncompleteSignature",
            Self::HostNotSigned
            | Self::InvalidScope { .. }
            | Self::SignatureExpired { .. }
            | Self::SignatureNotYetCurrent { .. }
            | Self::SignatureDoesNotMatch => "SignatureDoesNotMatch",
            Self::InvalidClientTokenId => "InvalidClientTokenId",
            Self::ExpiredToken => "ExpiredToken",
            Self::MalformedQueryString { .. } => "MalformedQueryString",
            Self::InvalidExpires(_) => "AuthorizationQueryParametersError",
            Self::RequestExpired { .. } => "AccessDenied",
        }
    }

    /// The HTTP status AWS answers with for this failure.
    pub fn http_status(&self) -> u16 {
        match self.code() {
            "IncompleteSignature"
            | "MalformedQueryString"
            | "AuthorizationQueryParametersError" => 400,
            _ => 403,
        }
    }

    /// The human-readable message (`<Message>` in the XML error envelope), worded like AWS.
    pub fn message(&self) -> String {
        match self {
            Self::MissingAuthenticationToken => "Request is missing Authentication Token".to_owned(),
            Self::UnsupportedAlgorithm { algorithm } => {
                format!("Unsupported AWS 'algorithm': '{algorithm}'.")
            }
            Self::MalformedAuthorizationPair { pair, authorization } => format!(
                "'{pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'."
            ),
            Self::MissingAuthorizationParts { missing, authorization } => {
                let mut msg = String::new();
                for part in missing {
                    msg.push_str(part.header_message());
                    msg.push(' ');
                }
                msg.push_str("Authorization=");
                msg.push_str(authorization);
                msg
            }
            Self::MissingQueryParameters { missing } => {
                let mut msg = String::new();
                for part in missing {
                    msg.push_str(part.query_message());
                    msg.push(' ');
                }
                msg.push_str("Re-examine the query-string parameters.");
                msg
            }
            Self::InvalidDate { value } => format!(
                "Date must be in ISO-8601 'basic format'. Got '{value}'. See http://en.wikipedia.org/wiki/ISO_8601"
            ),
            Self::MalformedCredential { credential } => format!(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'"
            ),
            Self::HostNotSigned => {
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.".to_owned()
            }
            Self::InvalidScope { problems } => {
                let joined: String = problems.iter().map(ToString::to_string).collect();
                joined.trim_end().to_owned()
            }
            Self::SignatureExpired { request_time, now } => format!(
                "Signature expired: {} is now earlier than {} ({} - 15 min.)",
                AmzDate::new(*request_time),
                AmzDate::new(now.saturating_sub(MAX_SKEW)),
                AmzDate::new(*now),
            ),
            Self::SignatureNotYetCurrent { request_time, now } => format!(
                "Signature not yet current: {} is still later than {} ({} + 15 min.)",
                AmzDate::new(*request_time),
                AmzDate::new(now.saturating_add(MAX_SKEW)),
                AmzDate::new(*now),
            ),
            Self::SignatureDoesNotMatch => MSG_SIGNATURE_MISMATCH.to_owned(),
            Self::InvalidClientTokenId => {
                "The security token included in the request is invalid.".to_owned()
            }
            Self::ExpiredToken => "The security token included in the request is expired".to_owned(),
            Self::MalformedQueryString { detail } => detail.clone(),
            Self::InvalidExpires(ExpiresProblem::NotANumber) => {
                "X-Amz-Expires should be a number".to_owned()
            }
            Self::InvalidExpires(ExpiresProblem::Negative) => {
                "X-Amz-Expires must be non-negative".to_owned()
            }
            Self::RequestExpired { .. } => "Request has expired".to_owned(),
            Self::InvalidExpires(ExpiresProblem::TooLarge) => "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds".to_owned(),
        }
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for AuthError {}
