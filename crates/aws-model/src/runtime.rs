//! Finds the operation of any HTTP request from the service model and decodes its members, for
//! the Query, EC2, JSON, REST-JSON and REST-XML protocols. Anything that does not match an
//! operation is an error: a gateway built on this fails closed.

use percent_encoding::percent_decode_str;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::model::{Location, Member, Operation, Protocol, ServiceModel, ShapeType};
use crate::query::{decode_query_input, parse_scalar, parse_timestamp, DecodeError, DecodedInput};
use crate::route;
use crate::validate::validate_structure;
use crate::value::Value;

/// The parts of an HTTP request the decoder reads.
#[derive(Clone, Copy, Debug)]
pub struct HttpRequest<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The path as sent (percent-encoded), without the query string.
    pub path: &'a str,
    /// The raw query string, without `?`.
    pub query: &'a str,
    /// Header names and values.
    pub headers: &'a [(String, String)],
    /// The body.
    pub body: &'a [u8],
}

impl HttpRequest<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Nesting beyond this in an XML body is rejected rather than recursed into.
const MAX_XML_DEPTH: usize = 64;

/// Finds the operation `request` invokes and decodes (and validates) its input.
pub fn decode_request(
    model: &ServiceModel,
    request: &HttpRequest<'_>,
) -> Result<DecodedInput, DecodeError> {
    match model.metadata.protocol {
        Protocol::Query | Protocol::Ec2 => decode_query_request(model, request),
        Protocol::Json => decode_json_request(model, request),
        Protocol::RestJson | Protocol::RestXml => decode_rest_request(model, request),
        other => Err(DecodeError::UnsupportedProtocol(other)),
    }
}

fn form_pairs(bytes: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    bytes
        .split(|b| *b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = match part.iter().position(|b| *b == b'=') {
                Some(i) => (
                    part.get(..i).unwrap_or_default(),
                    part.get(i + 1..).unwrap_or_default(),
                ),
                None => (part, &[][..]),
            };
            (form_decode(k), form_decode(v))
        })
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space.
fn form_decode(bytes: &[u8]) -> String {
    let spaced: Vec<u8> = bytes
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    percent_encoding::percent_decode(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

fn decode_query_request(
    model: &ServiceModel,
    request: &HttpRequest<'_>,
) -> Result<DecodedInput, DecodeError> {
    let mut params: Vec<(String, String)> = form_pairs(request.query.as_bytes()).collect();
    if request.method.eq_ignore_ascii_case("POST") {
        params.extend(form_pairs(request.body));
    }
    let action = params
        .iter()
        .rev()
        .find(|(k, _)| k == "Action")
        .map(|(_, v)| v.clone())
        .ok_or_else(|| DecodeError::NoMatchingOperation(model.metadata.endpoint_prefix.clone()))?;
    decode_query_input(model, &action, &params)
}

fn unknown(model: &ServiceModel, operation: &str) -> DecodeError {
    DecodeError::UnknownOperation(operation.to_owned(), model.metadata.endpoint_prefix.clone())
}

fn decode_json_request(
    model: &ServiceModel,
    request: &HttpRequest<'_>,
) -> Result<DecodedInput, DecodeError> {
    let target = request
        .header("x-amz-target")
        .ok_or_else(|| DecodeError::NoMatchingOperation(model.metadata.endpoint_prefix.clone()))?;
    let prefix = model.metadata.target_prefix.as_deref().unwrap_or_default();
    let operation = target
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('.'))
        .ok_or_else(|| unknown(model, target))?;
    let op = model
        .operation(operation)
        .ok_or_else(|| unknown(model, operation))?;
    let members = match &op.input {
        Some(input) => {
            let body = parse_json_body(request.body)?;
            json_value(model, &input.shape, &body)
        }
        None => Value::structure(),
    };
    Ok(finish(model, op, members))
}

fn parse_json_body(body: &[u8]) -> Result<serde_json::Value, DecodeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Value::Object(serde_json::Map::new()));
    }
    serde_json::from_slice(body).map_err(|e| DecodeError::MalformedBody(e.to_string()))
}

fn finish(model: &ServiceModel, op: &Operation, members: Value) -> DecodedInput {
    let violations = match &op.input {
        Some(input) => validate_structure(model, &input.shape, &members),
        None => Vec::new(),
    };
    DecodedInput {
        operation: op.name.clone(),
        members,
        violations,
    }
}

