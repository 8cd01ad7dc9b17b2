//! `dynamodb:LeadingKeys`: the partition key values a request touches.
//!
//! AWS takes them from the table's key schema, which a request does not carry. When the request
//! shows which attribute is the partition key (a key of one attribute; a query with one
//! equality) the value is exact; otherwise every candidate key value is given, so a
//! `ForAllValues:StringEquals` condition on `dynamodb:LeadingKeys` must match all of them — it
//! denies rather than allows what it cannot tell apart.

use base64::Engine;
use keyward_aws_model::Value;

use crate::path::{self, Element, PathError};

/// Evaluates `@name:argument` of the override data.
pub(crate) fn compute(
    computation: &str,
    input: &Value,
    element: Option<Element<'_>>,
) -> Result<Vec<String>, PathError> {
    let (name, argument) = computation.split_once(':').unwrap_or((computation, ""));
    match name {
        "leading_keys" => Ok(leading_keys_of_items(&path::values(
            argument, input, element,
        )?)),
        "query_leading_keys" => Ok(query_leading_keys(input)),
        _ => Err(path::malformed(computation, "unknown computation")),
    }
}

/// The text of a DynamoDB `AttributeValue` usable as a key (`S`, `N`, `B`).
fn key_text(value: &Value) -> Option<String> {
    if let Some(s) = value.get("S").and_then(Value::as_str) {
        return Some(s.to_owned());
    }
    if let Some(n) = value.get("N").and_then(Value::as_str) {
        return Some(n.to_owned());
    }
    match value.get("B") {
        Some(Value::Blob(bytes)) => Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
        Some(Value::String(text)) => Some(text.clone()),
        _ => None,
    }
}

/// Leading keys of key maps (`Key`, or each `Keys[]` element): the single attribute's value, or
/// every attribute's value when the key has several (the partition key is among them).
fn leading_keys_of_items(items: &[&Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if let Value::Map(attributes) = item {
            for (_, value) in attributes {
                if let Some(text) = key_text(value) {
                    if !out.contains(&text) {
                        out.push(text);
                    }
                }
            }
        }
    }
    out
}

/// Leading keys of a `Query`: the values compared with `=` in `KeyConditionExpression` (the
/// partition key condition is always an equality), or the `EQ` conditions of the legacy
/// `KeyConditions`.
fn query_leading_keys(input: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(expression) = input.get("KeyConditionExpression").and_then(Value::as_str) {
        let placeholders = equality_placeholders(expression);
        let values = input.get("ExpressionAttributeValues");
        for placeholder in placeholders {
            let value = match values {
                Some(Value::Map(entries)) => entries
                    .iter()
                    .find(|(name, _)| *name == placeholder)
                    .and_then(|(_, v)| key_text(v)),
                _ => None,
            };
            if let Some(text) = value {
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
    }
    if let Some(Value::Map(conditions)) = input.get("KeyConditions") {
        for (_, condition) in conditions {
            if condition.get("ComparisonOperator").and_then(Value::as_str) == Some("EQ") {
                let values = condition
                    .get("AttributeValueList")
                    .and_then(Value::as_list)
                    .unwrap_or_default();
                for text in values.iter().filter_map(key_text) {
                    if !out.contains(&text) {
                        out.push(text);
                    }
                }
            }
        }
    }
    out
}

/// The `:placeholders` compared with `=` to an attribute in a key condition expression.
fn equality_placeholders(expression: &str) -> Vec<String> {
    let tokens = tokens(expression);
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token != "=" {
            continue;
        }
        let before = i.checked_sub(1).and_then(|b| tokens.get(b));
        let after = tokens.get(i + 1);
        for side in [before, after].into_iter().flatten() {
            if side.starts_with(':') && !out.contains(side) {
                out.push(side.clone());
            }
        }
    }
    out
}

fn tokens(expression: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = expression.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if matches!(c, '=' | '(' | ')' | ',') {
            out.push(c.to_string());
            continue;
        }
        if matches!(c, '<' | '>') {
            let mut op = c.to_string();
            if let Some(next) = chars.next_if(|n| matches!(n, '=' | '>')) {
                op.push(next);
            }
            out.push(op);
            continue;
        }
        let mut word = c.to_string();
        while let Some(next) =
            chars.next_if(|n| !n.is_whitespace() && !matches!(n, '=' | '(' | ')' | ',' | '<' | '>'))
        {
            word.push(next);
        }
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::structure().with("S", text)
    }

    #[test]
    fn equalities_of_key_conditions() {
        assert_eq!(equality_placeholders("#pk = :u"), [":u"]);
        assert_eq!(
            equality_placeholders("pk=:u AND begins_with(sk, :p)"),
            [":u"]
        );
        assert_eq!(
            equality_placeholders(":u = pk AND sk BETWEEN :a AND :b"),
            [":u"]
        );
        assert_eq!(equality_placeholders("pk = :u AND sk <= :s"), [":u"]);
        assert_eq!(equality_placeholders("pk = :u AND sk = :s"), [":u", ":s"]);
    }

    #[test]
    fn leading_keys_of_queries_and_keys() {
        let query = Value::structure()
            .with(
                "KeyConditionExpression",
                "UserId = :u AND begins_with(SK, :p)",
            )
            .with(
                "ExpressionAttributeValues",
                Value::Map(vec![(":u".into(), s("alice")), (":p".into(), s("2024"))]),
            );
        assert_eq!(
            compute("query_leading_keys", &query, None).unwrap(),
            ["alice"]
        );
        let key = Value::structure().with("Key", Value::Map(vec![("UserId".into(), s("bob"))]));
        assert_eq!(compute("leading_keys:Key", &key, None).unwrap(), ["bob"]);
        let composite = Value::structure().with(
            "Key",
            Value::Map(vec![
                ("UserId".into(), s("bob")),
                ("Sk".into(), Value::structure().with("N", "7")),
            ]),
        );
        assert_eq!(
            compute("leading_keys:Key", &composite, None).unwrap(),
            ["bob", "7"]
        );
    }
}
