//! DynamoDB's condition keys that need more than a member: `dynamodb:LeadingKeys` (the partition
//! key values a request touches) and `dynamodb:Attributes` (the attributes a read projects).
//!
//! AWS takes the partition key from the table's key schema, which a request does not carry. With
//! a [`KeySchemas`] that knows the table the value is exact; without, it is exact when the
//! request shows which attribute is the partition key (a key of one attribute; a query with one
//! equality) and otherwise every candidate key value is given, so a
//! `ForAllValues:StringEquals` condition on `dynamodb:LeadingKeys` must match all of them — it
//! denies rather than allows what it cannot tell apart.

use base64::Engine;
use keyward_aws_model::Value;

use crate::path::{self, Element, PathError};
use crate::KeySchemas;

/// Evaluates `@name:argument` of the override data. `resource` is the table (or index) ARN the
/// action acts on, for its key schema.
pub(crate) fn compute(
    computation: &str,
    input: &Value,
    element: Option<Element<'_>>,
    resource: Option<&str>,
    schemas: &dyn KeySchemas,
) -> Result<Vec<String>, PathError> {
    let (name, argument) = computation.split_once(':').unwrap_or((computation, ""));
    let partition_key = resource.and_then(|arn| schemas.partition_key(arn));
    match name {
        "leading_keys" => {
            let mut items = Vec::new();
            for path in argument.split(',') {
                items.extend(path::values(path.trim(), input, element)?);
            }
            Ok(leading_keys_of_items(&items, partition_key.as_deref()))
        }
        "query_leading_keys" => Ok(query_leading_keys(input, partition_key.as_deref())),
        "projection" => {
            let base = match argument {
                "" => Some(input),
                "$" => element.map(|e| e.value),
                _ => {
                    return Err(path::malformed(
                        computation,
                        "projection takes no path or $",
                    ))
                }
            };
            Ok(base.map(projection_attributes).unwrap_or_default())
        }
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

/// Leading keys of key maps (`Key`, `Item`, each `Keys[]` element): the partition key's value
/// when the schema is known or the key has one attribute, else every attribute's value (the
/// partition key is among them).
fn leading_keys_of_items(items: &[&Value], partition_key: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if let Value::Map(attributes) = item {
            let chosen: Vec<&Value> = match partition_key {
                Some(key) => attributes
                    .iter()
                    .filter(|(name, _)| name == key)
                    .map(|(_, v)| v)
                    .collect(),
                None => attributes.iter().map(|(_, v)| v).collect(),
            };
            for text in chosen.into_iter().filter_map(key_text) {
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
    }
    out
}

/// Leading keys of a `Query`: the values compared with `=` in `KeyConditionExpression` (the
/// partition key condition is always an equality; with the schema known, only the partition
/// key's), or the `EQ` conditions of the legacy `KeyConditions`.
fn query_leading_keys(input: &Value, partition_key: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |text: String| {
        if !out.contains(&text) {
            out.push(text);
        }
    };
    if let Some(expression) = input.get("KeyConditionExpression").and_then(Value::as_str) {
        let names = input.get("ExpressionAttributeNames");
        let values = input.get("ExpressionAttributeValues");
        for (attribute, placeholder) in equalities(expression) {
            let attribute = resolve_name(names, &attribute);
            if partition_key.is_some_and(|key| key != attribute) {
                continue;
            }
            if let Some(text) = map_entry(values, &placeholder).and_then(key_text) {
                push(text);
            }
        }
    }
    if let Some(Value::Map(conditions)) = input.get("KeyConditions") {
        for (attribute, condition) in conditions {
            if partition_key.is_some_and(|key| key != attribute) {
                continue;
            }
            if condition.get("ComparisonOperator").and_then(Value::as_str) == Some("EQ") {
                let values = condition
                    .get("AttributeValueList")
                    .and_then(Value::as_list)
                    .unwrap_or_default();
                values.iter().filter_map(key_text).for_each(&mut push);
            }
        }
    }
    out
}

fn map_entry<'a>(map: Option<&'a Value>, key: &str) -> Option<&'a Value> {
    match map {
        Some(Value::Map(entries)) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// `#name` placeholders resolved through `ExpressionAttributeNames`.
fn resolve_name(names: Option<&Value>, token: &str) -> String {
    if token.starts_with('#') {
        if let Some(name) = map_entry(names, token).and_then(Value::as_str) {
            return name.to_owned();
        }
    }
    token.to_owned()
}

/// `dynamodb:Attributes`: the top-level attributes a read returns, from `AttributesToGet` or
/// `ProjectionExpression` (document paths count as their top-level attribute).
fn projection_attributes(request: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(list) = request.get("AttributesToGet").and_then(Value::as_list) {
        out.extend(list.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if let Some(expression) = request.get("ProjectionExpression").and_then(Value::as_str) {
        let names = request.get("ExpressionAttributeNames");
        for path in expression.split(',') {
            let top = path
                .trim()
                .split(['.', '['])
                .next()
                .unwrap_or_default()
                .trim();
            if top.is_empty() {
                continue;
            }
            let name = resolve_name(names, top);
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// `(attribute, :placeholder)` pairs compared with `=` in a key condition expression.
fn equalities(expression: &str) -> Vec<(String, String)> {
    let tokens = tokens(expression);
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token != "=" {
            continue;
        }
        let before = i.checked_sub(1).and_then(|b| tokens.get(b));
        let after = tokens.get(i + 1);
        if let (Some(left), Some(right)) = (before, after) {
            let pair = match (left.starts_with(':'), right.starts_with(':')) {
                (false, true) => (left.clone(), right.clone()),
                (true, false) => (right.clone(), left.clone()),
                _ => continue,
            };
            if !out.contains(&pair) {
                out.push(pair);
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

    struct Schema;
    impl KeySchemas for Schema {
        fn partition_key(&self, arn: &str) -> Option<String> {
            arn.ends_with(":table/Sessions")
                .then(|| "UserId".to_owned())
        }
    }

    fn placeholders(expression: &str) -> Vec<String> {
        equalities(expression).into_iter().map(|(_, p)| p).collect()
    }

    #[test]
    fn equalities_of_key_conditions() {
        assert_eq!(
            equalities("#pk = :u"),
            [("#pk".to_owned(), ":u".to_owned())]
        );
        assert_eq!(placeholders("pk=:u AND begins_with(sk, :p)"), [":u"]);
        assert_eq!(placeholders(":u = pk AND sk BETWEEN :a AND :b"), [":u"]);
        assert_eq!(placeholders("pk = :u AND sk <= :s"), [":u"]);
        assert_eq!(placeholders("pk = :u AND sk = :s"), [":u", ":s"]);
    }

    #[test]
    fn leading_keys_of_queries_and_keys() {
        let none = crate::NoKeySchemas;
        let query = Value::structure()
            .with("KeyConditionExpression", "#u = :u AND SK = :s")
            .with(
                "ExpressionAttributeNames",
                Value::Map(vec![("#u".into(), "UserId".into())]),
            )
            .with(
                "ExpressionAttributeValues",
                Value::Map(vec![(":u".into(), s("alice")), (":s".into(), s("2024"))]),
            );
        let table = Some("arn:aws:dynamodb:us-east-1:123456789012:table/Sessions");
        assert_eq!(
            compute("query_leading_keys", &query, None, table, &none).unwrap(),
            ["alice", "2024"]
        );
        assert_eq!(
            compute("query_leading_keys", &query, None, table, &Schema).unwrap(),
            ["alice"]
        );
        let key = Value::structure().with("Key", Value::Map(vec![("UserId".into(), s("bob"))]));
        assert_eq!(
            compute("leading_keys:Key", &key, None, None, &none).unwrap(),
            ["bob"]
        );
        let composite = Value::structure().with(
            "Key",
            Value::Map(vec![
                ("Sk".into(), Value::structure().with("N", "7")),
                ("UserId".into(), s("bob")),
            ]),
        );
        assert_eq!(
            compute("leading_keys:Key", &composite, None, None, &none).unwrap(),
            ["7", "bob"]
        );
        assert_eq!(
            compute("leading_keys:Key", &composite, None, table, &Schema).unwrap(),
            ["bob"]
        );
        assert!(compute("nonsense", &key, None, None, &none).is_err());
    }

    #[test]
    fn projected_attributes() {
        let get = Value::structure()
            .with("ProjectionExpression", "#n, Address.City, Tags[0]")
            .with(
                "ExpressionAttributeNames",
                Value::Map(vec![("#n".into(), "Name".into())]),
            );
        let none = crate::NoKeySchemas;
        assert_eq!(
            compute("projection", &get, None, None, &none).unwrap(),
            ["Name", "Address", "Tags"]
        );
        let legacy =
            Value::structure().with("AttributesToGet", vec![Value::from("A"), Value::from("B")]);
        assert_eq!(
            compute("projection", &legacy, None, None, &none).unwrap(),
            ["A", "B"]
        );
    }
}