/// A JSON value as shape `shape_name`; a value of the wrong JSON type is kept as a
/// [`Value::Document`], which validation reports.
fn json_value(model: &ServiceModel, shape_name: &str, json: &serde_json::Value) -> Value {
    use serde_json::Value as J;
    let Some(shape) = model.shape(shape_name) else {
        return Value::Document(json.clone());
    };
    match (shape.shape_type, json) {
        (ShapeType::Structure, J::Object(object)) => Value::Structure(
            shape
                .members
                .iter()
                .filter(|(_, m)| m.location.is_none())
                .filter_map(|(name, m)| {
                    let key = m.location_name.as_deref().unwrap_or(name);
                    object
                        .get(key)
                        .filter(|v| !v.is_null())
                        .map(|v| (name.clone(), json_value(model, &m.shape, v)))
                })
                .collect(),
        ),
        (ShapeType::List, J::Array(items)) => match &shape.member {
            Some(m) => Value::List(
                items
                    .iter()
                    .map(|v| json_value(model, &m.shape, v))
                    .collect(),
            ),
            None => Value::Document(json.clone()),
        },
        (ShapeType::Map, J::Object(object)) => match &shape.value {
            Some(m) => Value::Map(
                object
                    .iter()
                    .map(|(k, v)| (k.clone(), json_value(model, &m.shape, v)))
                    .collect(),
            ),
            None => Value::Document(json.clone()),
        },
        (ShapeType::String | ShapeType::Blob, J::String(s)) => Value::String(s.clone()),
        (ShapeType::Boolean, J::Bool(b)) => Value::Boolean(*b),
        (
            ShapeType::Integer
            | ShapeType::Long
            | ShapeType::Byte
            | ShapeType::Short
            | ShapeType::Biginteger,
            J::Number(n),
        ) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Document(json.clone())),
        (ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal, J::Number(n)) => n
            .as_f64()
            .map(Value::Double)
            .unwrap_or_else(|| Value::Document(json.clone())),
        (ShapeType::Timestamp, J::Number(n)) => n
            .as_f64()
            .and_then(|s| parse_timestamp(&s.to_string()))
            .map(Value::Timestamp)
            .unwrap_or_else(|| Value::Document(json.clone())),
        (ShapeType::Timestamp, J::String(s)) => parse_scalar(ShapeType::Timestamp, s),
        _ => Value::Document(json.clone()),
    }
}

/// One parsed `requestUri`: path segments and required query literals.
struct UriTemplate<'a> {
    segments: Vec<&'a str>,
    query_literals: Vec<(&'a str, Option<&'a str>)>,
}

impl<'a> UriTemplate<'a> {
    fn parse(request_uri: &'a str) -> Self {
        let (path, query) = request_uri.split_once('?').unwrap_or((request_uri, ""));
        UriTemplate {
            segments: split_path(path),
            query_literals: query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k, Some(v)),
                    None => (p, None),
                })
                .collect(),
        }
    }

    /// Binds labels to `path`; `None` when the path does not fit.
    fn bind(&self, path: &[&str]) -> Option<Vec<(String, String)>> {
        let mut labels = Vec::new();
        let mut rest = path;
        for (i, segment) in self.segments.iter().enumerate() {
            if let Some(label) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                if let Some(greedy) = label.strip_suffix('+') {
                    // A greedy label takes the remaining segments; only the last may be one.
                    if i + 1 != self.segments.len() || rest.is_empty() {
                        return None;
                    }
                    let joined: Vec<String> = rest.iter().map(|s| decode_segment(s)).collect();
                    let value = joined.join("/");
                    if value.is_empty() {
                        return None;
                    }
                    labels.push((greedy.to_owned(), value));
                    rest = &[];
                    break;
                }
                let (first, tail) = rest.split_first()?;
                if first.is_empty() {
                    return None;
                }
                labels.push((label.to_owned(), decode_segment(first)));
                rest = tail;
            } else {
                let (first, tail) = rest.split_first()?;
                if *first != *segment {
                    return None;
                }
                rest = tail;
            }
        }
        // `/bucket/` fits `/{Bucket}`: one trailing slash is not a segment.
        (rest.is_empty() || rest == [""]).then_some(labels)
    }

    fn literal_segments(&self) -> usize {
        self.segments.iter().filter(|s| !s.starts_with('{')).count()
    }
}

/// Path segments after the leading `/`; a trailing `/` leaves an empty last segment, which a
/// greedy label keeps (S3 keys like `folder/`).
fn split_path(path: &str) -> Vec<&str> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    if trimmed.is_empty() {
        Vec::new()
    } else {
        trimmed.split('/').collect()
    }
}

