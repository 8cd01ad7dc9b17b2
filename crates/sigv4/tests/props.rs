//! Property tests: sign → verify round-trips, any tamper is caught, and parsing never panics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

use keyward_sigv4::{
    canonical_request, check_time, parse, presign, sign_headers, verify, Credentials, PathMode,
    SignableRequest, SigningKeyCache,
};
use proptest::prelude::*;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2024-02-29 23:59:59 UTC);
const CREDS: Credentials<'static> = Credentials {
    access_key_id: "AKIAIOSFODNN7EXAMPLE",
    secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    session_token: Some("FwoGZXIvYXdzE/token+=="),
};

/// A request shape the HTTP layer could hand us: valid header names, printable values.
#[derive(Debug, Clone)]
struct Shape {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    service: &'static str,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "PATCH"]),
        "(/[a-zA-Z0-9._~%:@!$&'()*+,;= -]{0,12}){0,4}",
        prop::collection::vec(("[a-zA-Z0-9._~-]{1,8}", "[a-zA-Z0-9._~+ /-]{0,10}"), 0..4),
        prop::collection::vec(("x-[a-z0-9-]{1,10}", "[ -~]{0,20}"), 0..5),
        prop::collection::vec(any::<u8>(), 0..64),
        prop::sample::select(vec!["sts", "iam", "s3"]),
    )
        .prop_map(|(method, path, query, headers, body, service)| Shape {
            method: method.to_owned(),
            path,
            query: query
                .iter()
                .map(|(k, v)| format!("{k}={}", v.replace(' ', "%20").replace('/', "%2F")))
                .collect::<Vec<_>>()
                .join("&"),
            headers: std::iter::once(("Host".to_owned(), "example.amazonaws.com".to_owned()))
                .chain(headers)
                .collect(),
            body,
            service,
        })
}

fn view<'a>(
    s: &'a Shape,
    headers: &'a [(&'a str, &'a str)],
    query: &'a str,
) -> SignableRequest<'a> {
    SignableRequest {
        method: &s.method,
        path: &s.path,
        query,
        headers,
        body: &s.body,
    }
}

/// Signs `s` with the header form and returns the full header list.
fn header_signed(s: &Shape) -> Vec<(String, String)> {
    let base: Vec<(&str, &str)> = s
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let added = sign_headers(
        &view(s, &base, &s.query),
        &CREDS,
        "us-east-1",
        s.service,
        NOW,
    );
    s.headers.iter().cloned().chain(added).collect()
}

fn verifies(s: &Shape, headers: &[(String, String)], query: &str) -> bool {
    let refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let req = view(s, &refs, query);
    let Ok(auth) = parse(&req) else { return false };
    if check_time(&auth, NOW).is_err() {
        return false;
    }
    let key =
        SigningKeyCache::new(1).get(&auth.access_key_id, CREDS.secret_access_key, &auth.scope);
    verify(&req, &auth, &key).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn header_signing_round_trips(s in shape()) {
        let headers = header_signed(&s);
        prop_assert!(verifies(&s, &headers, &s.query));
    }

    #[test]
    fn presigning_round_trips(s in shape()) {
        let base: Vec<(&str, &str)> = s.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let query = presign(&view(&s, &base, &s.query), &CREDS, "us-east-1", s.service, NOW, 900);
        prop_assert!(verifies(&s, &s.headers, &query));
    }

    /// Changing any single byte of the method, path, query, a signed header value or the body
    /// (to a byte that is not canonically equivalent) must break the signature.
    #[test]
    fn any_single_byte_tamper_fails(s in shape(), which in 0usize..5, pos in any::<prop::sample::Index>(), to in b'a'..=b'z') {
        let headers = header_signed(&s);
        let mut t = s.clone();
        let mut th = headers.clone();
        let changed = match which {
            0 => tamper_str(&mut t.method, pos, to),
            1 => {
                // Distinct raw paths can be the same path ("/a/../b" and "/c/../b"); only a
                // change of the canonical path has to be caught.
                tamper_str(&mut t.path, pos, to) && canonical_path(&s, &headers) != canonical_path(&t, &headers)
            }
            2 => tamper_str(&mut t.query, pos, to),
            3 => {
                let i = pos.index(th.len());
                tamper_str(&mut th[i].1, pos, to)
            }
            _ => tamper_bytes(&mut t.body, pos, to),
        };
        prop_assume!(changed);
        prop_assert!(!verifies(&t, &th, &t.query));
    }

    #[test]
    fn parse_never_panics_on_headers(auth in ".{0,200}", date in ".{0,24}", token in ".{0,20}") {
        let headers = [("Host", "h"), ("X-Amz-Date", date.as_str()), ("Authorization", auth.as_str()), ("X-Amz-Security-Token", token.as_str())];
        let _ = parse(&SignableRequest { method: "GET", path: "/", query: "", headers: &headers, body: b"" });
    }

    #[test]
    fn parse_never_panics_on_queries(query in "((X-Amz-(Algorithm|Credential|Signature|SignedHeaders|Date|Expires|Security-Token)|[a-z%+]{1,4})=[A-Za-z0-9%/;+:._-]{0,30}&?){0,9}") {
        let headers = [("Host", "h")];
        let _ = parse(&SignableRequest { method: "GET", path: "/", query: &query, headers: &headers, body: b"" });
    }

    #[test]
    fn parse_never_panics_on_anything(query in ".{0,120}", auth in proptest::option::of(".{0,120}")) {
        let mut headers = vec![("Host", "h")];
        if let Some(a) = auth.as_deref() { headers.push(("Authorization", a)); }
        let _ = parse(&SignableRequest { method: "GET", path: "/", query: &query, headers: &headers, body: b"" });
    }
}

fn tamper_bytes(bytes: &mut [u8], pos: prop::sample::Index, to: u8) -> bool {
    if bytes.is_empty() {
        return false;
    }
    let i = pos.index(bytes.len());
    if bytes[i] == to {
        return false;
    }
    bytes[i] = to;
    true
}

/// Generated strings are ASCII and `to` is ASCII, so the edit keeps them valid UTF-8.
fn tamper_str(s: &mut String, pos: prop::sample::Index, to: u8) -> bool {
    let mut bytes = std::mem::take(s).into_bytes();
    let changed = tamper_bytes(&mut bytes, pos, to);
    *s = String::from_utf8_lossy(&bytes).into_owned();
    changed
}

fn canonical_path(s: &Shape, headers: &[(String, String)]) -> Option<String> {
    let refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let req = view(s, &refs, &s.query);
    let auth = parse(&req).ok()?;
    let creq = canonical_request(
        &req,
        auth.location,
        &auth.signed_headers,
        s.service,
        PathMode::for_service(s.service),
    )
    .ok()?;
    creq.lines().nth(1).map(str::to_owned)
}
