//! botocore's `service-2.json`, typed. Only the fields that decoding, validation, encoding and
//! redaction read are kept; serde ignores the rest (documentation, deprecation notes, …).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::pattern::{JavaPattern, PatternError};

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The text is not a botocore service model.
    #[error("service model is not valid JSON of the expected form: {0}")]
    Json(#[from] serde_json::Error),
    /// A shape, operation input/output or error names a shape the model does not define.
    #[error("shape {referenced} (referenced from {from}) is not defined")]
    MissingShape {
        /// The undefined shape.
        referenced: String,
        /// Where it is referenced.
        from: String,
    },
    /// A vendored model's gzip data does not decompress.
    #[error("vendored service model does not decompress: {0}")]
    Compressed(String),
    /// A `pattern` constraint cannot be compiled.
    #[error("pattern of shape {shape} cannot be used: {source}")]
    Pattern {
        /// The shape carrying the pattern.
        shape: String,
        /// Why.
        source: PatternError,
    },
}

/// The wire protocol a service speaks (`metadata.protocol`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum Protocol {
    /// AWS Query: form parameters in, XML out (IAM, STS).
    #[serde(rename = "query")]
    Query,
    /// EC2's variant of Query.
    #[serde(rename = "ec2")]
    Ec2,
    /// JSON bodies, operation named by `X-Amz-Target`.
    #[serde(rename = "json")]
    Json,
    /// REST bindings with JSON bodies.
    #[serde(rename = "rest-json")]
    RestJson,
    /// REST bindings with XML bodies.
    #[serde(rename = "rest-xml")]
    RestXml,
    /// Smithy RPC v2 CBOR; known so such models load, not decoded.
    #[serde(rename = "smithy-rpc-v2-cbor")]
    SmithyRpcV2Cbor,
}

/// `metadata`: how the service is addressed and signed.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The wire protocol.
    pub protocol: Protocol,
    /// `Version` of Query requests, e.g. `2010-05-08`.
    pub api_version: String,
    /// The response XML namespace (Query, rest-xml).
    pub xml_namespace: Option<String>,
    /// SigV4 service name when it differs from the endpoint prefix.
    pub signing_name: Option<String>,
    /// Host prefix, e.g. `iam`.
    pub endpoint_prefix: String,
    /// `X-Amz-Target` prefix of the JSON protocol.
    pub target_prefix: Option<String>,
    /// `application/x-amz-json-<version>` of the JSON protocol.
    pub json_version: Option<String>,
    /// e.g. `IAM`.
    pub service_id: Option<String>,
}

/// An operation's HTTP binding.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Http {
    /// `GET`, `POST`, …
    pub method: String,
    /// Path and optional query literals, with `{Label}` / `{Label+}` placeholders.
    pub request_uri: String,
    /// Success status, when not 200.
    pub response_code: Option<u16>,
}

/// A reference from an operation to a shape.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShapeRef {
    /// The shape's name.
    pub shape: String,
    /// Query output: the element wrapping the result (`CreateUserResult`).
    pub result_wrapper: Option<String>,
}

/// One operation.
#[derive(Clone, Debug, Deserialize)]
pub struct Operation {
    /// The operation's name, e.g. `CreateUser`.
    pub name: String,
    /// HTTP binding.
    pub http: Http,
    /// Input structure.
    pub input: Option<ShapeRef>,
    /// Output structure.
    pub output: Option<ShapeRef>,
    /// Error structures the operation is documented to return.
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    /// Superseded by another operation on the same URI (S3's `GetBucketLifecycle`).
    #[serde(default)]
    pub deprecated: bool,
    /// Endpoint-rule parameters the operation sets (`UseS3ExpressControlEndpoint`): they say
    /// which endpoint serves it, which tells apart operations sharing a route.
    #[serde(default, rename = "staticContextParams")]
    pub static_context_params: BTreeMap<String, StaticContextParam>,
}

/// One `staticContextParams` entry.
#[derive(Clone, Debug, Deserialize)]
pub struct StaticContextParam {
    /// The parameter's value (`true` for S3 Express's control endpoint).
    pub value: serde_json::Value,
}

/// Where a member travels in a REST request (`location`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum Location {
    /// A single header named by `locationName`.
    Header,
    /// Every header starting with `locationName` (a map).
    Headers,
    /// A `{Label}` of the request URI.
    Uri,
    /// A query-string parameter.
    Querystring,
    /// The HTTP status of a response.
    StatusCode,
}