fn decode_segment(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// How well an operation fits: literal path segments, then query and header requirements met,
/// then not deprecated.
type Specificity = (usize, usize, bool);

/// An operation whose URI template fits, with its bound labels.
type Candidate<'m> = (Specificity, &'m Operation, Vec<(String, String)>);

fn decode_rest_request(
    model: &ServiceModel,
    request: &HttpRequest<'_>,
) -> Result<DecodedInput, DecodeError> {
    let path = split_path(request.path);
    let query: Vec<(String, String)> = form_pairs(request.query.as_bytes()).collect();
    let has_param = |name: &str| query.iter().any(|(k, _)| k == name);
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for op in model.operations() {
        if !op.http.method.eq_ignore_ascii_case(request.method) {
            continue;
        }
        let template = UriTemplate::parse(&op.http.request_uri);
        let Some(labels) = template.bind(&path) else {
            continue;
        };
        let literals_met = template.query_literals.iter().all(|(k, v)| match v {
            Some(v) => query.iter().any(|(qk, qv)| qk == k && qv == v),
            None => has_param(k),
        });
        if !literals_met {
            continue;
        }
        let (required_query, required_headers) = required_bindings(model, op);
        if !required_query.iter().all(|name| has_param(name))
            || !required_headers
                .iter()
                .all(|name| request.header(name).is_some())
        {
            continue;
        }
        let score = (
            template.literal_segments(),
            template.query_literals.len() + required_query.len() + required_headers.len(),
            !op.deprecated,
        );
        candidates.push((score, op, labels));
    }
    let best_score = candidates.iter().map(|(score, _, _)| *score).max();
    let mut best: Vec<Candidate<'_>> = candidates
        .into_iter()
        .filter(|(score, _, _)| Some(*score) == best_score)
        .collect();
    if best.len() > 1 {
        let tied: Vec<&Operation> = best.iter().map(|(_, op, _)| *op).collect();
        let served: Vec<String> = route::served_at(tied, request.header("host"))
            .iter()
            .map(|op| op.name.clone())
            .collect();
        best.retain(|(_, op, _)| served.contains(&op.name));
    }
    let mut best = best.into_iter();
    let Some((_, op, labels)) = best.next() else {
        return Err(DecodeError::NoMatchingOperation(
            model.metadata.endpoint_prefix.clone(),
        ));
    };
    let others: Vec<String> = best.map(|(_, other, _)| other.name.clone()).collect();
    if !others.is_empty() {
        let mut names = vec![op.name.clone()];
        names.extend(others);
        return Err(DecodeError::AmbiguousOperation(names));
    }
    let members = match &op.input {
        Some(input) => rest_members(model, &input.shape, request, &labels, &query)?,
        None => Value::structure(),
    };
    Ok(finish(model, op, members))
}

/// Query parameters and headers an operation's input requires: they tell apart operations
/// sharing a URI (S3's `PutObject`, `UploadPart` and `CopyObject`).
fn required_bindings(model: &ServiceModel, op: &Operation) -> (Vec<String>, Vec<String>) {
    let Some(shape) = op.input.as_ref().and_then(|i| model.shape(&i.shape)) else {
        return (Vec::new(), Vec::new());
    };
    let required = |location: Location| -> Vec<String> {
        shape
            .members
            .iter()
            .filter(|(name, m)| m.location == Some(location) && shape.is_required(name))
            .filter(|(_, m)| {
                model
                    .shape(&m.shape)
                    .is_some_and(|s| s.shape_type != ShapeType::Map)
            })
            .map(|(name, m)| m.location_name.clone().unwrap_or_else(|| name.clone()))
            .collect()
    };
    (required(Location::Querystring), required(Location::Header))
}

