//! Every authentication failure, with its exact AWS code, HTTP status and message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

use keyward_sigv4::{
    check_scope, check_time, parse, presign, sign_headers, verify, AuthError, Credentials,
    SignableRequest, SigningKeyCache,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const NOW: OffsetDateTime = datetime!(2015-08-30 12:36:00 UTC);
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const CREDS: Credentials<'static> = Credentials {
    access_key_id: "AKIDEXAMPLE",
    secret_access_key: SECRET,
    session_token: None,
};
const BODY: &[u8] = b"Action=GetCallerIdentity&Version=2011-06-15";

fn req<'a>(headers: &'a [(&'a str, &'a str)], query: &'a str) -> SignableRequest<'a> {
    SignableRequest {
        method: "POST",
        path: "/",
        query,
        headers,
        body: BODY,
    }
}

fn parse_err(headers: &[(&str, &str)], query: &str) -> AuthError {
    parse(&req(headers, query)).expect_err("parse must fail")
}

fn assert_err(e: &AuthError, code: &str, status: u16, message: &str) {
    assert_eq!(e.code(), code, "{e:?}");
    assert_eq!(e.http_status(), status, "{e:?}");
    assert_eq!(e.message(), message, "{e:?}");
    assert!(!e.message().contains(SECRET));
}

fn header_auth(value: &str) -> AuthError {
    parse_err(
        &[
            ("Host", "sts.amazonaws.com"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", value),
        ],
        "",
    )
}

const CRED: &str = "Credential=AKIDEXAMPLE/20150830/us-east-1/sts/aws4_request";

#[test]
fn missing_authentication_token() {
    let e = parse_err(&[("Host", "sts.amazonaws.com")], "Action=GetCallerIdentity");
    assert_err(
        &e,
        "MissingAuthenticationToken",
        403,
        "Request is missing Authentication Token",
    );
    // A query naming another algorithm is not SigV4 at all.
    let e = parse_err(
        &[("Host", "h")],
        "X-Amz-Algorithm=AWS4-HMAC-SHA512&X-Amz-Credential=a",
    );
    assert_eq!(e, AuthError::MissingAuthenticationToken);
}

#[test]
fn unsupported_algorithm() {
    let e = header_auth("AWS4-HMAC-SHA512 Credential=a, SignedHeaders=host, Signature=b");
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.",
    );
}

#[test]
fn malformed_pair() {
    let value = "AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders=host";
    let e = header_auth(value);
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        &format!("'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: '{value}'."),
    );
}

#[test]
fn missing_header_parts_each() {
    for (value, msg) in [
        (
            "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc".to_owned(),
            "Authorization header requires 'Credential' parameter.",
        ),
        (
            format!("AWS4-HMAC-SHA256 {CRED}, SignedHeaders=host"),
            "Authorization header requires 'Signature' parameter.",
        ),
        (
            format!("AWS4-HMAC-SHA256 {CRED}, Signature=abc"),
            "Authorization header requires 'SignedHeaders' parameter.",
        ),
    ] {
        let e = header_auth(&value);
        assert_err(
            &e,
            "IncompleteSignature",
            400,
            &format!("{msg} Authorization={value}"),
        );
    }
}

#[test]
fn missing_date_and_everything() {
    let value = format!("AWS4-HMAC-SHA256 {CRED}, SignedHeaders=host, Signature=abc");
    let e = parse_err(&[("Host", "h"), ("Authorization", &value)], "");
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        &format!("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={value}"),
    );
    let e = parse_err(&[("Host", "h"), ("Authorization", "AWS4-HMAC-SHA256")], "");
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256",
    );
}

#[test]
fn bad_date_format() {
    let value = format!("AWS4-HMAC-SHA256 {CRED}, SignedHeaders=host;x-amz-date, Signature=abc");
    let e = parse_err(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "2015-08-30T12:36:00Z"),
            ("Authorization", &value),
        ],
        "",
    );
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
    // The Date header is the fallback and must be in the same format.
    let e = parse_err(
        &[
            ("Host", "h"),
            ("Date", "Sun, 30 Aug 2015 12:36:00 GMT"),
            ("Authorization", &value),
        ],
        "",
    );
    assert_eq!(e.code(), "IncompleteSignature");
    assert!(e
        .message()
        .starts_with("Date must be in ISO-8601 'basic format'. Got 'Sun, 30 Aug"));
}

