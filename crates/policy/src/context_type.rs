//! Typed request-context values as IAM's simulator takes them (`ContextEntries` with a
//! `ContextKeyType`), checked with the same parsers the condition operators use.
//!
//! Checking at input time matters because the engine fails closed on a value its operator
//! cannot read: a mistyped `--context` value would silently turn an allow into a deny.

use std::fmt;
use std::str::FromStr;

use crate::arn::Arn;
use crate::request::ContextValue;
use crate::values::{decode_base64, parse_bool, parse_ip, Decimal, Instant};

/// The scalar types of `ContextKeyType`, plus `arn` for ARN-valued keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContextBaseType {
    /// Any text.
    String,
    /// A decimal number.
    Numeric,
    /// `true` or `false`.
    Boolean,
    /// W3C ISO 8601 or epoch seconds.
    Date,
    /// An IPv4 or IPv6 address.
    Ip,
    /// Base64 text.
    Binary,
    /// An ARN.
    Arn,
}

/// A `ContextKeyType`: a base type, single or a list (`stringList`, `ipList`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContextKeyType {
    /// The type of each value.
    pub base: ContextBaseType,
    /// Whether the key is multivalued.
    pub list: bool,
}

/// Why a context entry was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextTypeError {
    /// The type name is not one IAM's simulator knows.
    #[error("unknown context key type \"{0}\" (expected string, stringList, numeric, numericList, boolean, booleanList, date, dateList, ip, ipList, binary, binaryList, arn or arnList)")]
    UnknownType(String),
    /// A single-valued type was given other than exactly one value.
    #[error("a {0} context key takes exactly one value")]
    NotOneValue(ContextKeyType),
    /// A value does not read as its type.
    #[error("\"{value}\" is not a valid {base} value")]
    InvalidValue {
        /// The value as given.
        value: String,
        /// The type it should have had.
        base: ContextKeyType,
    },
}

impl FromStr for ContextKeyType {
    type Err = ContextTypeError;

    fn from_str(text: &str) -> Result<ContextKeyType, ContextTypeError> {
        let (name, list) = match text.strip_suffix("List") {
            Some(name) => (name, true),
            None => (text, false),
        };
        let base = match name {
            "string" => ContextBaseType::String,
            "numeric" => ContextBaseType::Numeric,
            "boolean" => ContextBaseType::Boolean,
            "date" => ContextBaseType::Date,
            "ip" => ContextBaseType::Ip,
            "binary" => ContextBaseType::Binary,
            "arn" => ContextBaseType::Arn,
            _ => return Err(ContextTypeError::UnknownType(text.to_owned())),
        };
        Ok(ContextKeyType { base, list })
    }
}

impl fmt::Display for ContextKeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.base {
            ContextBaseType::String => "string",
            ContextBaseType::Numeric => "numeric",
            ContextBaseType::Boolean => "boolean",
            ContextBaseType::Date => "date",
            ContextBaseType::Ip => "ip",
            ContextBaseType::Binary => "binary",
            ContextBaseType::Arn => "arn",
        };
        write!(f, "{name}{}", if self.list { "List" } else { "" })
    }
}

impl ContextKeyType {
    /// Checks `values` against the type and builds the context value: one value for a single
    /// type, any number (even none) for a list.
    pub fn value<S: AsRef<str>>(self, values: &[S]) -> Result<ContextValue, ContextTypeError> {
        if let Some(bad) = values.iter().find(|v| !self.fits(v.as_ref())) {
            return Err(ContextTypeError::InvalidValue {
                value: bad.as_ref().to_owned(),
                base: ContextKeyType {
                    list: false,
                    ..self
                },
            });
        }
        match (self.list, values) {
            (true, _) => Ok(ContextValue::multiple(values.iter().map(AsRef::as_ref))),
            (false, [one]) => Ok(ContextValue::single(one.as_ref())),
            (false, _) => Err(ContextTypeError::NotOneValue(self)),
        }
    }

    fn fits(self, value: &str) -> bool {
        match self.base {
            ContextBaseType::String => true,
            ContextBaseType::Numeric => Decimal::parse(value).is_some(),
            ContextBaseType::Boolean => parse_bool(value).is_some(),
            ContextBaseType::Date => Instant::parse(value).is_some(),
            ContextBaseType::Ip => parse_ip(value).is_some(),
            ContextBaseType::Binary => decode_base64(value).is_some(),
            ContextBaseType::Arn => Arn::parse(value).is_ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: &str, values: &[&str]) -> Result<ContextValue, ContextTypeError> {
        kind.parse::<ContextKeyType>()?.value(values)
    }

    #[test]
    fn types_and_values() {
        assert_eq!(
            parse("ip", &["10.0.0.1"]),
            Ok(ContextValue::single("10.0.0.1"))
        );
        assert_eq!(
            parse("stringList", &["a", "b"]),
            Ok(ContextValue::multiple(["a", "b"]))
        );
        assert!(parse("numeric", &["12.5"]).is_ok());
        assert!(parse("date", &["2026-01-01T00:00:00Z"]).is_ok());
        assert!(parse("boolean", &["TRUE"]).is_ok());
        assert!(parse("binary", &["aGVsbG8="]).is_ok());
        assert!(parse("arn", &["arn:aws:s3:::b"]).is_ok());
    }

    #[test]
    fn refuses_what_the_engine_could_not_read() {
        assert!(matches!(
            parse("ipaddress", &["10.0.0.1"]),
            Err(ContextTypeError::UnknownType(_))
        ));
        assert!(matches!(
            parse("ip", &["10.0.0.1/8"]),
            Err(ContextTypeError::InvalidValue { .. })
        ));
        assert!(matches!(
            parse("numeric", &["ten"]),
            Err(ContextTypeError::InvalidValue { .. })
        ));
        assert!(matches!(
            parse("string", &["a", "b"]),
            Err(ContextTypeError::NotOneValue(_))
        ));
        assert!(matches!(
            parse("date", &["yesterday"]),
            Err(ContextTypeError::InvalidValue { .. })
        ));
    }
}
