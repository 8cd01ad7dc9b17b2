//! Generated from AWS's models: for every constrained input member of every operation Keyward
//! serves, a request whose one fault is that member's constraint, sent over HTTP to a real
//! server, and the answer AWS gives — 400 `ValidationError`, "1 validation error detected:
//! Value '…' at '…' failed to satisfy constraint: Member must …". The sentences are written
//! here from AWS's recorded messages and only the constraint values come from the model, so this
//! checks the server's validation rather than reusing it.

use std::collections::BTreeMap;

use keyward_aws_model::{embedded, lower_camel, JavaPattern, ServiceModel, Shape, ShapeType};
use keyward_server::operations::{Service, OPERATIONS};
use keyward_sigv4::{Credentials, SignableRequest};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{Server, ROOT_KEY, ROOT_SECRET};

/// A request that breaks one constraint, and the answer expected.
struct Case {
    operation: &'static str,
    service: Service,
    params: BTreeMap<String, String>,
    expected: Expected,
}

enum Expected {
    /// The whole message.
    Exactly(String),
    /// A list's value is rendered by AWS's front end in a form the model does not say, so only
    /// the rest of the sentence is checked.
    AroundValue { path: String, constraint: String },
}

/// Strings tried, in order, as valid values of a string shape; a shape none fits fails the test
/// so that the list grows with the models.
const CANDIDATES: &[&str] = &[
    "keyward",
    "/",
    "/keyward/",
    "arn:aws:iam::123456789012:policy/keyward",
    "v1",
    "AKIAIOSFODNN7EXAMPLE",
    "https://example.com",
    "0123456789abcdef0123456789abcdef01234567",
    "{}",
    "1",
    "123456",
    "123456789012",
    "p-keyward1",
    "r-keyw",
    "ou-keyw-keyward1",
    "keyward@example.com",
    "car-keyward1",
];

fn number(n: &Option<serde_json::Number>) -> Option<i64> {
    n.as_ref().and_then(serde_json::Number::as_i64)
}

/// The request body size the server reads by default (`config::RequestLimits::max_body_bytes`).
const MAX_BODY_BYTES: i64 = 8 * 1024 * 1024;

fn length(value: &str) -> i64 {
    value.chars().count() as i64
}

/// Whether a string fits every constraint of `shape`.
fn fits(shape: &Shape, value: &str) -> bool {
    let len = length(value);
    number(&shape.min).is_none_or(|min| len >= min)
        && number(&shape.max).is_none_or(|max| len <= max)
        && shape.pattern.as_deref().is_none_or(|p| {
            JavaPattern::compile(p)
                .unwrap_or_else(|e| panic!("pattern {p}: {e}"))
                .matches(value)
        })
        && shape
            .enum_values
            .as_ref()
            .is_none_or(|values| values.iter().any(|v| v == value))
}

/// A value of a string shape that fits all its constraints.
fn valid_string(shape: &Shape) -> Option<String> {
    if let Some(first) = shape.enum_values.as_ref().and_then(|v| v.first()) {
        return Some(first.clone());
    }
    let min = number(&shape.min).unwrap_or(0).max(0) as usize;
    CANDIDATES.iter().find_map(|c| {
        let mut value = c.to_string();
        while value.chars().count() < min {
            value.push('a');
        }
        fits(shape, &value).then_some(value)
    })
}

