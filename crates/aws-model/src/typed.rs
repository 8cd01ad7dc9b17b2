//! Conversion of a decoded member tree into the generated typed inputs
//! (`generated::iam::input::CreateUserInput`, …). Call it after validation: a required member
//! that is absent or a value of the wrong kind is then a decoder bug, reported as an error.

use time::OffsetDateTime;

use crate::value::Value;

/// Why a member tree does not fit a typed input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FromValueError {
    /// A required member is absent.
    #[error("required member {0} is absent")]
    Missing(&'static str),
    /// A member holds a value of another kind.
    #[error("member {member} is not a {expected}")]
    WrongType {
        /// The member (or `element`/`entry` inside a list or map).
        member: &'static str,
        /// The kind the typed input needs.
        expected: &'static str,
    },
}

/// A type built from a [`Value`].
pub trait FromValue: Sized {
    /// Converts `value`; `member` names it in errors.
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError>;
}

/// Map entries in wire order (botocore `map` shapes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entries<T>(pub Vec<(String, T)>);

fn wrong(member: &'static str, expected: &'static str) -> FromValueError {
    FromValueError::WrongType { member, expected }
}

impl FromValue for String {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| wrong(member, "string"))
    }
}

impl FromValue for i64 {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        value.as_i64().ok_or_else(|| wrong(member, "integer"))
    }
}

impl FromValue for f64 {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        match value {
            Value::Double(x) => Ok(*x),
            Value::Integer(n) => Ok(*n as f64),
            _ => Err(wrong(member, "number")),
        }
    }
}

impl FromValue for bool {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        value.as_bool().ok_or_else(|| wrong(member, "boolean"))
    }
}

impl FromValue for OffsetDateTime {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        value
            .as_timestamp()
            .ok_or_else(|| wrong(member, "timestamp"))
    }
}

impl FromValue for serde_json::Value {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        match value {
            Value::Document(d) => Ok(d.clone()),
            _ => Err(wrong(member, "document")),
        }
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        value
            .as_list()
            .ok_or_else(|| wrong(member, "list"))?
            .iter()
            .map(|item| T::from_value(item, member))
            .collect()
    }
}

impl<T: FromValue> FromValue for Entries<T> {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        let Value::Map(entries) = value else {
            return Err(wrong(member, "map"));
        };
        entries
            .iter()
            .map(|(k, v)| Ok((k.clone(), T::from_value(v, member)?)))
            .collect::<Result<Vec<_>, _>>()
            .map(Entries)
    }
}

impl<T: FromValue> FromValue for Box<T> {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        T::from_value(value, member).map(Box::new)
    }
}

/// Member `name` of structure `value`, which must be present.
pub fn required<T: FromValue>(value: &Value, name: &'static str) -> Result<T, FromValueError> {
    let member = value.get(name).ok_or(FromValueError::Missing(name))?;
    T::from_value(member, name)
}

/// Member `name` of structure `value`, if present.
pub fn optional<T: FromValue>(
    value: &Value,
    name: &'static str,
) -> Result<Option<T>, FromValueError> {
    value
        .get(name)
        .map(|member| T::from_value(member, name))
        .transpose()
}

/// Checks that `value` is a structure before its members are read.
pub fn structure<'v>(value: &'v Value, member: &'static str) -> Result<&'v Value, FromValueError> {
    match value {
        Value::Structure(_) => Ok(value),
        _ => Err(wrong(member, "structure")),
    }
}
