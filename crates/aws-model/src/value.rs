//! The generic member tree that decoders produce and encoders consume. Keys are model member
//! names (`UserName`), not wire names.

use time::OffsetDateTime;

/// One value of a shape.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A string, or any scalar kept as received text (Query input keeps the text of a number
    /// that failed to parse, next to its violation).
    String(String),
    /// `integer`, `long`, `byte`, `short`.
    Integer(i64),
    /// `double`, `float`.
    Double(f64),
    /// `boolean`.
    Boolean(bool),
    /// `timestamp`.
    Timestamp(OffsetDateTime),
    /// `blob` bytes (an HTTP payload); text protocols keep blobs as their base64 text.
    Blob(Vec<u8>),
    /// `list` elements in order.
    List(Vec<Value>),
    /// `map` entries in wire order.
    Map(Vec<(String, Value)>),
    /// `structure` members present, in model order for decoded input.
    Structure(Vec<(String, Value)>),
    /// A JSON `document` member, carried as is.
    Document(serde_json::Value),
}

impl Value {
    /// An empty structure, for building output with [`Value::with`].
    pub fn structure() -> Self {
        Value::Structure(Vec::new())
    }

    /// Adds member `name` to a structure (builder style); ignored on other values.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        if let Value::Structure(members) = &mut self {
            members.push((name.to_owned(), value.into()));
        }
        self
    }

    /// Member `name` of a structure.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Structure(members) => members
                .iter()
                .find(|(member, _)| member == name)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The kind of value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Double(_) => "double",
            Value::Boolean(_) => "boolean",
            Value::Timestamp(_) => "timestamp",
            Value::Blob(_) => "blob",
            Value::List(_) => "list",
            Value::Map(_) => "map",
            Value::Structure(_) => "structure",
            Value::Document(_) => "document",
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// An integer value.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// A boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// A timestamp value.
    pub fn as_timestamp(&self) -> Option<OffsetDateTime> {
        match self {
            Value::Timestamp(t) => Some(*t),
            _ => None,
        }
    }

    /// The elements of a list.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Integer(n)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Boolean(b)
    }
}

impl From<OffsetDateTime> for Value {
    fn from(t: OffsetDateTime) -> Self {
        Value::Timestamp(t)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::List(items)
    }
}
