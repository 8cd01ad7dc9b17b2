//! Redaction of secrets for logs and audit records, driven by the model's `sensitive` flags on
//! members and shapes.

use crate::model::{ServiceModel, ShapeType};
use crate::value::Value;

/// What CloudTrail writes in place of a sensitive value.
pub const REDACTED: &str = "HIDDEN_DUE_TO_SECURITY_REASONS";

/// A copy of structure `value` of shape `shape_name` with every sensitive value (member or
/// shape marked `sensitive`, at any depth) replaced by [`REDACTED`].
pub fn redact(model: &ServiceModel, shape_name: &str, value: &Value) -> Value {
    redact_value(model, shape_name, value, false)
}

fn redact_value(model: &ServiceModel, shape_name: &str, value: &Value, sensitive: bool) -> Value {
    let Some(shape) = model.shape(shape_name) else {
        return value.clone();
    };
    if sensitive || shape.sensitive {
        return Value::String(REDACTED.to_owned());
    }
    match (shape.shape_type, value) {
        (ShapeType::Structure, Value::Structure(members)) => Value::Structure(
            members
                .iter()
                .map(|(name, v)| {
                    let redacted = match shape.member(name) {
                        Some(m) => redact_value(model, &m.shape, v, m.sensitive),
                        // Not in the model: nothing says it is harmless.
                        None => Value::String(REDACTED.to_owned()),
                    };
                    (name.clone(), redacted)
                })
                .collect(),
        ),
        (ShapeType::List, Value::List(items)) => match &shape.member {
            Some(m) => Value::List(
                items
                    .iter()
                    .map(|v| redact_value(model, &m.shape, v, m.sensitive))
                    .collect(),
            ),
            None => value.clone(),
        },
        (ShapeType::Map, Value::Map(entries)) => match (&shape.key, &shape.value) {
            (Some(k), Some(v)) => {
                let key_hidden = model.is_sensitive(k);
                Value::Map(
                    entries
                        .iter()
                        .map(|(key, val)| {
                            let key = if key_hidden {
                                REDACTED.to_owned()
                            } else {
                                key.clone()
                            };
                            (key, redact_value(model, &v.shape, val, v.sensitive))
                        })
                        .collect(),
                )
            }
            _ => value.clone(),
        },
        _ => value.clone(),
    }
}
