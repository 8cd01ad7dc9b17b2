//! Every AWS service's model from the pinned botocore wheel, embedded gzip-compressed (about
//! 13 MB instead of 90) and parsed only when a request for that service first arrives: the
//! authorization gateway decodes any service's requests without code per service.

use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use crate::model::{ModelError, ServiceModel};

/// One vendored model and the metadata that finds it without parsing it.
#[derive(Debug)]
pub struct CatalogEntry {
    /// botocore's directory name (`bedrock-runtime`).
    pub service: &'static str,
    /// The SigV4 signing name (`metadata.signingName`, else the endpoint prefix).
    pub signing_name: &'static str,
    /// `metadata.endpointPrefix`, the first label of the service's host name.
    pub endpoint_prefix: &'static str,
    /// `metadata.targetPrefix` of JSON services (`DynamoDB_20120810`), empty otherwise.
    pub target_prefix: &'static str,
    /// `metadata.protocol` as botocore writes it (`rest-xml`, `json`, …).
    pub protocol: &'static str,
    compressed: &'static [u8],
    loaded: OnceLock<Result<ServiceModel, ModelError>>,
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

impl CatalogEntry {
    /// The parsed model, decompressed and parsed on first use and kept for the process. Patterns
    /// the translator cannot compile are left to the upstream service to check.
    pub fn model(&'static self) -> Result<&'static ServiceModel, &'static ModelError> {
        self.loaded.get_or_init(|| self.parse()).as_ref()
    }

    fn parse(&self) -> Result<ServiceModel, ModelError> {
        let mut text = String::new();
        GzDecoder::new(self.compressed)
            .read_to_string(&mut text)
            .map_err(|e| ModelError::Compressed(format!("{}: {e}", self.service)))?;
        ServiceModel::from_json_lenient(&text)
    }
}

/// Every vendored service, in botocore's directory order.
pub fn catalog() -> &'static [CatalogEntry] {
    &CATALOG
}

/// The entry of botocore's directory name `service` (`s3`, `bedrock-runtime`).
pub fn catalog_entry(service: &str) -> Option<&'static CatalogEntry> {
    CATALOG.iter().find(|entry| entry.service == service)
}

/// The services a credential scope's service name may address: those signing as `name`
/// (`bedrock` signs `bedrock`, `bedrock-runtime`, `bedrock-agent`, …), the one whose endpoint
/// prefix is `name` first.
pub fn signing_as(name: &str) -> Vec<&'static CatalogEntry> {
    let mut entries: Vec<&'static CatalogEntry> = CATALOG
        .iter()
        .filter(|entry| entry.signing_name == name || entry.endpoint_prefix == name)
        .collect();
    entries.sort_by_key(|entry| entry.endpoint_prefix != name);
    entries
}

/// The JSON service whose `X-Amz-Target` is `target` (`DynamoDB_20120810.GetItem`).
pub fn by_target(target: &str) -> Option<&'static CatalogEntry> {
    let prefix = target.split_once('.').map_or(target, |(prefix, _)| prefix);
    CATALOG
        .iter()
        .find(|entry| !entry.target_prefix.is_empty() && entry.target_prefix == prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_services_by_signing_name_and_target() {
        let bedrock: Vec<&str> = signing_as("bedrock").iter().map(|e| e.service).collect();
        assert_eq!(bedrock.first(), Some(&"bedrock"));
        assert!(bedrock.contains(&"bedrock-runtime"));
        assert_eq!(
            by_target("DynamoDB_20120810.GetItem").map(|e| e.service),
            Some("dynamodb")
        );
        assert_eq!(
            by_target("AmazonSQS.SendMessage").map(|e| e.service),
            Some("sqs")
        );
        assert!(catalog().len() > 400);
    }

    #[test]
    fn parses_a_model_once_on_first_use() {
        let entry = catalog_entry("braket").unwrap();
        let first = entry.model().unwrap();
        assert!(std::ptr::eq(first, entry.model().unwrap()));
        assert_eq!(first.metadata.endpoint_prefix, "braket");
    }

    #[test]
    fn every_vendored_model_parses() {
        let broken: Vec<String> = catalog()
            .iter()
            .filter_map(|entry| {
                entry
                    .model()
                    .err()
                    .map(|e| format!("{}: {e}", entry.service))
            })
            .collect();
        assert!(broken.is_empty(), "{broken:#?}");
    }
}
