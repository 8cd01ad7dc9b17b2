//! Member paths of the override data: where in a decoded request a value is found.
//!
//! A path is a member name (or `$`, the element being iterated by a rule's `each`; `$key`, its
//! map key) followed by segments — `.Member`, `[]` (every list element), `{}` (every map key),
//! `{*}` (every map value) — and optionally `|transform`, a named conversion of each text
//! (`QueueUrl|last_segment`). A path that reaches nothing yields no values.

use keyward_aws_model::Value;
use percent_encoding::percent_decode_str;
use time::format_description::well_known::Rfc3339;

/// The element a rule's `each` is at: a list element, or a map entry's key and value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    /// The map key, for map entries.
    pub(crate) key: Option<&'a str>,
    /// The element or map value.
    pub(crate) value: &'a Value,
}

/// Why a path in the override data cannot be evaluated: the data is broken (its tests catch it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("member path {path:?} in the override data is malformed: {reason}")]
pub(crate) struct PathError {
    path: String,
    reason: &'static str,
}

pub(crate) fn malformed(path: &str, reason: &'static str) -> PathError {
    PathError {
        path: path.to_owned(),
        reason,
    }
}

/// The elements `path` reaches, for `each`: list elements, or map entries with their keys.
pub(crate) fn elements<'a>(
    path: &str,
    input: &'a Value,
    current: Option<Element<'a>>,
) -> Result<Vec<Element<'a>>, PathError> {
    let (base, last) = if let Some(base) = path.strip_suffix("[]") {
        (base, false)
    } else if let Some(base) = path.strip_suffix("{}") {
        (base, true)
    } else {
        return Err(malformed(path, "an `each` path ends in [] or {}"));
    };
    let mut out = Vec::new();
    for value in values(base, input, current)? {
        match (value, last) {
            (Value::List(items), false) => {
                out.extend(items.iter().map(|value| Element { key: None, value }))
            }
            (Value::Map(entries), true) => out.extend(entries.iter().map(|(key, value)| Element {
                key: Some(key.as_str()),
                value,
            })),
            _ => {}
        }
    }
    Ok(out)
}

/// The texts `path` reaches: scalars as text, lists flattened, transform applied.
pub(crate) fn texts(
    path: &str,
    input: &Value,
    current: Option<Element<'_>>,
) -> Result<Vec<String>, PathError> {
    if path.contains(" + ") {
        return joined(path, input, current);
    }
    let (path, transform) = match path.split_once('|') {
        Some((path, transform)) => (path, Some(transform)),
        None => (path, None),
    };
    let mut out = Vec::new();
    if path == "$key" {
        out.extend(current.and_then(|c| c.key).map(str::to_owned));
    } else if let Some(keys_of) = path.strip_suffix("{}") {
        for value in values(keys_of, input, current)? {
            if let Value::Map(entries) = value {
                out.extend(entries.iter().map(|(key, _)| key.clone()));
            }
        }
    } else {
        for value in values(path, input, current)? {
            scalar_texts(value, &mut out);
        }
    }
    match transform {
        None => Ok(out),
        Some(name) => {
            let convert =
                transform_named(name).ok_or_else(|| malformed(path, "unknown transform"))?;
            Ok(out.iter().filter_map(|text| convert(text)).collect())
        }
    }
}

/// `A + ':' + B`: the texts of the parts joined, when each part has exactly one (a quoted part is
/// literal); nothing otherwise.
fn joined(
    path: &str,
    input: &Value,
    current: Option<Element<'_>>,
) -> Result<Vec<String>, PathError> {
    let mut out = String::new();
    for part in path.split(" + ") {
        let part = part.trim();
        if let Some(literal) = part.strip_prefix('\'').and_then(|p| p.strip_suffix('\'')) {
            out.push_str(literal);
            continue;
        }
        match texts(part, input, current)?.as_slice() {
            [one] if !one.is_empty() => out.push_str(one),
            _ => return Ok(Vec::new()),
        }
    }
    Ok(vec![out])
}

/// Whether `path` reaches something: a non-empty text, list, map or structure (with a
/// transform, a non-empty converted text).
pub(crate) fn present(
    path: &str,
    input: &Value,
    current: Option<Element<'_>>,
) -> Result<bool, PathError> {
    if path.contains('|') || path == "$key" || path.ends_with("{}") {
        return Ok(texts(path, input, current)?.iter().any(|t| !t.is_empty()));
    }
    Ok(values(path, input, current)?
        .iter()
        .any(|value| match value {
            Value::String(s) => !s.is_empty(),
            Value::List(items) => !items.is_empty(),
            Value::Map(entries) | Value::Structure(entries) => !entries.is_empty(),
            Value::Blob(bytes) => !bytes.is_empty(),
            _ => true,
        }))
}

