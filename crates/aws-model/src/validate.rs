//! Constraint checks of decoded input, with the sentences AWS's Coral front end writes:
//! `Value 'x' at 'userName' failed to satisfy constraint: Member must …`.
//!
//! Members are checked in model order and every violation is reported; for one value the order
//! is type, length, pattern, enum, range — length before pattern is what STS shows for a session
//! name violating both. Lengths count Unicode scalar values, as Smithy's `@length` defines.
//! Values of sensitive members are never quoted: AWS then writes `Value at 'x' …`.

use std::collections::HashSet;
use std::fmt;

use crate::model::{ServiceModel, Shape, ShapeType};
use crate::value::Value;

/// One violated constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Member path, e.g. `tags.1.member.key`.
    pub path: String,
    /// What the message quotes: the value, `null`, or nothing for a secret.
    pub value: ViolationValue,
    /// e.g. `Member must have length less than or equal to 64`.
    pub constraint: String,
}

/// How a violation shows the offending value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViolationValue {
    /// Quoted: `Value 'x' at …`.
    Shown(String),
    /// A required member is absent: `Value null at …`.
    Null,
    /// Sensitive: `Value at …`.
    Hidden,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            ViolationValue::Shown(v) => write!(f, "Value '{v}' at "),
            ViolationValue::Null => f.write_str("Value null at "),
            ViolationValue::Hidden => f.write_str("Value at "),
        }?;
        write!(
            f,
            "'{}' failed to satisfy constraint: {}",
            self.path, self.constraint
        )
    }
}

/// The message of AWS's `ValidationError` for `violations`; `None` when there are none.
pub fn validation_message(violations: &[Violation]) -> Option<String> {
    let n = violations.len();
    if n == 0 {
        return None;
    }
    let plural = if n == 1 { "error" } else { "errors" };
    let sentences: Vec<String> = violations.iter().map(Violation::to_string).collect();
    Some(format!(
        "{n} validation {plural} detected: {}",
        sentences.join("; ")
    ))
}

/// `UserName` → `userName`: Coral's member path segment.
pub fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Checks a decoded structure against shape `shape_name`; violations in report order.
pub fn validate_structure(model: &ServiceModel, shape_name: &str, value: &Value) -> Vec<Violation> {
    let mut checker = Checker {
        model,
        violations: Vec::new(),
    };
    checker.structure(shape_name, value, "");
    checker.violations
}

struct Checker<'m> {
    model: &'m ServiceModel,
    violations: Vec<Violation>,
}

fn join(prefix: &str, segment: &str) -> String {
    if prefix.is_empty() {
        segment.to_owned()
    } else {
        format!("{prefix}.{segment}")
    }
}