/// `xmlNamespace` of a member or shape.
#[derive(Clone, Debug, Deserialize)]
pub struct XmlNamespace {
    /// The namespace URI.
    pub uri: Option<String>,
    /// Its prefix, if any.
    pub prefix: Option<String>,
}

/// A member of a structure, or the element/key/value of a list or map.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The member's shape.
    pub shape: String,
    /// Wire name when it differs from the member name.
    pub location_name: Option<String>,
    /// REST binding.
    pub location: Option<Location>,
    /// EC2 protocol parameter name.
    pub query_name: Option<String>,
    /// XML namespace of the member element.
    pub xml_namespace: Option<XmlNamespace>,
    /// A list or map written without a wrapping element.
    #[serde(default)]
    pub flattened: bool,
    /// Never logged.
    #[serde(default)]
    pub sensitive: bool,
    /// An XML attribute rather than an element.
    #[serde(default)]
    pub xml_attribute: bool,
    /// The member is the whole HTTP body (`payload` names it on the structure).
    #[serde(default)]
    pub streaming: bool,
    /// Overrides the shape's timestamp format.
    pub timestamp_format: Option<String>,
}

/// The kind of a shape (`type`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ShapeType {
    /// Members by name.
    Structure,
    /// Ordered elements of one shape.
    List,
    /// Keys to values.
    Map,
    /// Text.
    String,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    Long,
    /// `true` / `false`.
    Boolean,
    /// A point in time.
    Timestamp,
    /// Bytes (base64 in text protocols).
    Blob,
    /// 64-bit float.
    Double,
    /// 32-bit float.
    Float,
    /// Arbitrary JSON document.
    Document,
    /// Small integer.
    Byte,
    /// Small integer.
    Short,
    /// Arbitrary-precision integer.
    Biginteger,
    /// Arbitrary-precision decimal.
    Bigdecimal,
}

/// `error` of an exception shape.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    /// Wire error code when it differs from the shape name.
    pub code: Option<String>,
    /// HTTP status of the error response.
    pub http_status_code: Option<u16>,
    /// `true`: the caller's fault (`Sender`), else the service's (`Receiver`).
    #[serde(default)]
    pub sender_fault: bool,
}

/// One shape.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    /// Its kind.
    #[serde(rename = "type")]
    pub shape_type: ShapeType,
    /// Structure members in model order.
    #[serde(default, deserialize_with = "ordered_members")]
    pub members: Vec<(String, Member)>,
    /// Members that must be present.
    #[serde(default)]
    pub required: Vec<String>,
    /// List element.
    pub member: Option<Member>,
    /// Map key.
    pub key: Option<Member>,
    /// Map value.
    pub value: Option<Member>,
    /// Minimum length (strings, lists, maps, blobs) or value (numbers).
    pub min: Option<serde_json::Number>,
    /// Maximum length or value.
    pub max: Option<serde_json::Number>,
    /// Java regular expression a string must match whole.
    pub pattern: Option<String>,
    /// Allowed string values.
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<String>>,
    /// Every value of this shape is secret.
    #[serde(default)]
    pub sensitive: bool,
    /// A list or map written without a wrapping element.
    #[serde(default)]
    pub flattened: bool,
    /// Element name of list members when not `member`.
    pub location_name: Option<String>,
    /// XML namespace of the shape.
    pub xml_namespace: Option<XmlNamespace>,
    /// The member that is the HTTP body.
    pub payload: Option<String>,
    /// Error details of an exception shape.
    pub error: Option<ErrorInfo>,
    /// The shape is an error.
    #[serde(default)]
    pub exception: bool,
    /// Default timestamp format.
    pub timestamp_format: Option<String>,
    /// Streaming blob.
    #[serde(default)]
    pub streaming: bool,
}

impl Shape {
    /// The member named `name`.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members
            .iter()
            .find(|(member_name, _)| member_name == name)
            .map(|(_, member)| member)
    }

    /// Whether `name` must be present.
    pub fn is_required(&self, name: &str) -> bool {
        self.required.iter().any(|r| r == name)
    }
}

/// botocore keeps members in a JSON object whose order is the wire order of Query/XML output;
/// serde_json's map would sort it, so members are read into a vector.
fn ordered_members<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, Member)>, D::Error> {
    struct Ordered;
    impl<'de> Visitor<'de> for Ordered {
        type Value = Vec<(String, Member)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of members")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut members = Vec::new();
            while let Some(entry) = map.next_entry::<String, Member>()? {
                members.push(entry);
            }
            Ok(members)
        }
    }
    d.deserialize_map(Ordered)
}

#[derive(Deserialize)]
struct RawModel {
    metadata: Metadata,
    operations: BTreeMap<String, Operation>,
    shapes: HashMap<String, Shape>,
}

