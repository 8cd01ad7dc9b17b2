//! AWS's own service models (botocore's `service-2.json`) driving the wire protocol: Query
//! input decoding with AWS's validation messages, Query XML output and errors, redaction of
//! sensitive members (and their audit rendering), JSON-protocol responses, a runtime decoder that finds the operation of any HTTP request for
//! the Query, EC2, JSON, REST-JSON and REST-XML protocols.
//!
//! The crate is pure: the IAM, STS, Organizations and CloudTrail models are embedded and parsed
//! once on first use; other models are loaded from text with [`ServiceModel::from_json`].
//!
//! ```
//! use keyward_aws_model::{decode_query_input, embedded, Service};
//!
//! let iam = embedded(Service::Iam)?;
//! let params = [("UserName".to_owned(), "bad name".to_owned())];
//! let input = decode_query_input(iam, "CreateUser", &params)?;
//! assert_eq!(
//!     input.validation_message().as_deref(),
//!     Some("1 validation error detected: Value 'bad name' at 'userName' failed to satisfy \
//!           constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod catalog;
mod errors;
pub mod generated;
mod json;
mod model;
mod pattern;
mod query;
mod redact;
mod route;
mod runtime;
pub mod typed;
mod validate;
mod value;
mod xml;

use std::sync::LazyLock;

pub use catalog::{by_target, catalog, catalog_entry, signing_as, CatalogEntry};
pub use errors::OperationError;
pub use json::{audit_json, encode_json_error, encode_json_response};
pub use model::{
    ErrorInfo, Http, Location, Member, Metadata, ModelError, Operation, Protocol, ServiceModel,
    Shape, ShapeRef, ShapeType, StaticContextParam, XmlNamespace,
};
pub use pattern::{translate_java_pattern, JavaPattern, PatternError};
pub use query::{decode_query_input, DecodeError, DecodedInput};
pub use redact::{redact, REDACTED};
pub use runtime::{decode_request, HttpRequest};
pub use validate::{
    lower_camel, validate_structure, validation_message, Violation, ViolationValue,
};
pub use value::Value;
pub use xml::{
    encode_query_error, encode_query_response, encode_validation_error, timestamp_text,
    EncodeError, VALIDATION_ERROR_CODE,
};

/// A service whose model is embedded in the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// IAM (Query).
    Iam,
    /// STS (Query).
    Sts,
    /// AWS Organizations (JSON).
    Organizations,
    /// CloudTrail (JSON), whose `LookupEvents` reads the audit log.
    CloudTrail,
}

type Loaded = LazyLock<Result<ServiceModel, ModelError>>;

static IAM: Loaded =
    LazyLock::new(|| ServiceModel::from_json(include_str!("../models/iam/service-2.json")));
static STS: Loaded =
    LazyLock::new(|| ServiceModel::from_json(include_str!("../models/sts/service-2.json")));
static ORGANIZATIONS: Loaded = LazyLock::new(|| {
    ServiceModel::from_json(include_str!("../models/organizations/service-2.json"))
});
static CLOUDTRAIL: Loaded =
    LazyLock::new(|| ServiceModel::from_json(include_str!("../models/cloudtrail/service-2.json")));

/// The embedded model of `service`, parsed on first use. Loading fails only if the vendored
/// file is broken, which the crate's tests rule out.
pub fn embedded(service: Service) -> Result<&'static ServiceModel, &'static ModelError> {
    let loaded = match service {
        Service::Iam => &IAM,
        Service::Sts => &STS,
        Service::Organizations => &ORGANIZATIONS,
        Service::CloudTrail => &CLOUDTRAIL,
    };
    loaded.as_ref()
}