impl Checker<'_> {
    fn push(&mut self, path: &str, value: ViolationValue, constraint: String) {
        self.violations.push(Violation {
            path: path.to_owned(),
            value,
            constraint,
        });
    }

    fn structure(&mut self, shape_name: &str, value: &Value, path: &str) {
        let Some(shape) = self.model.shape(shape_name) else {
            return;
        };
        for (name, member) in &shape.members {
            let member_path = join(path, &lower_camel(name));
            match value.get(name) {
                None if shape.is_required(name) => self.push(
                    &member_path,
                    ViolationValue::Null,
                    "Member must not be null".to_owned(),
                ),
                None => {}
                Some(v) => {
                    let hidden = self.model.is_sensitive(member);
                    self.value(&member.shape, v, &member_path, hidden);
                }
            }
        }
    }

    fn value(&mut self, shape_name: &str, value: &Value, path: &str, hidden: bool) {
        let Some(shape) = self.model.shape(shape_name) else {
            return;
        };
        let hidden = hidden || shape.sensitive;
        let shown = |text: String| shown_if(hidden, text);
        match (shape.shape_type, value) {
            (ShapeType::Structure, Value::Structure(_)) => self.structure(shape_name, value, path),
            (ShapeType::List, Value::List(items)) => {
                let hidden = hidden || self.contains_sensitive(shape, &mut HashSet::new());
                self.length(shape, items.len(), path, || {
                    shown_if(hidden, list_text(items))
                });
                if let Some(element) = &shape.member {
                    let element_hidden = self.model.is_sensitive(element);
                    for (i, item) in items.iter().enumerate() {
                        let item_path = format!("{path}.{}.member", i + 1);
                        self.value(&element.shape, item, &item_path, hidden || element_hidden);
                    }
                }
            }
            (ShapeType::Map, Value::Map(entries)) => {
                let hidden = hidden || self.contains_sensitive(shape, &mut HashSet::new());
                let whole = || shown_if(hidden, map_text(entries));
                self.length(shape, entries.len(), path, whole);
                if let Some(k) = &shape.key {
                    let keys_fail = entries
                        .iter()
                        .any(|(key, _)| !self.is_valid(&k.shape, &Value::String(key.clone())));
                    if keys_fail {
                        let constraint = format!(
                            "Map keys must satisfy constraint: [{}]",
                            self.constraint_list(&k.shape)
                        );
                        self.push(path, whole(), constraint);
                    }
                }
                if let Some(v) = &shape.value {
                    let scalar_values = self.model.shape(&v.shape).is_some_and(|s| {
                        !matches!(
                            s.shape_type,
                            ShapeType::Structure | ShapeType::List | ShapeType::Map
                        )
                    });
                    if scalar_values {
                        // Coral reports scalar map values once for the whole map, listing every
                        // constraint of the value shape.
                        if entries
                            .iter()
                            .any(|(_, value)| !self.is_valid(&v.shape, value))
                        {
                            let constraint = format!(
                                "Map value must satisfy constraint: [{}]",
                                self.constraint_list(&v.shape)
                            );
                            self.push(path, whole(), constraint);
                        }
                    } else {
                        for (i, (_, entry_value)) in entries.iter().enumerate() {
                            let value_path = format!("{path}.entry.{}.value", i + 1);
                            self.value(&v.shape, entry_value, &value_path, hidden);
                        }
                    }
                }
            }
            (ShapeType::String, Value::String(s)) => {
                self.length(shape, s.chars().count(), path, || shown(s.clone()));
                if let Some(pattern) = self.model.pattern(shape_name) {
                    if !pattern.matches(s) {
                        let constraint = format!(
                            "Member must satisfy regular expression pattern: {}",
                            pattern.source()
                        );
                        self.push(path, shown(s.clone()), constraint);
                    }
                }
                if let Some(allowed) = &shape.enum_values {
                    if !allowed.contains(s) {
                        let constraint = format!(
                            "Member must satisfy enum value set: [{}]",
                            allowed.join(", ")
                        );
                        self.push(path, shown(s.clone()), constraint);
                    }
                }
            }
            (ShapeType::Blob, Value::Blob(bytes)) => {
                self.length(shape, bytes.len(), path, || ViolationValue::Hidden);
            }
            (ShapeType::Blob, Value::String(text)) => {
                self.length(shape, text.len(), path, || shown(text.clone()));
            }
            (
                ShapeType::Integer
                | ShapeType::Long
                | ShapeType::Byte
                | ShapeType::Short
                | ShapeType::Biginteger,
                Value::Integer(n),
            ) => self.range(shape, *n as f64, path, || shown(n.to_string())),
            (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Double(x)) => {
                self.range(shape, *x, path, || shown(x.to_string()))
            }
            (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, Value::Integer(n)) => {
                self.range(shape, *n as f64, path, || shown(n.to_string()))
            }
            (ShapeType::Boolean, Value::Boolean(_))
            | (ShapeType::Timestamp, Value::Timestamp(_))
            | (ShapeType::Document, _) => {}
            (expected, found) => {
                self.push(
                    path,
                    shown(value_text(found)),
                    type_constraint(expected).to_owned(),
                );
            }
        }
    }

    fn length(
        &mut self,
        shape: &Shape,
        len: usize,
        path: &str,
        shown: impl Fn() -> ViolationValue,
    ) {
        let len = len as f64;
        if let Some(min) = &shape.min {
            if min.as_f64().is_some_and(|m| len < m) {
                self.push(
                    path,
                    shown(),
                    format!("Member must have length greater than or equal to {min}"),
                );
            }
        }
        if let Some(max) = &shape.max {
            if max.as_f64().is_some_and(|m| len > m) {
                self.push(
                    path,
                    shown(),
                    format!("Member must have length less than or equal to {max}"),
                );
            }
        }
    }

    fn range(&mut self, shape: &Shape, x: f64, path: &str, shown: impl Fn() -> ViolationValue) {
        if let Some(min) = &shape.min {
            if min.as_f64().is_some_and(|m| x < m) {
                self.push(
                    path,
                    shown(),
                    format!("Member must have value greater than or equal to {min}"),
                );
            }
        }
        if let Some(max) = &shape.max {
            if max.as_f64().is_some_and(|m| x > m) {
                self.push(
                    path,
                    shown(),
                    format!("Member must have value less than or equal to {max}"),
                );
            }
        }
    }

    /// Whether `value` satisfies shape `shape_name` on its own.
    fn is_valid(&self, shape_name: &str, value: &Value) -> bool {
        let mut probe = Checker {
            model: self.model,
            violations: Vec::new(),
        };
        probe.value(shape_name, value, "", false);
        probe.violations.is_empty()
    }

    /// Every constraint of a scalar shape, in the order Coral lists them for map entries:
    /// `Member must have length less than or equal to 256, Member must have length greater than
    /// or equal to 0, Member must satisfy regular expression pattern: …`.
    fn constraint_list(&self, shape_name: &str) -> String {
        let Some(shape) = self.model.shape(shape_name) else {
            return String::new();
        };
        let measure = match shape.shape_type {
            ShapeType::String | ShapeType::Blob | ShapeType::List | ShapeType::Map => "length",
            _ => "value",
        };
        let mut constraints = Vec::new();
        if let Some(max) = &shape.max {
            constraints.push(format!(
                "Member must have {measure} less than or equal to {max}"
            ));
        }
        if let Some(min) = &shape.min {
            constraints.push(format!(
                "Member must have {measure} greater than or equal to {min}"
            ));
        }
        if let Some(pattern) = &shape.pattern {
            constraints.push(format!(
                "Member must satisfy regular expression pattern: {pattern}"
            ));
        }
        if let Some(allowed) = &shape.enum_values {
            constraints.push(format!(
                "Member must satisfy enum value set: [{}]",
                allowed.join(", ")
            ));
        }
        constraints.join(", ")
    }

    /// Whether any value inside `shape` is sensitive; `seen` stops at recursive shapes.
    fn contains_sensitive<'s>(&'s self, shape: &'s Shape, seen: &mut HashSet<&'s str>) -> bool {
        if shape.sensitive {
            return true;
        }
        let members = shape.members.iter().map(|(_, m)| m);
        let elements = shape.member.iter().chain(&shape.key).chain(&shape.value);
        members.chain(elements).any(|m| {
            m.sensitive
                || (seen.insert(m.shape.as_str())
                    && self
                        .model
                        .shape(&m.shape)
                        .is_some_and(|s| self.contains_sensitive(s, seen)))
        })
    }
}

