//! Response bodies as a small element tree. One tree renders both the AWS Query XML that
//! clients parse and the JSON `responseElements` of the audit record, so the two can never
//! disagree — except for secrets, which the tree marks and the audit rendering leaves out.

use keyward_aws_model::ServiceModel;
use quick_xml::escape::escape;
use serde_json::{Map, Value};
use time::format_description::well_known::Iso8601;
use time::OffsetDateTime;

/// One XML element of a response.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    name: &'static str,
    body: Body,
}

#[derive(Clone, Debug, PartialEq)]
enum Body {
    Text(String),
    /// Shown to the caller once, never written to the audit log.
    Secret(String),
    Children(Vec<Element>),
    /// A Query-protocol list: each item is wrapped in `<member>`.
    List(Vec<Element>),
    /// A Query-protocol map: `<entry><key>…</key><value>…</value></entry>` per pair.
    Map(Vec<(String, String)>),
}

/// AWS's timestamp form in IAM/STS XML: ISO 8601, UTC, second precision.
pub fn timestamp(t: OffsetDateTime) -> String {
    let t = t.replace_nanosecond(0).unwrap_or(t);
    t.format(&Iso8601::DEFAULT)
        .map(|s| s.replace(".000000000", ""))
        .unwrap_or_default()
}

impl Element {
    /// An element holding text.
    pub fn text(name: &'static str, value: impl Into<String>) -> Self {
        Element {
            name,
            body: Body::Text(value.into()),
        }
    }

    /// An element holding a secret: rendered to the caller, omitted from audit records.
    pub fn secret(name: &'static str, value: impl Into<String>) -> Self {
        Element {
            name,
            body: Body::Secret(value.into()),
        }
    }

    /// An element holding a timestamp.
    pub fn time(name: &'static str, value: OffsetDateTime) -> Self {
        Self::text(name, timestamp(value))
    }

    /// An element holding a boolean as AWS spells it.
    pub fn boolean(name: &'static str, value: bool) -> Self {
        Self::text(name, if value { "true" } else { "false" })
    }

    /// An element holding other elements (a structure).
    pub fn parent(name: &'static str, children: Vec<Element>) -> Self {
        Element {
            name,
            body: Body::Children(children),
        }
    }

    /// A list; `items` are structures whose own name is replaced by `member` on the wire.
    pub fn list(name: &'static str, items: Vec<Element>) -> Self {
        Element {
            name,
            body: Body::List(items),
        }
    }

    /// A map of text keys to text values (`GetAccountSummary`'s `SummaryMap`); the audit
    /// rendering is a JSON object, not a list of entries.
    pub fn map(name: &'static str, entries: Vec<(String, String)>) -> Self {
        Element {
            name,
            body: Body::Map(entries),
        }
    }

    /// Adds a field to a structure built earlier, for fields only some operations return
    /// (a user's permissions boundary in `GetUser` but not in `ListUsers`). Ignored on other
    /// bodies.
    pub fn push(&mut self, child: Element) {
        if let Body::Children(children) = &mut self.body {
            children.push(child);
        }
    }

    /// The text of the first secret named `name` in this tree, for the one page that shows a
    /// new secret to its owner (the console's once-only display).
    pub fn secret_text(&self, name: &str) -> Option<&str> {
        match &self.body {
            Body::Secret(s) if self.name == name => Some(s),
            Body::Children(children) | Body::List(children) => {
                children.iter().find_map(|c| c.secret_text(name))
            }
            _ => None,
        }
    }

    /// Appends the XML rendering of this element to `out`.
    pub fn write_xml(&self, out: &mut String) {
        self.write_named(self.name, out);
    }

    fn write_named(&self, name: &str, out: &mut String) {
        out.push('<');
        out.push_str(name);
        out.push('>');
        match &self.body {
            Body::Text(t) | Body::Secret(t) => out.push_str(&xml_text(t)),
            Body::Children(children) => children.iter().for_each(|c| c.write_xml(out)),
            Body::List(items) => items.iter().for_each(|i| i.write_named("member", out)),
            Body::Map(entries) => {
                for (k, v) in entries {
                    out.push_str("<entry><key>");
                    out.push_str(&xml_text(k));
                    out.push_str("</key><value>");
                    out.push_str(&xml_text(v));
                    out.push_str("</value></entry>");
                }
            }
        }
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }

