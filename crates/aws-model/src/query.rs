//! AWS Query (and EC2) input: flat `Name.member.N.Field=value` parameters into a member tree,
//! following botocore's serializer (`locationName`, `flattened`, `entry.N.key/value`, and for
//! EC2 `queryName` or the capitalized `locationName`).

use std::collections::BTreeMap;

use time::format_description::well_known::Iso8601;
use time::OffsetDateTime;

use crate::model::{Member, Protocol, ServiceModel, ShapeType};
use crate::validate::{validate_structure, validation_message, Violation};
use crate::value::Value;

/// Why input could not be decoded at all (validation failures are not errors: they are
/// returned as [`Violation`]s).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The model has no such operation.
    #[error("operation {0} is not in the {1} model")]
    UnknownOperation(String, String),
    /// No operation of the model matches the request.
    #[error("no operation of the {0} model matches the request")]
    NoMatchingOperation(String),
    /// Several operations fit the request equally well (S3's `ListBuckets` and
    /// `ListDirectoryBuckets` differ only by endpoint host, which the decoder does not see).
    #[error("the request fits several operations: {0:?}")]
    AmbiguousOperation(Vec<String>),
    /// The body is not what the protocol requires.
    #[error("malformed request body: {0}")]
    MalformedBody(String),
    /// The model's protocol is not decoded by this crate.
    #[error("protocol {0:?} is not supported")]
    UnsupportedProtocol(Protocol),
}

/// Decoded and validated operation input.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedInput {
    /// The operation's name.
    pub operation: String,
    /// Members by model name (a [`Value::Structure`]).
    pub members: Value,
    /// Constraint violations, in AWS's report order; empty when the input is valid.
    pub violations: Vec<Violation>,
}

impl DecodedInput {
    /// AWS's `ValidationError` message, when the input violates constraints.
    pub fn validation_message(&self) -> Option<String> {
        validation_message(&self.violations)
    }
}

/// Decodes Query parameters (already percent-decoded; a name given twice keeps its last value,
/// and names that are no member, such as `Action`, are ignored) for `operation`, and validates
/// them against the model.
pub fn decode_query_input<K: AsRef<str>, V: AsRef<str>>(
    model: &ServiceModel,
    operation: &str,
    params: &[(K, V)],
) -> Result<DecodedInput, DecodeError> {
    let op = model.operation(operation).ok_or_else(|| {
        DecodeError::UnknownOperation(operation.to_owned(), model.metadata.endpoint_prefix.clone())
    })?;
    let params: BTreeMap<&str, &str> = params
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_ref()))
        .collect();
    let decoder = QueryDecoder {
        model,
        params: &params,
        ec2: model.metadata.protocol == Protocol::Ec2,
    };
    let Some(input) = &op.input else {
        return Ok(DecodedInput {
            operation: op.name.clone(),
            members: Value::structure(),
            violations: Vec::new(),
        });
    };
    let members = decoder.structure(&input.shape, "", 0);
    let violations = validate_structure(model, &input.shape, &members);
    Ok(DecodedInput {
        operation: op.name.clone(),
        members,
        violations,
    })
}

/// Nesting of recursive shapes followed no deeper than this (parameter names are unbounded).
const MAX_DEPTH: usize = 32;

struct QueryDecoder<'a> {
    model: &'a ServiceModel,
    params: &'a BTreeMap<&'a str, &'a str>,
    ec2: bool,
}