#[test]
fn credential_parts() {
    let e = header_auth("AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=abc");
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
    );
    let e =
        header_auth("AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f, SignedHeaders=host, Signature=abc");
    assert_eq!(e.code(), "IncompleteSignature");
    // Trailing slashes are dropped, as Java's split does.
    let value = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request/, SignedHeaders=host, Signature=abc";
    let headers = [
        ("Host", "h"),
        ("X-Amz-Date", "20150830T123600Z"),
        ("Authorization", value),
    ];
    let auth = parse(&req(&headers, "")).expect("trailing slash is fine");
    assert_eq!(auth.scope.service, "sts");
}

#[test]
fn host_must_be_signed() {
    let e = header_auth(&format!(
        "AWS4-HMAC-SHA256 {CRED}, SignedHeaders=x-amz-date, Signature=abc"
    ));
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
}

#[test]
fn terminator_and_scope_date() {
    let e = header_auth("AWS4-HMAC-SHA256 Credential=AKID/20150829/us-east-1/sts/aws5_request, SignedHeaders=host, Signature=abc");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != '20150830', from '20150830T123600Z'.",
    );
}

#[test]
fn query_parameters_missing() {
    let e = parse_err(&[("Host", "h")], "X-Amz-Algorithm=AWS4-HMAC-SHA256");
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.",
    );
    let e = parse_err(
        &[("Host", "h")],
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z",
    );
    assert_err(
        &e,
        "IncompleteSignature",
        400,
        "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
    );
}

#[test]
fn malformed_query_string() {
    let e = parse_err(&[("Host", "h")], "Action=%zz");
    assert_err(
        &e,
        "MalformedQueryString",
        400,
        "Illegal hex character in escape % pattern: %zz",
    );
    let e = parse_err(&[("Host", "h")], "Action=ab%4");
    assert_err(
        &e,
        "MalformedQueryString",
        400,
        "Incomplete trailing escape % sequence",
    );
}

fn presigned_query(expires: &str) -> String {
    format!("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc&X-Amz-Expires={expires}")
}

#[test]
fn expires_checks() {
    let e = parse_err(&[("Host", "h")], &presigned_query("604801"));
    assert_err(
        &e,
        "AuthorizationQueryParametersError",
        400,
        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds",
    );
    let e = parse_err(&[("Host", "h")], &presigned_query("-1"));
    assert_err(
        &e,
        "AuthorizationQueryParametersError",
        400,
        "X-Amz-Expires must be non-negative",
    );
    let e = parse_err(&[("Host", "h")], &presigned_query("soon"));
    assert_err(
        &e,
        "AuthorizationQueryParametersError",
        400,
        "X-Amz-Expires should be a number",
    );
    let auth = parse(&req(&[("Host", "h")], &presigned_query("604800"))).expect("max is allowed");
    assert_eq!(auth.expires_in, Some(604_800));
}

#[test]
fn header_and_query_together() {
    let value = format!("AWS4-HMAC-SHA256 {CRED}, SignedHeaders=host, Signature=abc");
    let e = parse_err(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", &value),
        ],
        &presigned_query("60"),
    );
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
}

/// Headers `sign_headers` added, and the base headers they were computed over.
type Signed = (Vec<(String, String)>, Vec<(&'static str, &'static str)>);

fn signed(service: &str, region: &str, at: OffsetDateTime) -> Signed {
    let base = vec![
        ("Host", "sts.amazonaws.com"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    let added = sign_headers(&req(&base, ""), &CREDS, region, service, at);
    (added, base)
}

fn with_added<'a>(
    base: &[(&'a str, &'a str)],
    added: &'a [(String, String)],
) -> Vec<(&'a str, &'a str)> {
    let mut all = base.to_vec();
    all.extend(added.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    all
}

#[test]
fn clock_skew_both_directions() {
    let (added, base) = signed("sts", "us-east-1", datetime!(2020-07-06 19:53:06 UTC));
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    let e = check_time(&auth, datetime!(2020-07-07 07:28:47.9 UTC)).expect_err("expired");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "Signature expired: 20200706T195306Z is now earlier than 20200707T071347Z (20200707T072847Z - 15 min.)",
    );

    let (added, base) = signed("sts", "us-east-1", datetime!(2021-05-02 18:36:40 UTC));
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    let e = check_time(&auth, datetime!(2021-05-02 17:36:40 UTC)).expect_err("future");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "Signature not yet current: 20210502T183640Z is still later than 20210502T175140Z (20210502T173640Z + 15 min.)",
    );

    // Exactly 15 minutes either way is still fine.
    let at = datetime!(2021-05-02 18:36:40 UTC);
    check_time(&auth, at - Duration::minutes(15)).expect("edge, future");
    check_time(&auth, at + Duration::minutes(15)).expect("edge, past");
    assert!(check_time(&auth, at + Duration::minutes(15) + Duration::seconds(1)).is_err());
}

