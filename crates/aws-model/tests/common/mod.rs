//! Loads vendored models for the tests (tests may read files; the library does not).

#![allow(dead_code, clippy::panic)]

use std::path::PathBuf;

use keyward_aws_model::ServiceModel;

/// Every vendored model directory.
pub const ALL_MODELS: &[&str] = &[
    "iam",
    "sts",
    "organizations",
    "cloudtrail",
    "s3",
    "dynamodb",
    "lambda",
    "bedrock-runtime",
    "sqs",
    "ec2",
];

pub fn model_text(service: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join(service)
        .join("service-2.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn load(service: &str) -> ServiceModel {
    ServiceModel::from_json(&model_text(service)).unwrap_or_else(|e| panic!("{service}: {e}"))
}

pub fn data(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