    /// The CloudTrail-style JSON rendering: camelCase keys, lists as arrays, secrets left out.
    pub fn to_audit_json(&self) -> Value {
        match &self.body {
            Body::Text(t) => Value::String(t.clone()),
            Body::Secret(_) => Value::Null,
            Body::Children(children) => {
                let mut map = Map::new();
                for c in children {
                    if !matches!(c.body, Body::Secret(_)) {
                        map.insert(camel(c.name), c.to_audit_json());
                    }
                }
                Value::Object(map)
            }
            Body::List(items) => Value::Array(items.iter().map(Element::to_audit_json).collect()),
            Body::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect(),
            ),
        }
    }
}

impl Element {
    /// The member tree of a response whose shape in `model` is `shape`, for the JSON
    /// protocol's encoder: text becomes the scalar the model says (numbers, booleans,
    /// timestamps), secrets are kept (the caller sees them; the audit rendering drops them).
    /// `None` when the tree does not fit the shape, which is a bug of the handler.
    pub fn to_model_value(
        &self,
        model: &ServiceModel,
        shape: &str,
    ) -> Option<keyward_aws_model::Value> {
        use keyward_aws_model::{ShapeType, Value as Member};
        let described = model.shape(shape)?;
        Some(match (&self.body, described.shape_type) {
            (Body::Children(children), ShapeType::Structure) => Member::Structure(
                children
                    .iter()
                    .map(|child| {
                        let member = described.member(child.name)?;
                        Some((
                            child.name.to_owned(),
                            child.to_model_value(model, &member.shape)?,
                        ))
                    })
                    .collect::<Option<_>>()?,
            ),
            (Body::List(items), ShapeType::List) => {
                let element = described.member.as_ref()?;
                Member::List(
                    items
                        .iter()
                        .map(|item| item.to_model_value(model, &element.shape))
                        .collect::<Option<_>>()?,
                )
            }
            (Body::Map(entries), ShapeType::Map) => Member::Map(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Member::String(v.clone())))
                    .collect(),
            ),
            (Body::Text(t) | Body::Secret(t), shape_type) => match shape_type {
                ShapeType::Boolean => Member::Boolean(t == "true"),
                ShapeType::Integer | ShapeType::Long | ShapeType::Short | ShapeType::Byte => {
                    Member::Integer(t.parse().ok()?)
                }
                ShapeType::Double | ShapeType::Float => Member::Double(t.parse().ok()?),
                ShapeType::Timestamp => {
                    Member::Timestamp(OffsetDateTime::parse(t, &Iso8601::DEFAULT).ok()?)
                }
                _ => Member::String(t.clone()),
            },
            _ => return None,
        })
    }
}

impl Element {
    /// The audit rendering of a response whose shape in `model` is `shape`: what the handler
    /// marked secret and every member the model marks `sensitive` are left out, and so is
    /// anything the model does not describe, since nothing says it is harmless.
    pub fn to_redacted_audit_json(&self, model: &ServiceModel, shape: &str) -> Value {
        let Some(described) = model.shape(shape) else {
            return Value::Null;
        };
        match &self.body {
            Body::Children(children) => {
                let mut map = Map::new();
                for child in children {
                    let Some(member) = described.member(child.name) else {
                        continue;
                    };
                    let hidden =
                        matches!(child.body, Body::Secret(_)) || model.is_sensitive(member);
                    if !hidden {
                        let value = child.to_redacted_audit_json(model, &member.shape);
                        map.insert(camel(child.name), value);
                    }
                }
                Value::Object(map)
            }
            Body::List(items) => match &described.member {
                Some(member) if !model.is_sensitive(member) => Value::Array(
                    items
                        .iter()
                        .map(|i| i.to_redacted_audit_json(model, &member.shape))
                        .collect(),
                ),
                _ => Value::Null,
            },
            Body::Secret(_) => Value::Null,
            Body::Text(_) | Body::Map(_) if described.sensitive => Value::Null,
            Body::Text(_) | Body::Map(_) => self.to_audit_json(),
        }
    }
}

