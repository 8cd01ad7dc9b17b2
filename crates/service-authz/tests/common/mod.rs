//! Shared helpers: vendored botocore models and requests as the SDKs send them.

#![allow(dead_code, clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::path::PathBuf;

use keyward_aws_model::{decode_request, HttpRequest, ServiceModel, Value};
use keyward_service_authz::{required_actions, MapError, RequestScope, RequiredAction};

pub const SCOPE: RequestScope<'static> = RequestScope {
    partition: "aws",
    region: "us-east-1",
    account: "123456789012",
};

/// Every model these tests can load: `crates/aws-model/models` and `tests/models` (gzipped).
pub const MODELS: &[&str] = &[
    "s3",
    "dynamodb",
    "lambda",
    "bedrock-runtime",
    "sqs",
    "ec2",
    "organizations",
    "cloudtrail",
    "iam",
    "sts",
    "braket",
    "sns",
    "kms",
    "bedrock",
];

/// A model from `crates/aws-model/models` or, for services only these tests need, `tests/models`.
pub fn load(service: &str) -> ServiceModel {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let vendored = root
        .join("../aws-model/models")
        .join(service)
        .join("service-2.json");
    let text = if vendored.exists() {
        std::fs::read_to_string(vendored).unwrap()
    } else {
        let gz = root
            .join("tests/models")
            .join(service)
            .join("service-2.json.gz");
        let bytes = std::fs::read(&gz).unwrap_or_else(|e| panic!("{}: {e}", gz.display()));
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    ServiceModel::from_json(&text).unwrap_or_else(|e| panic!("{service}: {e}"))
}

/// One HTTP request as an SDK sends it.
pub struct Http<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub fn http<'a>(method: &'a str, path: &'a str, query: &'a str) -> Http<'a> {
    Http {
        method,
        path,
        query,
        headers: Vec::new(),
        body: Vec::new(),
    }
}

impl Http<'_> {
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = body.as_bytes().to_vec();
        self
    }

    /// A JSON-protocol call: `X-Amz-Target` and a JSON body.
    pub fn json(self, target: &str, body: &str) -> Self {
        self.header("X-Amz-Target", target)
            .header("Content-Type", "application/x-amz-json-1.0")
            .body(body)
    }

    /// Decodes the request with the model (the gateway's path) and returns the operation and
    /// its members.
    pub fn decode(&self, model: &ServiceModel) -> (String, Value) {
        let request = HttpRequest {
            method: self.method,
            path: self.path,
            query: self.query,
            headers: &self.headers,
            body: &self.body,
        };
        let decoded = decode_request(model, &request).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            decoded.violations.is_empty(),
            "{}: {:?}",
            decoded.operation,
            decoded.validation_message()
        );
        (decoded.operation, decoded.members)
    }

    /// Decodes and maps the request.
    pub fn map(&self, model: &ServiceModel) -> Result<Vec<RequiredAction>, MapError> {
        let (operation, members) = self.decode(model);
        required_actions(model, &operation, &members, &SCOPE)
    }

    /// Decodes and maps the request, which must map; returns `(action, resources)` pairs.
    pub fn actions(&self, model: &ServiceModel) -> Vec<(String, Vec<String>)> {
        self.map(model)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|a| (a.action, a.resources))
            .collect()
    }
}

/// `(action, [resources])` pairs for comparisons.
pub fn expect(pairs: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    pairs
        .iter()
        .map(|(action, resources)| {
            (
                (*action).to_owned(),
                resources.iter().map(|r| (*r).to_owned()).collect(),
            )
        })
        .collect()
}