/// Appends the text of a scalar (each element's, for a list).
pub(crate) fn scalar_texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Integer(n) => out.push(n.to_string()),
        Value::Double(n) => out.push(n.to_string()),
        Value::Boolean(b) => out.push(b.to_string()),
        Value::Timestamp(t) => out.extend(t.format(&Rfc3339).ok()),
        Value::List(items) => items.iter().for_each(|item| scalar_texts(item, out)),
        Value::Blob(_) | Value::Map(_) | Value::Structure(_) | Value::Document(_) => {}
    }
}

/// The values `path` (without a transform) reaches.
pub(crate) fn values<'a>(
    path: &str,
    input: &'a Value,
    current: Option<Element<'a>>,
) -> Result<Vec<&'a Value>, PathError> {
    let mut rest = path;
    let mut reached: Vec<&'a Value> = if let Some(after) = rest.strip_prefix('$') {
        rest = after;
        current.map(|c| c.value).into_iter().collect()
    } else {
        let end = rest.find(['.', '[', '{']).unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        if name.is_empty() {
            return Err(malformed(path, "a path starts with a member name or $"));
        }
        rest = after;
        input.get(name).into_iter().collect()
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[]") {
            rest = after;
            reached = reached
                .into_iter()
                .flat_map(|v| v.as_list().unwrap_or_default())
                .collect();
        } else if let Some(after) = rest.strip_prefix("{*}") {
            rest = after;
            reached = reached
                .into_iter()
                .flat_map(|v| match v {
                    Value::Map(entries) => entries.iter().map(|(_, value)| value).collect(),
                    _ => Vec::new(),
                })
                .collect();
        } else if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[', '{']).unwrap_or(after.len());
            let (name, after) = after.split_at(end);
            if name.is_empty() {
                return Err(malformed(path, "empty member name after ."));
            }
            rest = after;
            reached = reached
                .into_iter()
                .filter_map(|v| member(v, name))
                .collect();
        } else {
            return Err(malformed(path, "expected .Member, [], {} or {*}"));
        }
    }
    Ok(reached)
}

/// Member `name` of a structure, or the value at key `name` of a map.
fn member<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    match value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        other => other.get(name),
    }
}

type Transform = fn(&str) -> Option<String>;

fn transform_named(name: &str) -> Option<Transform> {
    Some(match name {
        "last_segment" => last_segment,
        "copy_source_bucket" => copy_source_bucket,
        "copy_source_key" => copy_source_key,
        "copy_source_version" => copy_source_version,
        "lambda_function_name" => lambda_function_name,
        "bedrock_foundation_model" => bedrock_foundation_model,
        "bedrock_inference_profile" => bedrock_inference_profile,
        "not_arn" => not_arn,
        "if_true" => if_true,
        "url_account" => url_account,
        "kms_key_id" => kms_key_id,
        "access_point_name" => access_point_name,
        "arn_region" => arn_region,
        "arn_account" => arn_account,
        "without_alias_prefix" => without_alias_prefix,
        _ => return None,
    })
}

/// The last path segment of a URL: an SQS `QueueUrl`'s queue name.
fn last_segment(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let segment = path.trim_end_matches('/').rsplit('/').next()?;
    (!segment.is_empty() && !segment.contains(':')).then(|| segment.to_owned())
}

/// `CopySource` as S3 reads it: `[/]bucket/key[?versionId=v]`, percent-encoded. An access point
/// ARN source yields nothing, so the rule that needs it fails closed.
fn copy_source(source: &str) -> Option<(String, String, Option<String>)> {
    let (path, query) = match source.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (source, None),
    };
    let path = path.strip_prefix('/').unwrap_or(path);
    if path.starts_with("arn:") || path.starts_with("arn%3A") {
        return None;
    }
    let (bucket, key) = path.split_once('/')?;
    let decode = |s: &str| {
        percent_decode_str(s)
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    let version = query.and_then(|q| {
        q.split('&')
            .find_map(|pair| pair.strip_prefix("versionId="))
            .and_then(decode)
    });
    let (bucket, key) = (decode(bucket)?, decode(key)?);
    (!bucket.is_empty() && !key.is_empty()).then_some((bucket, key, version))
}

