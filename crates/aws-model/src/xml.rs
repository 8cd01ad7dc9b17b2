//! AWS Query responses: the output shape drives element names, member order, list and map
//! wrapping, so the XML is what botocore's parser expects by construction.

use base64::Engine as _;
use quick_xml::escape::escape;
use time::format_description::well_known::Iso8601;
use time::OffsetDateTime;

use crate::model::{Member, ServiceModel, ShapeType};
use crate::validate::{validation_message, Violation};
use crate::value::Value;

/// Why a response could not be encoded: the value tree does not fit the output shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// The model has no such operation.
    #[error("operation {0} is not in the model")]
    UnknownOperation(String),
    /// A structure carries a member its shape does not have.
    #[error("{path}: no member {member} in shape {shape}")]
    UnknownMember {
        /// Where.
        path: String,
        /// The unknown member.
        member: String,
        /// The structure's shape.
        shape: String,
    },
    /// A value of the wrong kind for its shape.
    #[error("{path}: a {found} cannot be written as {expected:?}")]
    TypeMismatch {
        /// Where.
        path: String,
        /// The shape's type.
        expected: ShapeType,
        /// What was given.
        found: &'static str,
    },
    /// The operation has no output but a non-empty result was given.
    #[error("operation {0} has no output")]
    NoOutput(String),
}

/// AWS's timestamp text in Query XML: ISO 8601, UTC, whole seconds (`2026-12-07T07:27:24Z`).
pub fn timestamp_text(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let t = t.replace_nanosecond(0).unwrap_or(t);
    t.format(&Iso8601::DEFAULT)
        .map(|s| s.replace(".000000000", ""))
        .unwrap_or_default()
}

/// Renders a successful Query response of `operation`:
/// `<OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`.
/// `result` holds the output members by model name; an operation without output takes an
/// empty structure and gets no result element.
pub fn encode_query_response(
    model: &ServiceModel,
    operation: &str,
    result: &Value,
    request_id: &str,
) -> Result<String, EncodeError> {
    let op = model
        .operation(operation)
        .ok_or_else(|| EncodeError::UnknownOperation(operation.to_owned()))?;
    let namespace = model.metadata.xml_namespace.as_deref().unwrap_or_default();
    let mut out = String::with_capacity(512);
    out.push('<');
    out.push_str(&op.name);
    out.push_str("Response xmlns=\"");
    out.push_str(&escape(namespace));
    out.push_str("\">");
    match &op.output {
        Some(output) => {
            let wrapper = output
                .result_wrapper
                .clone()
                .unwrap_or_else(|| format!("{}Result", op.name));
            let writer = XmlWriter { model };
            out.push('<');
            out.push_str(&wrapper);
            out.push('>');
            writer.structure_members(&output.shape, result, &wrapper, &mut out)?;
            out.push_str("</");
            out.push_str(&wrapper);
            out.push('>');
        }
        None if matches!(result, Value::Structure(m) if m.is_empty()) => {}
        None => return Err(EncodeError::NoOutput(op.name.clone())),
    }
    out.push_str("<ResponseMetadata><RequestId>");
    out.push_str(&escape(request_id));
    out.push_str("</RequestId></ResponseMetadata></");
    out.push_str(&op.name);
    out.push_str("Response>\n");
    Ok(out)
}

/// Renders an AWS Query error document; `sender_fault` picks `Sender` or `Receiver`.
pub fn encode_query_error(
    model: &ServiceModel,
    code: &str,
    sender_fault: bool,
    message: &str,
    request_id: &str,
) -> String {
    let namespace = model.metadata.xml_namespace.as_deref().unwrap_or_default();
    let kind = if sender_fault { "Sender" } else { "Receiver" };
    format!(
        "<ErrorResponse xmlns=\"{namespace}\"><Error><Type>{kind}</Type><Code>{code}</Code>\
         <Message>{}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>\n",
        escape(message)
    )
}

/// The code of AWS's input validation failures (HTTP 400, `Sender`).
pub const VALIDATION_ERROR_CODE: &str = "ValidationError";

/// The Query error document for `violations` (`ValidationError`, `Sender`; send with HTTP 400),
/// or `None` when there are none.
pub fn encode_validation_error(
    model: &ServiceModel,
    violations: &[Violation],
    request_id: &str,
) -> Option<String> {
    let message = validation_message(violations)?;
    Some(encode_query_error(
        model,
        VALIDATION_ERROR_CODE,
        true,
        &message,
        request_id,
    ))
}

struct XmlWriter<'m> {
    model: &'m ServiceModel,
}