fn rest_members(
    model: &ServiceModel,
    shape_name: &str,
    request: &HttpRequest<'_>,
    labels: &[(String, String)],
    query: &[(String, String)],
) -> Result<Value, DecodeError> {
    let Some(shape) = model.shape(shape_name) else {
        return Ok(Value::structure());
    };
    let xml = model.metadata.protocol == Protocol::RestXml;
    let mut members = Vec::new();
    let body_members = if shape.payload.is_some() {
        None
    } else if xml {
        parse_xml_body(request.body)?.map(|root| xml_value(model, shape_name, &root, 0))
    } else {
        Some(json_value(
            model,
            shape_name,
            &parse_json_body(request.body)?,
        ))
    };
    for (name, member) in &shape.members {
        let wire = member.location_name.as_deref().unwrap_or(name);
        let value = match member.location {
            Some(Location::Uri) => labels
                .iter()
                .find(|(label, _)| label == wire)
                .map(|(_, v)| scalar(model, member, v)),
            Some(Location::Querystring) => query_member(model, member, wire, query, shape_name),
            Some(Location::Header) => request.header(wire).map(|v| header_value(model, member, v)),
            Some(Location::Headers) => {
                let entries: Vec<(String, Value)> = request
                    .headers
                    .iter()
                    .filter(|(k, _)| {
                        k.len() >= wire.len()
                            && k.get(..wire.len())
                                .is_some_and(|p| p.eq_ignore_ascii_case(wire))
                    })
                    .map(|(k, v)| {
                        let suffix = k.get(wire.len()..).unwrap_or_default().to_owned();
                        (suffix, Value::String(v.clone()))
                    })
                    .collect();
                (!entries.is_empty()).then_some(Value::Map(entries))
            }
            Some(Location::StatusCode) => None,
            None if shape.payload.as_deref() == Some(name) => {
                payload_value(model, member, request.body, xml)?
            }
            None => body_members.as_ref().and_then(|b| b.get(name)).cloned(),
        };
        if let Some(value) = value {
            members.push((name.clone(), value));
        }
    }
    Ok(Value::Structure(members))
}

fn scalar(model: &ServiceModel, member: &Member, text: &str) -> Value {
    match model.shape(&member.shape) {
        Some(shape) => parse_scalar(shape.shape_type, text),
        None => Value::String(text.to_owned()),
    }
}

fn header_value(model: &ServiceModel, member: &Member, text: &str) -> Value {
    let Some(shape) = model.shape(&member.shape) else {
        return Value::String(text.to_owned());
    };
    match (shape.shape_type, &shape.member) {
        (ShapeType::List, Some(element)) => Value::List(
            text.split(',')
                .map(|part| scalar(model, element, part.trim()))
                .collect(),
        ),
        (ShapeType::Timestamp, _) => {
            // Headers carry HTTP dates by default.
            time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc2822)
                .map(Value::Timestamp)
                .unwrap_or_else(|_| parse_scalar(ShapeType::Timestamp, text))
        }
        (shape_type, _) => parse_scalar(shape_type, text),
    }
}

fn query_member(
    model: &ServiceModel,
    member: &Member,
    wire: &str,
    query: &[(String, String)],
    owner_shape: &str,
) -> Option<Value> {
    let shape = model.shape(&member.shape)?;
    match (shape.shape_type, &shape.member) {
        (ShapeType::List, Some(element)) => {
            let items: Vec<Value> = query
                .iter()
                .filter(|(k, _)| k == wire)
                .map(|(_, v)| scalar(model, element, v))
                .collect();
            (!items.is_empty()).then_some(Value::List(items))
        }
        (ShapeType::Map, _) => {
            // A querystring map takes the parameters no other member names.
            let owner = model.shape(owner_shape)?;
            let named: Vec<&str> = owner
                .members
                .iter()
                .filter(|(_, m)| m.location == Some(Location::Querystring))
                .filter_map(|(n, m)| m.location_name.as_deref().or(Some(n.as_str())))
                .collect();
            let entries: Vec<(String, Value)> = query
                .iter()
                .filter(|(k, _)| !named.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            (!entries.is_empty()).then_some(Value::Map(entries))
        }
        _ => query
            .iter()
            .rev()
            .find(|(k, _)| k == wire)
            .map(|(_, v)| scalar(model, member, v)),
    }
}

fn payload_value(
    model: &ServiceModel,
    member: &Member,
    body: &[u8],
    xml: bool,
) -> Result<Option<Value>, DecodeError> {
    let Some(shape) = model.shape(&member.shape) else {
        return Ok(None);
    };
    if body.is_empty() {
        return Ok(None);
    }
    Ok(match shape.shape_type {
        ShapeType::Blob => Some(Value::Blob(body.to_vec())),
        ShapeType::String => Some(Value::String(String::from_utf8_lossy(body).into_owned())),
        ShapeType::Structure if xml => {
            parse_xml_body(body)?.map(|root| xml_value(model, &member.shape, &root, 0))
        }
        ShapeType::Structure => Some(json_value(model, &member.shape, &parse_json_body(body)?)),
        _ => Some(Value::Document(serde_json::Value::String(
            String::from_utf8_lossy(body).into_owned(),
        ))),
    })
}

/// An XML element: local name, text, children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    text: String,
    children: Vec<Element>,
}