fn copy_source_bucket(source: &str) -> Option<String> {
    copy_source(source).map(|(bucket, _, _)| bucket)
}

fn copy_source_key(source: &str) -> Option<String> {
    copy_source(source).map(|(_, key, _)| key)
}

fn copy_source_version(source: &str) -> Option<String> {
    copy_source(source).and_then(|(_, _, version)| version)
}

/// A Lambda `FunctionName` in any of its forms (`name`, `name:qualifier`,
/// `account:function:name[:qualifier]`) as the ARN's `${FunctionName}` part, qualifier kept:
/// AWS authorizes a qualified call against the qualified ARN. Full ARNs are matched whole.
fn lambda_function_name(name: &str) -> Option<String> {
    if name.starts_with("arn:") {
        return None;
    }
    let parts: Vec<&str> = name.split(':').collect();
    let function = match parts.as_slice() {
        [name] => (*name).to_owned(),
        [name, qualifier] => format!("{name}:{qualifier}"),
        [_, "function", name] => (*name).to_owned(),
        [_, "function", name, qualifier] => format!("{name}:{qualifier}"),
        _ => return None,
    };
    (!function.starts_with(':') && !function.ends_with(':') && !function.is_empty())
        .then_some(function)
}

/// Geographic prefixes of Bedrock's system-defined (cross-Region) inference profile ids, e.g.
/// `us.anthropic.claude-3-5-sonnet-20240620-v1:0` (Bedrock User Guide, "Supported Regions and
/// models for inference profiles").
const INFERENCE_PROFILE_PREFIXES: &[&str] =
    &["us", "eu", "apac", "us-gov", "ca", "jp", "au", "global"];

fn is_inference_profile_id(model_id: &str) -> bool {
    model_id
        .split_once('.')
        .is_some_and(|(geo, _)| INFERENCE_PROFILE_PREFIXES.contains(&geo))
}

/// A Bedrock `modelId` that names a foundation model (not an ARN, not an inference profile).
fn bedrock_foundation_model(model_id: &str) -> Option<String> {
    (!model_id.starts_with("arn:") && !is_inference_profile_id(model_id))
        .then(|| model_id.to_owned())
}

/// A Bedrock `modelId` that names a system-defined inference profile.
fn bedrock_inference_profile(model_id: &str) -> Option<String> {
    (!model_id.starts_with("arn:") && is_inference_profile_id(model_id))
        .then(|| model_id.to_owned())
}

/// The account of an SQS queue URL (`https://sqs.us-east-1.amazonaws.com/123456789012/orders`):
/// the twelve-digit segment before the queue name.
fn url_account(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.trim_end_matches('/').rsplit('/');
    segments.next()?;
    let account = segments.next()?;
    (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())).then(|| account.to_owned())
}

/// A KMS `KeyId` that names the key itself (a key id). An alias names whatever key it points to,
/// which only KMS knows, so it yields nothing and the request fails closed; ARNs are matched
/// whole.
fn kms_key_id(key_id: &str) -> Option<String> {
    (!key_id.starts_with("arn:") && !key_id.starts_with("alias/")).then(|| key_id.to_owned())
}

