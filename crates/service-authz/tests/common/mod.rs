//! Shared helpers: vendored botocore models and requests as the SDKs send them.

#![allow(dead_code, clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use keyward_aws_model::{decode_request, HttpRequest, ServiceModel, Value};
use keyward_service_authz::{required_actions, MapError, RequestScope, RequiredAction};

pub const SCOPE: RequestScope<'static> = RequestScope {
    partition: "aws",
    region: "us-east-1",
    account: "123456789012",
};

/// A model from `crates/aws-model/models` or, for services only these tests need, `tests/models`.
pub fn load(service: &str) -> ServiceModel {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        root.join("../aws-model/models")
            .join(service)
            .join("service-2.json"),
        root.join("tests/models")
            .join(service)
            .join("service-2.json"),
    ];
    let path = candidates
        .iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no model for {service}"));
    let text = std::fs::read_to_string(path).unwrap();
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