/// Parameters that fill `shape`'s required members with valid values, under `prefix`.
fn required_params(
    model: &ServiceModel,
    shape: &Shape,
    prefix: &str,
    out: &mut BTreeMap<String, String>,
) {
    for name in &shape.required {
        let member = shape.member(name).expect("required member exists");
        let target = model.shape(&member.shape).expect("member shape exists");
        let key = format!("{prefix}{name}");
        match target.shape_type {
            ShapeType::String => {
                let value = valid_string(target)
                    .unwrap_or_else(|| panic!("no valid value known for {key} ({})", member.shape));
                out.insert(key, value);
            }
            ShapeType::Integer | ShapeType::Long => {
                out.insert(key, number(&target.min).unwrap_or(1).to_string());
            }
            ShapeType::Boolean => {
                out.insert(key, "true".to_owned());
            }
            ShapeType::Timestamp => {
                out.insert(key, "2026-01-01T00:00:00Z".to_owned());
            }
            ShapeType::List => {
                let element = target.member.as_ref().expect("list element");
                let element_shape = model.shape(&element.shape).expect("element shape");
                let count = number(&target.min).unwrap_or(1).max(1);
                for i in 1..=count {
                    let item = format!("{key}.member.{i}");
                    match element_shape.shape_type {
                        ShapeType::Structure => {
                            required_params(model, element_shape, &format!("{item}."), out)
                        }
                        _ => {
                            let value = valid_string(element_shape)
                                .unwrap_or_else(|| panic!("no valid value known for {item}"));
                            out.insert(item, value);
                        }
                    }
                }
            }
            ShapeType::Structure => {
                let before = out.len();
                required_params(model, target, &format!("{key}."), out);
                // A required structure none of whose members is required (CreateDelegationRequest's
                // Permissions) is present only with one of them: give it its first string member.
                if out.len() == before {
                    let (name, value) = target
                        .members
                        .iter()
                        .find_map(|(name, m)| {
                            let shape = model.shape(&m.shape)?;
                            (shape.shape_type == ShapeType::String)
                                .then(|| valid_string(shape).map(|v| (name, v)))
                                .flatten()
                        })
                        .unwrap_or_else(|| panic!("no member to give the required {key}"));
                    out.insert(format!("{key}.{name}"), value);
                }
            }
            other => panic!("{key}: required {other:?} members are not generated"),
        }
    }
}

/// How AWS shows the offending value: quoted, `null` when absent, not at all when the member
/// is sensitive.
enum Shown<'a> {
    Quoted(&'a str),
    Null,
    Hidden,
}

fn shown(sensitive: bool, value: &str) -> Shown<'_> {
    if sensitive {
        Shown::Hidden
    } else {
        Shown::Quoted(value)
    }
}

fn message(value: Shown<'_>, path: &str, constraint: &str) -> String {
    let shown = match value {
        Shown::Quoted(v) => format!("Value '{v}' at"),
        Shown::Null => "Value null at".to_owned(),
        Shown::Hidden => "Value at".to_owned(),
    };
    format!(
        "1 validation error detected: {shown} '{path}' failed to satisfy constraint: {constraint}"
    )
}

/// Values of a string shape that break exactly one of its constraints, with that constraint's
/// sentence.
fn string_violations(shape: &Shape) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let base = valid_string(shape);
    let pattern = shape.pattern.as_deref();
    let matches =
        |v: &str| pattern.is_none_or(|p| JavaPattern::compile(p).expect("pattern").matches(v));
    // A value longer than a request body may be (SAMLMetadataDocument's 10,000,000) never
    // reaches validation: the server answers RequestEntityTooLarge first.
    if let Some(max) = number(&shape.max).filter(|max| *max < MAX_BODY_BYTES) {
        let long = ["a", "1", "/", "A", "-"].iter().find_map(|fill| {
            let mut v = base.clone().unwrap_or_default();
            let missing = (max + 1 - length(&v)).max(0) as usize;
            v.push_str(&fill.repeat(missing));
            (matches(&v) && shape.enum_values.is_none()).then_some(v)
        });
        if let Some(v) = long {
            out.push((
                v,
                format!("Member must have length less than or equal to {max}"),
            ));
        }
    }
    if let Some(min) = number(&shape.min).filter(|m| *m > 0) {
        let short = base.as_ref().and_then(|b| {
            let v: String = b.chars().take((min - 1) as usize).collect();
            (matches(&v) && shape.enum_values.is_none()).then_some(v)
        });
        if let Some(v) = short {
            out.push((
                v,
                format!("Member must have length greater than or equal to {min}"),
            ));
        }
    }
    if let Some(p) = pattern {
        let bad = ["\u{1}", "\u{7f}", " ", "!", "#", "<"]
            .iter()
            .find_map(|c| {
                let mut v = base.clone().unwrap_or_default();
                v.push_str(c);
                let len_ok = number(&shape.max).is_none_or(|max| length(&v) <= max)
                    && number(&shape.min).is_none_or(|min| length(&v) >= min);
                (len_ok && !matches(&v) && shape.enum_values.is_none()).then_some(v)
            });
        if let Some(v) = bad {
            out.push((
                v,
                format!("Member must satisfy regular expression pattern: {p}"),
            ));
        }
    }
    if let Some(values) = &shape.enum_values {
        out.push((
            "NotOneOfTheValues".to_owned(),
            format!(
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            ),
        ));
    }
    out
}

