//! Random input through every decoder: errors are fine, panics are not.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::{
    decode_query_input, decode_request, embedded, translate_java_pattern, HttpRequest, Service,
    ServiceModel,
};
use proptest::prelude::*;

fn models() -> &'static [ServiceModel] {
    static MODELS: std::sync::LazyLock<Vec<ServiceModel>> = std::sync::LazyLock::new(|| {
        ["iam", "s3", "dynamodb", "lambda", "ec2"]
            .iter()
            .map(|s| common::load(s))
            .collect()
    });
    &MODELS
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn runtime_decoder_never_panics(
        which in 0usize..5,
        method in prop::sample::select(vec!["GET", "PUT", "POST", "DELETE", "HEAD", "\u{0}"]),
        path in "(/[^?]{0,12}){0,4}",
        query in ".{0,40}",
        target in ".{0,30}",
        body in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let model = &models()[which];
        let headers = vec![
            ("X-Amz-Target".to_owned(), target),
            ("x-amz-meta-a".to_owned(), "b".to_owned()),
        ];
        let request = HttpRequest { method, path: &path, query: &query, headers: &headers, body: &body };
        let _ = decode_request(model, &request);
    }

    #[test]
    fn structured_bodies_never_panic(
        body in "[<>/a-zA-Z\"{}\\[\\]:,&;# 0-9]{0,120}",
    ) {
        let s3 = &models()[1];
        let request = HttpRequest { method: "POST", path: "/b/k", query: "uploadId=1", headers: &[], body: body.as_bytes() };
        let _ = decode_request(s3, &request);
        let ddb = &models()[2];
        let headers = vec![("X-Amz-Target".to_owned(), "DynamoDB_20120810.PutItem".to_owned())];
        let request = HttpRequest { method: "POST", path: "/", query: "", headers: &headers, body: body.as_bytes() };
        let _ = decode_request(ddb, &request);
    }

    #[test]
    fn query_decoder_never_panics(
        params in prop::collection::vec(("(Tags|UserName|Path|MaxItems)(\\.(member|entry|[0-9]{1,2}|Key|Value)){0,4}", ".{0,20}"), 0..12),
    ) {
        let iam = embedded(Service::Iam).unwrap();
        for op in ["CreateUser", "TagUser", "ListUsers", "GetAccountSummary"] {
            let _ = decode_query_input(iam, op, &params);
        }
    }

    #[test]
    fn model_loader_and_pattern_translator_never_panic(text in ".{0,80}") {
        let _ = ServiceModel::from_json(&text);
        let _ = translate_java_pattern(&text);
    }
}

#[test]
fn recursive_shapes_do_not_exhaust_the_stack() {
    let model = ServiceModel::from_json(&common::data("map_model.json")).unwrap();
    let name = format!("Root.{}Name", "Child.".repeat(100_000));
    let decoded = decode_query_input(&model, "PutTree", &[(name, "x".to_owned())]).unwrap();
    let mut depth = 0;
    let mut node = decoded.members.get("Root");
    while let Some(n) = node {
        depth += 1;
        node = n.get("Child");
    }
    assert!((2..=40).contains(&depth), "{depth}");
}