/// The root element of an XML body; `None` for an empty body.
fn parse_xml_body(body: &[u8]) -> Result<Option<Element>, DecodeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let malformed = |why: String| DecodeError::MalformedBody(why);
    let mut reader = Reader::from_reader(body);
    let mut stack: Vec<Element> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(start)) => {
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(malformed("XML nested too deeply".to_owned()));
                }
                stack.push(Element {
                    name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
                    ..Element::default()
                });
            }
            Ok(Event::Empty(start)) => {
                let element = Element {
                    name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => return Ok(Some(element)),
                }
            }
            Ok(Event::Text(text)) => {
                if let Some(current) = stack.last_mut() {
                    let decoded = text.xml_content().map_err(|e| malformed(e.to_string()))?;
                    current.text.push_str(&decoded);
                }
            }
            Ok(Event::CData(data)) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&String::from_utf8_lossy(&data));
                }
            }
            Ok(Event::GeneralRef(reference)) => {
                if let Some(current) = stack.last_mut() {
                    let name = String::from_utf8_lossy(&reference).into_owned();
                    current.text.push_str(
                        &resolve_reference(&name)
                            .ok_or_else(|| malformed(format!("unknown entity &{name};")))?,
                    );
                }
            }
            Ok(Event::End(_)) => {
                let Some(done) = stack.pop() else {
                    return Err(malformed("unbalanced end tag".to_owned()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(Some(done)),
                }
            }
            Ok(Event::Eof) => return Err(malformed("unexpected end of XML".to_owned())),
            Ok(_) => {}
            Err(e) => return Err(malformed(e.to_string())),
        }
        buf.clear();
    }
}

/// XML's predefined entities and character references.
fn resolve_reference(name: &str) -> Option<String> {
    let named = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    };
    if let Some(c) = named {
        return Some(c.to_string());
    }
    let number = name.strip_prefix('#')?;
    let code = match number.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).map(String::from)
}

/// An element as shape `shape_name` (the element itself is the structure/list/map/scalar).
fn xml_value(model: &ServiceModel, shape_name: &str, element: &Element, depth: usize) -> Value {
    let Some(shape) = model.shape(shape_name) else {
        return Value::String(element.text.clone());
    };
    if depth > MAX_XML_DEPTH {
        return Value::String(String::new());
    }
    match shape.shape_type {
        ShapeType::Structure => {
            let mut members = Vec::new();
            for (name, m) in &shape.members {
                if m.location.is_some() {
                    continue;
                }
                let wire = m.location_name.as_deref().unwrap_or(name);
                let Some(member_shape) = model.shape(&m.shape) else {
                    continue;
                };
                let flattened = m.flattened || member_shape.flattened;
                if member_shape.shape_type == ShapeType::List && flattened {
                    let item_shape = member_shape.member.as_ref().map(|i| i.shape.as_str());
                    let items: Vec<Value> = element
                        .children
                        .iter()
                        .filter(|c| c.name == wire)
                        .filter_map(|c| item_shape.map(|s| xml_value(model, s, c, depth + 1)))
                        .collect();
                    if !items.is_empty() {
                        members.push((name.clone(), Value::List(items)));
                    }
                } else if let Some(child) = element.children.iter().find(|c| c.name == wire) {
                    members.push((name.clone(), xml_value(model, &m.shape, child, depth + 1)));
                }
            }
            Value::Structure(members)
        }
        ShapeType::List => match &shape.member {
            Some(item) => {
                let item_name = item.location_name.as_deref().unwrap_or("member");
                Value::List(
                    element
                        .children
                        .iter()
                        .filter(|c| c.name == item_name)
                        .map(|c| xml_value(model, &item.shape, c, depth + 1))
                        .collect(),
                )
            }
            None => Value::List(Vec::new()),
        },
        ShapeType::Map => match (&shape.key, &shape.value) {
            (Some(k), Some(v)) => {
                let key_name = k.location_name.as_deref().unwrap_or("key");
                let value_name = v.location_name.as_deref().unwrap_or("value");
                Value::Map(
                    element
                        .children
                        .iter()
                        .filter(|c| c.name == "entry")
                        .filter_map(|entry| {
                            let key = entry.children.iter().find(|c| c.name == key_name)?;
                            let value = entry.children.iter().find(|c| c.name == value_name)?;
                            Some((
                                key.text.clone(),
                                xml_value(model, &v.shape, value, depth + 1),
                            ))
                        })
                        .collect(),
                )
            }
            _ => Value::Map(Vec::new()),
        },
        shape_type => parse_scalar(shape_type, element.text.trim()),
    }
}