/// `UserName` → `userName`, as CloudTrail spells request and response fields.
pub fn camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Renders a successful Query-protocol response.
pub fn success(
    namespace: &str,
    action: &str,
    result: Option<&Element>,
    request_id: &str,
) -> String {
    let mut out = String::with_capacity(512);
    out.push('<');
    out.push_str(action);
    out.push_str("Response xmlns=\"");
    out.push_str(namespace);
    out.push_str("\">");
    if let Some(result) = result {
        result.write_xml(&mut out);
    }
    out.push_str("<ResponseMetadata><RequestId>");
    out.push_str(request_id);
    out.push_str("</RequestId></ResponseMetadata></");
    out.push_str(action);
    out.push_str("Response>\n");
    out
}

/// `text` as XML character data: markup escaped, and every character XML 1.0 forbids (control
/// characters other than tab, newline and carriage return, lone surrogates cannot occur in a
/// `str`, U+FFFE and U+FFFF) replaced by U+FFFD, which no parser refuses. Input validation keeps
/// them out of stored values; an error message may still echo one from a request.
pub fn xml_text(text: &str) -> String {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.contains(forbidden) {
        escape(text.replace(forbidden, "\u{fffd}").as_str()).into_owned()
    } else {
        escape(text).into_owned()
    }
}

/// Renders an AWS Query-protocol error document.
pub fn error(namespace: &str, kind: &str, code: &str, message: &str, request_id: &str) -> String {
    // AWS leaves `<Message>` out of errors it gives no text (the credential report's), which
    // clients show as "Unknown".
    let message = if message.is_empty() {
        String::new()
    } else {
        format!("<Message>{}</Message>", xml_text(message))
    };
    format!(
        "<ErrorResponse xmlns=\"{namespace}\"><Error><Type>{kind}</Type><Code>{code}</Code>\
         {message}</Error><RequestId>{request_id}</RequestId></ErrorResponse>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever a response or an error echoes, the document stays XML 1.0 that parsers accept.
    #[test]
    fn characters_xml_forbids_are_never_emitted() {
        let mut out = String::new();
        Element::text("Description", "a\u{0}b\u{1}c\u{1b}d\te\u{ffff}").write_xml(&mut out);
        assert_eq!(
            out,
            "<Description>a\u{fffd}b\u{fffd}c\u{fffd}d\te\u{fffd}</Description>"
        );
        let doc = error(
            "ns",
            "Sender",
            "ValidationError",
            "Value 'x\u{1}<' at 'd'",
            "r",
        );
        assert!(
            doc.contains("<Message>Value &apos;x\u{fffd}&lt;&apos; at &apos;d&apos;</Message>"),
            "{doc}"
        );
    }

    #[test]
    fn renders_lists_and_escapes_text() {
        let e = Element::parent(
            "ListUsersResult",
            vec![
                Element::list(
                    "Users",
                    vec![Element::parent(
                        "User",
                        vec![Element::text("UserName", "a<&>b")],
                    )],
                ),
                Element::boolean("IsTruncated", false),
            ],
        );
        let mut out = String::new();
        e.write_xml(&mut out);
        assert_eq!(
            out,
            "<ListUsersResult><Users><member><UserName>a&lt;&amp;&gt;b</UserName></member>\
             </Users><IsTruncated>false</IsTruncated></ListUsersResult>"
        );
    }

    #[test]
    fn audit_rendering_drops_secrets() {
        let e = Element::parent(
            "AccessKey",
            vec![
                Element::text("AccessKeyId", "AKIA"),
                Element::secret("SecretAccessKey", "s3cr3t"),
            ],
        );
        let json = e.to_audit_json().to_string();
        assert_eq!(json, r#"{"accessKeyId":"AKIA"}"#);
        let mut xml = String::new();
        e.write_xml(&mut xml);
        assert!(xml.contains("s3cr3t"));
    }

    #[test]
    fn maps_render_entries_and_audit_as_objects() {
        let e = Element::map("SummaryMap", vec![("Users".into(), "3".into())]);
        let mut xml = String::new();
        e.write_xml(&mut xml);
        assert_eq!(
            xml,
            "<SummaryMap><entry><key>Users</key><value>3</value></entry></SummaryMap>"
        );
        assert_eq!(e.to_audit_json().to_string(), r#"{"Users":"3"}"#);
    }

    #[test]
    fn timestamps_are_iso8601_seconds() {
        let t = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        assert_eq!(timestamp(t), "2023-11-14T22:13:20Z");
    }
}