fn shown_if(hidden: bool, text: String) -> ViolationValue {
    if hidden {
        ViolationValue::Hidden
    } else {
        ViolationValue::Shown(text)
    }
}

/// The sentence for a value of the wrong kind (a number that does not parse, …).
fn type_constraint(expected: ShapeType) -> &'static str {
    match expected {
        ShapeType::Integer | ShapeType::Long | ShapeType::Byte | ShapeType::Short => {
            "Member must be a valid integer"
        }
        ShapeType::Biginteger => "Member must be a valid integer",
        ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal => {
            "Member must be a valid number"
        }
        ShapeType::Boolean => "Member must be a boolean",
        ShapeType::Timestamp => "Member must be a valid timestamp",
        ShapeType::String => "Member must be a string",
        ShapeType::Blob => "Member must be a blob",
        ShapeType::List => "Member must be a list",
        ShapeType::Map => "Member must be a map",
        ShapeType::Structure => "Member must be a structure",
        ShapeType::Document => "Member must be a document",
    }
}

/// A list as Java's `List.toString` writes it: `[a, b]`.
fn list_text(items: &[Value]) -> String {
    let parts: Vec<String> = items.iter().map(value_text).collect();
    format!("[{}]", parts.join(", "))
}

/// A map as Java's `Map.toString` writes it: `{k=v, …}`.
fn map_text(entries: &[(String, Value)]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{k}={}", value_text(v)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// Text of a quoted value: scalars as text, lists and maps as Java's `toString`, structures as
/// the AWS SDK for Java writes them (`{Key: k,Value: v}`).
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Double(x) => x.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Timestamp(t) => crate::xml::timestamp_text(*t),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
        Value::List(items) => list_text(items),
        Value::Map(entries) => map_text(entries),
        Value::Structure(members) => {
            let parts: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{k}: {}", value_text(v)))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        Value::Document(d) => d.to_string(),
    }
}