impl QueryDecoder<'_> {
    /// Whether any parameter is `name` itself or lies under `name.`.
    fn present(&self, name: &str) -> bool {
        if self.params.contains_key(name) {
            return true;
        }
        let prefix = format!("{name}.");
        self.params
            .range(prefix.as_str()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&prefix))
    }

    fn wire_name(&self, name: &str, member: &Member) -> String {
        if self.ec2 {
            if let Some(query_name) = &member.query_name {
                return query_name.clone();
            }
            if let Some(location_name) = &member.location_name {
                return capitalize(location_name);
            }
            return name.to_owned();
        }
        member
            .location_name
            .clone()
            .unwrap_or_else(|| name.to_owned())
    }

    fn structure(&self, shape_name: &str, prefix: &str, depth: usize) -> Value {
        let mut members = Vec::new();
        if depth > MAX_DEPTH {
            return Value::Structure(members);
        }
        if let Some(shape) = self.model.shape(shape_name) {
            for (name, member) in &shape.members {
                let key = format!("{prefix}{}", self.wire_name(name, member));
                if let Some(value) = self.value(member, &key, depth + 1) {
                    members.push((name.clone(), value));
                }
            }
        }
        Value::Structure(members)
    }

    /// The value at parameter name `key` for `member`, if the request carries one.
    fn value(&self, member: &Member, key: &str, depth: usize) -> Option<Value> {
        let shape = self.model.shape(&member.shape)?;
        match shape.shape_type {
            ShapeType::Structure => self
                .present(key)
                .then(|| self.structure(&member.shape, &format!("{key}."), depth)),
            ShapeType::List => {
                let element = shape.member.as_ref()?;
                // botocore sends an empty list as `Name=` with no elements.
                let empty = self.params.get(key).is_some_and(|v| v.is_empty());
                if !self.present(key) {
                    return None;
                }
                let list_prefix = if shape.flattened || self.ec2 {
                    key.to_owned()
                } else {
                    let element_name = element.location_name.as_deref().unwrap_or("member");
                    format!("{key}.{element_name}")
                };
                let mut items = Vec::new();
                for i in 1.. {
                    let item_key = format!("{list_prefix}.{i}");
                    if !self.present(&item_key) {
                        break;
                    }
                    match self.value(element, &item_key, depth + 1) {
                        Some(v) => items.push(v),
                        None => break,
                    }
                }
                (!items.is_empty() || empty).then_some(Value::List(items))
            }
            ShapeType::Map => {
                let (key_member, value_member) = (shape.key.as_ref()?, shape.value.as_ref()?);
                if !self.present(key) {
                    return None;
                }
                let entry_prefix = if shape.flattened {
                    key.to_owned()
                } else {
                    format!("{key}.entry")
                };
                let key_name = key_member.location_name.as_deref().unwrap_or("key");
                let value_name = value_member.location_name.as_deref().unwrap_or("value");
                let mut entries = Vec::new();
                for i in 1.. {
                    let entry = format!("{entry_prefix}.{i}");
                    if !self.present(&entry) {
                        break;
                    }
                    let Some(k) = self.params.get(format!("{entry}.{key_name}").as_str()) else {
                        break;
                    };
                    let v = self
                        .value(value_member, &format!("{entry}.{value_name}"), depth + 1)
                        .unwrap_or(Value::String(String::new()));
                    entries.push(((*k).to_owned(), v));
                }
                Some(Value::Map(entries))
            }
            scalar => self.params.get(key).map(|text| parse_scalar(scalar, text)),
        }
    }
}

/// EC2 capitalizes `locationName` when it serves as a parameter name.
fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A scalar's typed value; text that does not parse stays a [`Value::String`], which the
/// validator reports against the shape's type.
pub(crate) fn parse_scalar(shape_type: ShapeType, text: &str) -> Value {
    let typed = match shape_type {
        ShapeType::Integer
        | ShapeType::Long
        | ShapeType::Byte
        | ShapeType::Short
        | ShapeType::Biginteger => text.trim().parse::<i64>().ok().map(Value::Integer),
        ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal => {
            text.trim().parse::<f64>().ok().map(Value::Double)
        }
        ShapeType::Boolean => {
            if text.eq_ignore_ascii_case("true") {
                Some(Value::Boolean(true))
            } else if text.eq_ignore_ascii_case("false") {
                Some(Value::Boolean(false))
            } else {
                None
            }
        }
        ShapeType::Timestamp => parse_timestamp(text).map(Value::Timestamp),
        _ => None,
    };
    typed.unwrap_or_else(|| Value::String(text.to_owned()))
}

/// ISO 8601 (what botocore sends in Query input) or epoch seconds.
pub(crate) fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    if let Ok(t) = OffsetDateTime::parse(text, &Iso8601::DEFAULT) {
        return Some(t);
    }
    let seconds: f64 = text.parse().ok()?;
    if !seconds.is_finite() {
        return None;
    }
    let nanos = (seconds * 1e9) as i128;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()
}
