//! Feeds arbitrary bytes, split into an `Authorization` header value, a query string, an
//! `X-Amz-Date` value and a form body, into `parse`, and for whatever parses into `verify`
//! (which runs the query and header canonicalisation). Neither may panic.
#![no_main]

use keyward_sigv4::{check_scope, check_time, parse, verify, SignableRequest, SigningKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(5, '\u{0}');
    let authorization = parts.next().unwrap_or_default();
    let query = parts.next().unwrap_or_default();
    let date = parts.next().unwrap_or_default();
    let path = parts.next().unwrap_or("/");
    let body = parts.next().unwrap_or_default();
    let mut headers = vec![
        ("Host", "sts.amazonaws.com"),
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("X-Amz-Date", date),
    ];
    if !authorization.is_empty() {
        headers.push(("Authorization", authorization));
    }
    let req = SignableRequest {
        method: "POST",
        path,
        query,
        headers: &headers,
        body: body.as_bytes(),
    };
    if let Ok(auth) = parse(&req) {
        let _ = check_time(&auth, time::OffsetDateTime::UNIX_EPOCH);
        let _ = check_scope(&auth, &["sts"]);
        let _ = verify(&req, &auth, &SigningKey::from_bytes([7; 32]));
    }
});
