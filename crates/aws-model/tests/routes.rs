//! No two operations of a REST model share a route the decoder cannot tell apart: a request
//! built for every operation of every vendored REST-XML and REST-JSON model (its URI with every
//! label filled, its query literals, its required query parameters and headers) decodes to one
//! operation, and the one tie the models have — S3's `GET /` — is settled by the endpoint, as
//! AWS settles it.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose"
)]

use keyward_aws_model::{
    catalog, catalog_entry, decode_request, DecodeError, HttpRequest, Location, Operation,
    ServiceModel,
};

/// The request a client sends for `op` with every required binding set to a placeholder.
fn request_for(model: &ServiceModel, op: &Operation) -> (String, String, Vec<(String, String)>) {
    let (template, literals) = op
        .http
        .request_uri
        .split_once('?')
        .unwrap_or((op.http.request_uri.as_str(), ""));
    let path: Vec<String> = template
        .split('/')
        .map(|segment| match segment.strip_prefix('{') {
            Some(label) if label.ends_with("+}") => "k1/k2".to_owned(),
            Some(_) => "v1".to_owned(),
            None => segment.to_owned(),
        })
        .collect();
    let mut query: Vec<String> = literals
        .split('&')
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    let mut headers = vec![(
        "host".to_owned(),
        "service.us-east-1.amazonaws.com".to_owned(),
    )];
    if let Some(input) = op.input.as_ref().and_then(|i| model.shape(&i.shape)) {
        for (name, member) in &input.members {
            if !input.is_required(name) {
                continue;
            }
            let wire = member.location_name.clone().unwrap_or_else(|| name.clone());
            match member.location {
                Some(Location::Querystring) => query.push(format!("{wire}=v1")),
                Some(Location::Header) => headers.push((wire, "v1".to_owned())),
                _ => {}
            }
        }
    }
    (path.join("/"), query.join("&"), headers)
}

#[test]
fn every_rest_operation_decodes_to_one_operation() {
    let mut ties = Vec::new();
    let mut checked = 0;
    for entry in catalog() {
        if entry.protocol != "rest-xml" && entry.protocol != "rest-json" {
            continue;
        }
        let model = entry.model().unwrap();
        for op in model.operations() {
            let (path, query, headers) = request_for(model, op);
            let request = HttpRequest {
                method: &op.http.method,
                path: &path,
                query: &query,
                headers: &headers,
                body: b"",
            };
            checked += 1;
            if let Err(DecodeError::AmbiguousOperation(names)) = decode_request(model, &request) {
                ties.push(format!(
                    "{}: {} {path}?{query}: {names:?}",
                    entry.service, op.http.method
                ));
            }
        }
    }
    assert!(checked > 9_000, "only {checked} operations checked");
    assert!(
        ties.is_empty(),
        "operations the decoder cannot tell apart: {ties:#?}"
    );
}

fn s3_list(host: &str) -> String {
    let s3 = catalog_entry("s3").unwrap().model().unwrap();
    let headers = vec![("Host".to_owned(), host.to_owned())];
    let request = HttpRequest {
        method: "GET",
        path: "/",
        query: "",
        headers: &headers,
        body: b"",
    };
    decode_request(s3, &request).unwrap().operation
}

#[test]
fn s3_get_slash_is_list_buckets_except_on_the_s3_express_control_endpoint() {
    assert_eq!(s3_list("s3.us-east-1.amazonaws.com"), "ListBuckets");
    assert_eq!(s3_list("127.0.0.1:4577"), "ListBuckets");
    assert_eq!(s3_list("localhost"), "ListBuckets");
    assert_eq!(
        s3_list("s3express-control.us-west-2.amazonaws.com"),
        "ListDirectoryBuckets"
    );
}
