//! JSON renderings of a member tree: the body of a JSON-protocol response (Organizations,
//! CloudTrail) and the CloudTrail-style audit record of a request or response.

use base64::Engine as _;
use serde_json::{Map, Number, Value as Json};

use crate::model::{ServiceModel, ShapeType};
use crate::redact::redact;
use crate::validate::lower_camel;
use crate::value::Value;
use crate::xml::{timestamp_text, EncodeError};

/// The JSON body of a successful JSON-protocol response of `operation`: keys are member names
/// (or `locationName`), timestamps epoch seconds, blobs base64 — what botocore parses.
/// Unknown members and values of the wrong kind are errors.
pub fn encode_json_response(
    model: &ServiceModel,
    operation: &str,
    result: &Value,
) -> Result<String, EncodeError> {
    let op = model
        .operation(operation)
        .ok_or_else(|| EncodeError::UnknownOperation(operation.to_owned()))?;
    let json = match &op.output {
        Some(output) => wire_json(model, &output.shape, result, &op.name)?,
        None if matches!(result, Value::Structure(m) if m.is_empty()) => Json::Object(Map::new()),
        None => return Err(EncodeError::NoOutput(op.name.clone())),
    };
    Ok(json.to_string())
}

/// The JSON-protocol error body: `{"__type":"Code","message":"…"}`.
pub fn encode_json_error(code: &str, message: &str) -> String {
    serde_json::json!({ "__type": code, "message": message }).to_string()
}

fn wire_json(
    model: &ServiceModel,
    shape_name: &str,
    value: &Value,
    path: &str,
) -> Result<Json, EncodeError> {
    let Some(shape) = model.shape(shape_name) else {
        return Err(EncodeError::UnknownMember {
            path: path.to_owned(),
            member: shape_name.to_owned(),
            shape: shape_name.to_owned(),
        });
    };
    let mismatch = || EncodeError::TypeMismatch {
        path: path.to_owned(),
        expected: shape.shape_type,
        found: value.kind(),
    };
    Ok(match (shape.shape_type, value) {
        (ShapeType::Structure, Value::Structure(members)) => {
            let mut object = Map::new();
            for (name, v) in members {
                let member = shape
                    .member(name)
                    .ok_or_else(|| EncodeError::UnknownMember {
                        path: path.to_owned(),
                        member: name.clone(),
                        shape: shape_name.to_owned(),
                    })?;
                let key = member.location_name.clone().unwrap_or_else(|| name.clone());
                let json = wire_json(model, &member.shape, v, &format!("{path}.{name}"))?;
                object.insert(key, json);
            }
            Json::Object(object)
        }
        (ShapeType::List, Value::List(items)) => {
            let element = shape.member.as_ref().ok_or_else(mismatch)?;
            Json::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        wire_json(model, &element.shape, item, &format!("{path}[{i}]"))
                    })
                    .collect::<Result<_, _>>()?,
            )
        }
        (ShapeType::Map, Value::Map(entries)) => {
            let value_member = shape.value.as_ref().ok_or_else(mismatch)?;
            let mut object = Map::new();
            for (k, v) in entries {
                let json = wire_json(model, &value_member.shape, v, &format!("{path}[{k}]"))?;
                object.insert(k.clone(), json);
            }
            Json::Object(object)
        }
        (ShapeType::Timestamp, Value::Timestamp(t)) => {
            let seconds = t.unix_timestamp_nanos() as f64 / 1e9;
            Number::from_f64(seconds)
                .map(Json::Number)
                .ok_or_else(mismatch)?
        }
        (ShapeType::Blob, Value::Blob(bytes)) => {
            Json::String(base64::engine::general_purpose::STANDARD.encode(bytes))
        }
        (ShapeType::Document, Value::Document(d)) => d.clone(),
        (_, scalar) => scalar_json(shape.shape_type, scalar).ok_or_else(mismatch)?,
    })
}

fn scalar_json(shape_type: ShapeType, value: &Value) -> Option<Json> {
    Some(match (shape_type, value) {
        (ShapeType::String | ShapeType::Blob, Value::String(s)) => Json::String(s.clone()),
        (
            ShapeType::Integer
            | ShapeType::Long
            | ShapeType::Byte
            | ShapeType::Short
            | ShapeType::Biginteger,
            Value::Integer(n),
        ) => Json::Number((*n).into()),
        (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Double(x)) => {
            Json::Number(Number::from_f64(*x)?)
        }
        (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Integer(n)) => {
            Json::Number((*n).into())
        }
        (ShapeType::Boolean, Value::Boolean(b)) => Json::Bool(*b),
        _ => return None,
    })
}

/// The CloudTrail-style rendering of structure `value` of shape `shape_name` for audit records:
/// sensitive values replaced by [`crate::REDACTED`], structure keys lowerCamel
/// (`requestParameters.userName`), map keys as given, timestamps ISO 8601, blobs by length.
pub fn audit_json(model: &ServiceModel, shape_name: &str, value: &Value) -> Json {
    plain_json(&redact(model, shape_name, value))
}

fn plain_json(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::String(s.clone()),
        Value::Integer(n) => Json::Number((*n).into()),
        Value::Double(x) => Number::from_f64(*x).map_or(Json::Null, Json::Number),
        Value::Boolean(b) => Json::Bool(*b),
        Value::Timestamp(t) => Json::String(timestamp_text(*t)),
        Value::Blob(bytes) => Json::String(format!("<{} bytes>", bytes.len())),
        Value::List(items) => Json::Array(items.iter().map(plain_json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), plain_json(v)))
                .collect(),
        ),
        Value::Structure(members) => Json::Object(
            members
                .iter()
                .map(|(k, v)| (lower_camel(k), plain_json(v)))
                .collect(),
        ),
        Value::Document(d) => d.clone(),
    }
}