impl XmlWriter<'_> {
    /// Writes the members of `value` in the model's member order.
    fn structure_members(
        &self,
        shape_name: &str,
        value: &Value,
        path: &str,
        out: &mut String,
    ) -> Result<(), EncodeError> {
        let shape = self.model.shape(shape_name);
        let Value::Structure(given) = value else {
            return Err(EncodeError::TypeMismatch {
                path: path.to_owned(),
                expected: ShapeType::Structure,
                found: value.kind(),
            });
        };
        let members = shape.map(|s| s.members.as_slice()).unwrap_or_default();
        if let Some((unknown, _)) = given
            .iter()
            .find(|(name, _)| !members.iter().any(|(m, _)| m == name))
        {
            return Err(EncodeError::UnknownMember {
                path: path.to_owned(),
                member: unknown.clone(),
                shape: shape_name.to_owned(),
            });
        }
        for (name, member) in members {
            if let Some((_, v)) = given.iter().find(|(g, _)| g == name) {
                let element = member.location_name.as_deref().unwrap_or(name);
                self.member(member, element, v, &format!("{path}.{name}"), out)?;
            }
        }
        Ok(())
    }

    /// Writes `value` as element `element` (or as flattened repetitions of it).
    fn member(
        &self,
        member: &Member,
        element: &str,
        value: &Value,
        path: &str,
        out: &mut String,
    ) -> Result<(), EncodeError> {
        let Some(shape) = self.model.shape(&member.shape) else {
            return Ok(());
        };
        let mismatch = || EncodeError::TypeMismatch {
            path: path.to_owned(),
            expected: shape.shape_type,
            found: value.kind(),
        };
        let flattened = member.flattened || shape.flattened;
        match (shape.shape_type, value) {
            (ShapeType::List, Value::List(items)) => {
                let item_member = shape.member.as_ref().ok_or_else(mismatch)?;
                if flattened {
                    let name = item_member.location_name.as_deref().unwrap_or(element);
                    for (i, item) in items.iter().enumerate() {
                        self.member(item_member, name, item, &format!("{path}[{i}]"), out)?;
                    }
                } else {
                    let name = item_member.location_name.as_deref().unwrap_or("member");
                    open(out, element);
                    for (i, item) in items.iter().enumerate() {
                        self.member(item_member, name, item, &format!("{path}[{i}]"), out)?;
                    }
                    close(out, element);
                }
            }
            (ShapeType::Map, Value::Map(entries)) => {
                let (key, val) = (
                    shape.key.as_ref().ok_or_else(mismatch)?,
                    shape.value.as_ref().ok_or_else(mismatch)?,
                );
                let key_name = key.location_name.as_deref().unwrap_or("key");
                let value_name = val.location_name.as_deref().unwrap_or("value");
                if !flattened {
                    open(out, element);
                }
                for (k, v) in entries {
                    open(out, if flattened { element } else { "entry" });
                    let key_value = Value::String(k.clone());
                    self.member(key, key_name, &key_value, path, out)?;
                    self.member(val, value_name, v, &format!("{path}[{k}]"), out)?;
                    close(out, if flattened { element } else { "entry" });
                }
                if !flattened {
                    close(out, element);
                }
            }
            (ShapeType::Structure, Value::Structure(_)) => {
                open(out, element);
                self.structure_members(&member.shape, value, path, out)?;
                close(out, element);
            }
            (shape_type, scalar) => {
                let text = scalar_text(shape_type, scalar).ok_or_else(mismatch)?;
                open(out, element);
                out.push_str(&escape(text.as_str()));
                close(out, element);
            }
        }
        Ok(())
    }
}

/// The text of a scalar of `shape_type`; `None` when the value does not fit.
fn scalar_text(shape_type: ShapeType, value: &Value) -> Option<String> {
    Some(match (shape_type, value) {
        (ShapeType::String, Value::String(s)) => s.clone(),
        (
            ShapeType::Integer
            | ShapeType::Long
            | ShapeType::Byte
            | ShapeType::Short
            | ShapeType::Biginteger,
            Value::Integer(n),
        ) => n.to_string(),
        (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Double(x)) => {
            x.to_string()
        }
        (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Integer(n)) => {
            n.to_string()
        }
        (ShapeType::Boolean, Value::Boolean(b)) => if *b { "true" } else { "false" }.to_owned(),
        (ShapeType::Timestamp, Value::Timestamp(t)) => timestamp_text(*t),
        (ShapeType::Blob, Value::Blob(bytes)) => {
            base64::engine::general_purpose::STANDARD.encode(bytes)
        }
        _ => return None,
    })
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}