/// A loaded service model: every shape reference resolves and every pattern compiles.
#[derive(Debug)]
pub struct ServiceModel {
    /// Addressing and protocol.
    pub metadata: Metadata,
    operations: BTreeMap<String, Operation>,
    shapes: HashMap<String, Shape>,
    patterns: HashMap<String, JavaPattern>,
    unchecked_patterns: Vec<String>,
}

impl ServiceModel {
    /// Parses and checks a botocore `service-2.json`.
    pub fn from_json(text: &str) -> Result<Self, ModelError> {
        let raw: RawModel = serde_json::from_str(text)?;
        let model = ServiceModel {
            metadata: raw.metadata,
            operations: raw.operations,
            patterns: compile_patterns(&raw.shapes)?,
            unchecked_patterns: Vec::new(),
            shapes: raw.shapes,
        };
        model.check_references()?;
        Ok(model)
    }

    /// Like [`Self::from_json`], but a `pattern` the translator cannot compile (Java class
    /// intersections, lone surrogates, …) is left unchecked instead of failing the model: for a
    /// gateway that forwards requests to a service that checks them itself. The shapes are in
    /// [`Self::unchecked_patterns`].
    pub fn from_json_lenient(text: &str) -> Result<Self, ModelError> {
        let raw: RawModel = serde_json::from_str(text)?;
        let mut patterns = HashMap::new();
        let mut unchecked_patterns = Vec::new();
        for (name, shape) in &raw.shapes {
            if let Some(pattern) = &shape.pattern {
                match JavaPattern::compile(pattern) {
                    Ok(compiled) => {
                        patterns.insert(name.clone(), compiled);
                    }
                    Err(_) => unchecked_patterns.push(name.clone()),
                }
            }
        }
        unchecked_patterns.sort();
        let model = ServiceModel {
            metadata: raw.metadata,
            operations: raw.operations,
            patterns,
            unchecked_patterns,
            shapes: raw.shapes,
        };
        model.check_references()?;
        Ok(model)
    }

    /// Shapes whose `pattern` is not checked (see [`Self::from_json_lenient`]).
    pub fn unchecked_patterns(&self) -> &[String] {
        &self.unchecked_patterns
    }

    /// Operations by name, sorted.
    pub fn operations(&self) -> impl Iterator<Item = &Operation> {
        self.operations.values()
    }

    /// The operation named `name`.
    pub fn operation(&self, name: &str) -> Option<&Operation> {
        self.operations.get(name)
    }

    /// The shape named `name`.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.get(name)
    }

    /// All shapes (unordered).
    pub fn shapes(&self) -> impl Iterator<Item = (&str, &Shape)> {
        self.shapes
            .iter()
            .map(|(name, shape)| (name.as_str(), shape))
    }

    /// The compiled `pattern` of shape `name`.
    pub(crate) fn pattern(&self, shape_name: &str) -> Option<&JavaPattern> {
        self.patterns.get(shape_name)
    }

    /// Whether a member's value is secret: the member or its shape says so.
    pub fn is_sensitive(&self, member: &Member) -> bool {
        member.sensitive || self.shape(&member.shape).is_some_and(|s| s.sensitive)
    }

    fn check_references(&self) -> Result<(), ModelError> {
        let missing = |referenced: &str, from: &str| ModelError::MissingShape {
            referenced: referenced.to_owned(),
            from: from.to_owned(),
        };
        for (name, op) in &self.operations {
            let refs = op.input.iter().chain(&op.output).chain(&op.errors);
            for r in refs {
                if !self.shapes.contains_key(&r.shape) {
                    return Err(missing(&r.shape, name));
                }
            }
        }
        for (name, shape) in &self.shapes {
            let members = shape.members.iter().map(|(_, m)| m);
            let elements = shape.member.iter().chain(&shape.key).chain(&shape.value);
            for m in members.chain(elements) {
                if !self.shapes.contains_key(&m.shape) {
                    return Err(missing(&m.shape, name));
                }
            }
        }
        Ok(())
    }
}

fn compile_patterns(
    shapes: &HashMap<String, Shape>,
) -> Result<HashMap<String, JavaPattern>, ModelError> {
    let mut patterns = HashMap::new();
    for (name, shape) in shapes {
        if let Some(pattern) = &shape.pattern {
            let compiled = JavaPattern::compile(pattern).map_err(|source| ModelError::Pattern {
                shape: name.clone(),
                source,
            })?;
            patterns.insert(name.clone(), compiled);
        }
    }
    Ok(patterns)
}
