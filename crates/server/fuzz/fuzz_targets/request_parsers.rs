//! Every parser an unauthenticated request reaches, fed the same arbitrary bytes: the SigV4
//! `Authorization` header and query-string parsers and the Query-protocol decoder for query
//! strings and form bodies. None may panic, whatever the input.

#![no_main]

use keyward_server::protocol::query::QueryRequest;
use keyward_sigv4::SignableRequest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let authorization = parts.next().unwrap_or("");
    let query = parts.next().unwrap_or("");
    let body = parts.next().unwrap_or("").as_bytes();

    let decoded = QueryRequest::decode(query, Some(body));
    let _ = decoded.action();
    let _ = decoded.list("TagKeys");
    for member in decoded.structs("Tags") {
        let _ = member.get("Key");
    }

    let headers = [
        ("host", "127.0.0.1:4577"),
        ("x-amz-date", "20261124T000000Z"),
        ("authorization", authorization),
    ];
    for (headers, query) in [(&headers[..], ""), (&headers[..2], query), (&headers[..], query)] {
        let request = SignableRequest {
            method: "POST",
            path: "/",
            query,
            headers,
            body,
        };
        if let Ok(auth) = keyward_sigv4::parse(&request) {
            let _ = keyward_sigv4::check_scope(&auth, &["iam", "sts"]);
        }
    }
});