/// A KMS alias name without its `alias/` prefix, as the alias ARN's `${Alias}` wants it.
fn without_alias_prefix(alias: &str) -> Option<String> {
    alias
        .strip_prefix("alias/")
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

/// The fields of an ARN: partition, service, Region, account, resource.
fn arn_fields(arn: &str) -> Option<[&str; 5]> {
    let mut parts = arn.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    Some([
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    ])
}

/// The access point name of an S3 access point ARN given as `Bucket`
/// (`arn:aws:s3:us-west-2:123456789012:accesspoint/reports`).
fn access_point_name(arn: &str) -> Option<String> {
    let [_, service, _, _, resource] = arn_fields(arn)?;
    let name = resource.strip_prefix("accesspoint/")?;
    (service == "s3" && !name.is_empty() && !name.contains('/')).then(|| name.to_owned())
}

/// The Region of an ARN.
fn arn_region(arn: &str) -> Option<String> {
    let [_, _, region, _, _] = arn_fields(arn)?;
    (!region.is_empty()).then(|| region.to_owned())
}

/// The account of an ARN.
fn arn_account(arn: &str) -> Option<String> {
    let [_, _, _, account, _] = arn_fields(arn)?;
    (!account.is_empty()).then(|| account.to_owned())
}

/// A boolean member that is `true` (a rule's `when` on a flag).
fn if_true(text: &str) -> Option<String> {
    (text == "true").then(|| text.to_owned())
}

/// A name that is not an ARN (an ARN is matched against the templates as a whole instead).
fn not_arn(text: &str) -> Option<String> {
    (!text.starts_with("arn:")).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Value {
        Value::structure()
            .with("Bucket", "docs")
            .with(
                "Delete",
                Value::structure().with(
                    "Objects",
                    vec![
                        Value::structure().with("Key", "a"),
                        Value::structure().with("Key", "b"),
                    ],
                ),
            )
            .with(
                "RequestItems",
                Value::Map(vec![
                    ("T1".into(), Value::structure()),
                    ("T2".into(), Value::structure()),
                ]),
            )
    }

    #[test]
    fn paths_reach_members_lists_and_maps() {
        let input = input();
        assert_eq!(texts("Bucket", &input, None).unwrap(), ["docs"]);
        assert_eq!(
            texts("Delete.Objects[].Key", &input, None).unwrap(),
            ["a", "b"]
        );
        assert_eq!(texts("RequestItems{}", &input, None).unwrap(), ["T1", "T2"]);
        assert!(texts("Missing.Member", &input, None).unwrap().is_empty());
        let each = elements("Delete.Objects[]", &input, None).unwrap();
        assert_eq!(texts("$.Key", &input, each.get(1).copied()).unwrap(), ["b"]);
        let tables = elements("RequestItems{}", &input, None).unwrap();
        assert_eq!(
            texts("$key", &input, tables.first().copied()).unwrap(),
            ["T1"]
        );
        assert!(texts("Bucket|nonsense", &input, None).is_err());
        assert!(texts(".Bucket", &input, None).is_err());
        assert!(elements("Bucket", &input, None).is_err());
        assert_eq!(
            texts("Bucket + ':' + Bucket", &input, None).unwrap(),
            ["docs:docs"]
        );
        assert!(texts("Bucket + ':' + Missing", &input, None)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn transforms() {
        assert_eq!(
            last_segment("https://sqs.us-east-1.amazonaws.com/123456789012/orders").as_deref(),
            Some("orders")
        );
        assert_eq!(
            copy_source("/src-bucket/dir/a%20b.txt?versionId=v1"),
            Some(("src-bucket".into(), "dir/a b.txt".into(), Some("v1".into())))
        );
        assert_eq!(copy_source("b/k"), Some(("b".into(), "k".into(), None)));
        assert_eq!(
            copy_source("arn:aws:s3:us-west-2:123456789012:accesspoint/ap/object/k"),
            None
        );
        assert_eq!(lambda_function_name("f").as_deref(), Some("f"));
        assert_eq!(lambda_function_name("f:prod").as_deref(), Some("f:prod"));
        assert_eq!(
            lambda_function_name("1:function:f:1").as_deref(),
            Some("f:1")
        );
        assert_eq!(without_alias_prefix("alias/app").as_deref(), Some("app"));
        assert_eq!(
            lambda_function_name("123456789012:function:f").as_deref(),
            Some("f")
        );
        assert_eq!(
            lambda_function_name("arn:aws:lambda:us-east-1:1:function:f"),
            None
        );
        assert!(bedrock_foundation_model("anthropic.claude-v2").is_some());
        assert!(bedrock_foundation_model("us.anthropic.claude-v2").is_none());
        assert!(bedrock_inference_profile("us.anthropic.claude-v2").is_some());
        assert_eq!(
            url_account("https://sqs.us-east-1.amazonaws.com/123456789012/orders").as_deref(),
            Some("123456789012")
        );
        assert_eq!(url_account("http://localhost:4566/orders"), None);
        assert_eq!(kms_key_id("alias/app"), None);
        let ap = "arn:aws:s3:us-west-2:210987654321:accesspoint/reports";
        assert_eq!(access_point_name(ap).as_deref(), Some("reports"));
        assert_eq!(arn_region(ap).as_deref(), Some("us-west-2"));
        assert_eq!(arn_account(ap).as_deref(), Some("210987654321"));
        assert_eq!(access_point_name("reports"), None);
        assert_eq!(
            kms_key_id("1234abcd-12ab").as_deref(),
            Some("1234abcd-12ab")
        );
    }
}