/// Every single-constraint case of one operation.
fn cases_of(service: Service, operation: &'static str, model: &ServiceModel) -> Vec<Case> {
    let op = model
        .operation(operation)
        .unwrap_or_else(|| panic!("{operation} is served but not in the model"));
    let Some(input) = &op.input else {
        return Vec::new();
    };
    let shape = model.shape(&input.shape).expect("input shape");
    let mut valid = BTreeMap::new();
    required_params(model, shape, "", &mut valid);
    let mut cases = Vec::new();
    let mut add = |params: BTreeMap<String, String>, expected: Expected| {
        cases.push(Case {
            operation,
            service,
            params,
            expected,
        })
    };
    for (name, member) in &shape.members {
        let target = model.shape(&member.shape).expect("member shape");
        let path = lower_camel(name);
        let sensitive = model.is_sensitive(member);
        if shape.is_required(name) {
            let mut params = valid.clone();
            params.retain(|k, _| k != name && !k.starts_with(&format!("{name}.")));
            add(
                params,
                Expected::Exactly(message(Shown::Null, &path, "Member must not be null")),
            );
        }
        match target.shape_type {
            ShapeType::String => {
                for (value, constraint) in string_violations(target) {
                    let mut params = valid.clone();
                    params.insert(name.clone(), value.clone());
                    add(
                        params,
                        Expected::Exactly(message(shown(sensitive, &value), &path, &constraint)),
                    );
                }
            }
            ShapeType::Integer | ShapeType::Long => {
                let bounds = [
                    number(&target.min).map(|m| (m - 1, format!("greater than or equal to {m}"))),
                    number(&target.max).map(|m| (m + 1, format!("less than or equal to {m}"))),
                ];
                for (value, bound) in bounds.into_iter().flatten() {
                    let mut params = valid.clone();
                    params.insert(name.clone(), value.to_string());
                    let constraint = format!("Member must have value {bound}");
                    add(
                        params,
                        Expected::Exactly(message(
                            shown(sensitive, &value.to_string()),
                            &path,
                            &constraint,
                        )),
                    );
                }
            }
            ShapeType::List => {
                let element = target.member.as_ref().expect("list element");
                let element_shape = model.shape(&element.shape).expect("element shape");
                if let Some(max) = number(&target.max) {
                    if let Some(item) = valid_string(element_shape)
                        .filter(|_| element_shape.shape_type == ShapeType::String)
                    {
                        let mut params = valid.clone();
                        params.retain(|k, _| !k.starts_with(&format!("{name}.")));
                        // Distinct items, so that no rule about duplicates answers first.
                        for i in 1..=max + 1 {
                            let unique = format!("{item}{i}");
                            let value = if fits(element_shape, &unique) {
                                unique
                            } else {
                                item.clone()
                            };
                            params.insert(format!("{name}.member.{i}"), value);
                        }
                        add(
                            params,
                            Expected::AroundValue {
                                path: path.clone(),
                                constraint: format!(
                                    "Member must have length less than or equal to {max}"
                                ),
                            },
                        );
                    }
                }
                match element_shape.shape_type {
                    ShapeType::String => {
                        for (value, constraint) in string_violations(element_shape) {
                            let mut params = valid.clone();
                            params.retain(|k, _| !k.starts_with(&format!("{name}.")));
                            params.insert(format!("{name}.member.1"), value.clone());
                            add(
                                params,
                                Expected::Exactly(message(
                                    shown(sensitive, &value),
                                    &format!("{path}.1.member"),
                                    &constraint,
                                )),
                            );
                        }
                    }
                    ShapeType::Structure => {
                        let mut item = BTreeMap::new();
                        required_params(
                            model,
                            element_shape,
                            &format!("{name}.member.1."),
                            &mut item,
                        );
                        for (field, field_member) in &element_shape.members {
                            let field_shape =
                                model.shape(&field_member.shape).expect("field shape");
                            if field_shape.shape_type != ShapeType::String {
                                continue;
                            }
                            for (value, constraint) in string_violations(field_shape) {
                                let mut params = valid.clone();
                                params.retain(|k, _| !k.starts_with(&format!("{name}.")));
                                params.extend(item.clone());
                                params.insert(format!("{name}.member.1.{field}"), value.clone());
                                add(
                                    params,
                                    Expected::Exactly(message(
                                        if sensitive || model.is_sensitive(field_member) {
                                            Shown::Hidden
                                        } else {
                                            Shown::Quoted(&value)
                                        },
                                        &format!("{path}.1.member.{}", lower_camel(field)),
                                        &constraint,
                                    )),
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    cases
}

/// The JSON value of `text` for a member of `shape`: numbers and booleans as JSON's own.
fn json_scalar(model: &ServiceModel, shape: &str, text: &str) -> serde_json::Value {
    match model.shape(shape).map(|s| s.shape_type) {
        Some(ShapeType::Integer | ShapeType::Long) => text
            .parse::<i64>()
            .map_or_else(|_| text.into(), serde_json::Value::from),
        Some(ShapeType::Boolean) => (text == "true").into(),
        _ => text.into(),
    }
}

/// The JSON body of a case's Query-style parameters (`Name`, `List.member.N`,
/// `List.member.N.Field`), typed by the model, for the JSON protocol (Organizations).
fn json_body(model: &ServiceModel, operation: &str, params: &BTreeMap<String, String>) -> String {
    let input = model
        .operation(operation)
        .and_then(|o| o.input.as_ref())
        .and_then(|i| model.shape(&i.shape))
        .expect("input shape");
    let mut object = serde_json::Map::new();
    for (key, value) in params {
        let mut parts = key.split('.');
        let name = parts.next().expect("a member name");
        let member = input.member(name).expect("a member of the input");
        match (parts.next(), parts.next(), parts.next()) {
            (None, ..) => {
                object.insert(name.to_owned(), json_scalar(model, &member.shape, value));
            }
            (Some("member"), Some(index), field) => {
                let list_shape = model.shape(&member.shape).expect("list shape");
                let element = list_shape.member.as_ref().expect("list element");
                let index: usize = index.parse::<usize>().expect("list index") - 1;
                let list = object
                    .entry(name.to_owned())
                    .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                let items = list.as_array_mut().expect("an array");
                if items.len() <= index {
                    items.resize(index + 1, serde_json::Value::Null);
                }
                match field {
                    None => items[index] = json_scalar(model, &element.shape, value),
                    Some(field) => {
                        let element_shape = model.shape(&element.shape).expect("element shape");
                        let field_shape = &element_shape.member(field).expect("a field").shape;
                        if !items[index].is_object() {
                            items[index] = serde_json::Value::Object(serde_json::Map::new());
                        }
                        items[index]
                            .as_object_mut()
                            .expect("an object")
                            .insert(field.to_owned(), json_scalar(model, field_shape, value));
                    }
                }
            }
            _ => panic!("parameter {key} has no JSON form"),
        }
    }
    serde_json::Value::Object(object).to_string()
}

/// Sends one signed request over a fresh connection — Query for IAM and STS, JSON 1.1 for
/// Organizations; returns status and body.
async fn send(endpoint: &str, case: &Case) -> (u16, String) {
    let host = endpoint.trim_start_matches("http://");
    let target;
    let (signing_name, body, headers) = match case.service {
        Service::Iam | Service::Sts => {
            let (signing_name, version) = match case.service {
                Service::Sts => ("sts", "2011-06-15"),
                _ => ("iam", "2010-05-08"),
            };
            let mut form = form_urlencoded::Serializer::new(String::new());
            form.append_pair("Action", case.operation);
            form.append_pair("Version", version);
            for (k, v) in &case.params {
                form.append_pair(k, v);
            }
            let headers = vec![
                ("host", host),
                (
                    "content-type",
                    "application/x-www-form-urlencoded; charset=utf-8",
                ),
            ];
            (signing_name, form.finish(), headers)
        }
        Service::Organizations => {
            let model = embedded(keyward_aws_model::Service::Organizations).expect("model loads");
            target = format!("AWSOrganizationsV20161128.{}", case.operation);
            let headers = vec![
                ("host", host),
                ("content-type", "application/x-amz-json-1.1"),
                ("x-amz-target", target.as_str()),
            ];
            (
                "organizations",
                json_body(model, case.operation, &case.params),
                headers,
            )
        }
    };
    let signable = SignableRequest {
        method: "POST",
        path: "/",
        query: "",
        headers: &headers,
        body: body.as_bytes(),
    };
    let creds = Credentials {
        access_key_id: ROOT_KEY,
        secret_access_key: ROOT_SECRET,
        session_token: None,
    };
    let signed = keyward_sigv4::sign_headers(
        &signable,
        &creds,
        "us-east-1",
        signing_name,
        time::OffsetDateTime::now_utc(),
    );
    let mut request = String::from("POST / HTTP/1.1\r\n");
    for (name, value) in headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .chain(signed)
    {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    ));
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn xml_text<'a>(body: &'a str, element: &str) -> Option<&'a str> {
    let open = format!("<{element}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{element}>"))? + start;
    Some(&body[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// An operation of the table.
struct Op {
    service: Service,
    name: &'static str,
}

/// A message as an XML response can carry it: the characters XML 1.0 forbids (the test's
/// control characters among them) are replaced by U+FFFD.
fn as_xml_text(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

#[tokio::test]
async fn every_constraint_of_every_served_operation_answers_aws_validation_error() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let mut cases = Vec::new();
    let mut constrained_members = 0;
    for (service, name) in OPERATIONS.iter().map(|op| (op.service, op.name)) {
        let op = Op { service, name };
        let model = match op.service {
            Service::Iam => embedded(keyward_aws_model::Service::Iam),
            Service::Sts => embedded(keyward_aws_model::Service::Sts),
            Service::Organizations => embedded(keyward_aws_model::Service::Organizations),
        }
        .expect("model loads");
        let of_op = cases_of(op.service, op.name, model);
        if let Some(input) = model.operation(op.name).and_then(|o| o.input.as_ref()) {
            let shape = model.shape(&input.shape).expect("input shape");
            for (name, member) in &shape.members {
                let target = model.shape(&member.shape).expect("member shape");
                let constrained = shape.is_required(name)
                    || target.min.is_some()
                    || target.max.is_some()
                    || target.pattern.is_some()
                    || target.enum_values.is_some();
                if constrained {
                    constrained_members += 1;
                    let path = lower_camel(name);
                    let covered = of_op.iter().any(|c| match &c.expected {
                        Expected::Exactly(m) => m.contains(&format!(" at '{path}")),
                        Expected::AroundValue { path: p, .. } => p == &path,
                    });
                    assert!(
                        covered,
                        "{}.{name} is constrained but no case breaks it",
                        op.name
                    );
                }
            }
        }
        cases.extend(of_op);
    }
    let mut failures = Vec::new();
    for case in &cases {
        let (status, body) = send(&server.endpoint, case).await;
        // Organizations answers a model violation with `InvalidInputException` in JSON.
        let (code, got, wanted_code, message_of) = match case.service {
            Service::Organizations => {
                let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                let text = |k: &str| json[k].as_str().unwrap_or_default().to_owned();
                (
                    text("__type"),
                    text("Message"),
                    "InvalidInputException",
                    (|m: &str| m.to_owned()) as fn(&str) -> String,
                )
            }
            Service::Iam | Service::Sts => (
                xml_text(&body, "Code").unwrap_or_default().to_owned(),
                unescape(xml_text(&body, "Message").unwrap_or_default()),
                "ValidationError",
                as_xml_text as fn(&str) -> String,
            ),
        };
        let ok = status == 400
            && code == wanted_code
            && match &case.expected {
                Expected::Exactly(m) => got == message_of(m),
                Expected::AroundValue { path, constraint } => {
                    got.starts_with("1 validation error detected: Value '")
                        && got.ends_with(&format!(
                            "' at '{path}' failed to satisfy constraint: {constraint}"
                        ))
                }
            };
        if !ok {
            let wanted = match &case.expected {
                Expected::Exactly(m) => m.clone(),
                Expected::AroundValue { path, constraint } => {
                    format!("… at '{path}' … {constraint}")
                }
            };
            failures.push(format!(
                "{} {:?}\n  wanted 400 {wanted_code}: {wanted}\n  got {status} {code}: {got}",
                case.operation, case.params
            ));
        }
    }
    println!(
        "{} cases over {} constrained members of {} operations",
        cases.len(),
        constrained_members,
        OPERATIONS.len()
    );
    assert!(
        cases.len() > 300,
        "only {} cases were generated",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    server.stop().await;
}