#[test]
fn presigned_lifetime_is_the_sts_window() {
    let headers = [("Host", "sts.amazonaws.com")];
    let query = presign(
        &req(&headers, "Action=GetCallerIdentity&Version=2011-06-15"),
        &CREDS,
        "us-east-1",
        "sts",
        NOW,
        60,
    );
    let auth = parse(&req(&headers, &query)).expect("parses");
    assert_eq!(auth.expires_in, Some(60));
    // STS ignores X-Amz-Expires: still valid after 14 minutes, expired after 15.
    check_time(&auth, NOW + Duration::minutes(14)).expect("STS keeps it for 15 minutes");
    let e = check_time(&auth, NOW + Duration::minutes(16)).expect_err("expired");
    assert_eq!(
        e.message(),
        "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)"
    );
}

#[test]
fn scope_region_and_service() {
    let (added, base) = signed("iam", "us_east_1", NOW);
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    let e = check_scope(&auth, &["sts"]).expect_err("bad scope");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "Credential should be scoped to a valid region. Credential should be scoped to correct service: 'sts'.",
    );
    let (added, base) = signed("sts", "eu-west-3", NOW);
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    let e = check_scope(&auth, &["iam"]).expect_err("wrong service");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "Credential should be scoped to correct service: 'iam'.",
    );
    check_scope(&auth, &["iam", "sts"]).expect("sts allowed");
    let (added, base) = signed("sts", "local", NOW);
    let headers = with_added(&base, &added);
    check_scope(&parse(&req(&headers, "")).expect("parses"), &["sts"]).expect("local region");
}

#[test]
fn signature_mismatch_and_server_side_codes() {
    let (added, base) = signed("sts", "us-east-1", NOW);
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    let cache = SigningKeyCache::new(4);
    let key = cache.get(&auth.access_key_id, SECRET, &auth.scope);
    verify(&req(&headers, ""), &auth, &key).expect("genuine request verifies");
    let wrong = cache.get(&auth.access_key_id, "not-the-secret", &auth.scope);
    let e = verify(&req(&headers, ""), &auth, &wrong).expect_err("wrong secret");
    assert_err(
        &e,
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
    assert_err(
        &AuthError::InvalidClientTokenId,
        "InvalidClientTokenId",
        403,
        "The security token included in the request is invalid.",
    );
    assert_err(
        &AuthError::ExpiredToken,
        "ExpiredToken",
        403,
        "The security token included in the request is expired",
    );
}

#[test]
fn content_sha256_must_describe_the_body() {
    let claimed = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"; // sha256("Param1=value1")
    let base = [
        ("Host", "sts.amazonaws.com"),
        ("X-Amz-Content-Sha256", claimed),
    ];
    let forged = SignableRequest {
        method: "POST",
        path: "/",
        query: "",
        headers: &base,
        body: b"Param1=value1",
    };
    let added = sign_headers(&forged, &CREDS, "us-east-1", "sts", NOW);
    let headers = with_added(&base, &added);
    let good = SignableRequest {
        headers: &headers,
        ..forged
    };
    let auth = parse(&good).expect("parses");
    let key = SigningKeyCache::new(1).get("AKIDEXAMPLE", SECRET, &auth.scope);
    verify(&good, &auth, &key).expect("claim matches body");
    let swapped = SignableRequest {
        body: b"Param1=value2",
        ..good
    };
    assert_eq!(
        verify(&swapped, &auth, &key),
        Err(AuthError::SignatureDoesNotMatch)
    );
}

#[test]
fn session_token_from_header_and_query() {
    let creds = Credentials {
        session_token: Some("tok+en/=="),
        ..CREDS
    };
    let base = [("Host", "sts.amazonaws.com")];
    let added = sign_headers(&req(&base, ""), &creds, "us-east-1", "sts", NOW);
    let headers = with_added(&base, &added);
    let auth = parse(&req(&headers, "")).expect("parses");
    assert_eq!(auth.session_token.as_deref(), Some("tok+en/=="));
    assert!(auth
        .signed_headers
        .contains(&"x-amz-security-token".to_owned()));
    let query = presign(&req(&base, ""), &creds, "us-east-1", "sts", NOW, 900);
    let auth = parse(&req(&base, &query)).expect("parses");
    assert_eq!(auth.session_token.as_deref(), Some("tok+en/=="));
    let key = SigningKeyCache::new(1).get("AKIDEXAMPLE", SECRET, &auth.scope);
    verify(&req(&base, &query), &auth, &key).expect("presigned with token verifies");
}
