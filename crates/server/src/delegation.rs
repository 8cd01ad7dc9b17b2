//! IAM temporary delegation's onboarding data and policy templates.
//!
//! On AWS a partner is onboarded by e-mail: AWS enables the delegation APIs for the partner's
//! accounts, registers its policy templates (each gets an ARN) and the partner names an SNS
//! topic for notifications. Keyward serves one account and has no SNS, so the operator
//! onboards partners with a JSON file (`keyward serve --delegation-partners FILE`): each
//! partner's display name, the IAM principals that act for it, its policy templates by ARN,
//! and for each SNS topic ARN it may name, the HTTP endpoint Keyward POSTs the SNS-shaped
//! notifications to (as an SNS HTTP subscription would).
//!
//! Templates use AWS's syntax (IAM User Guide, "Policy templates",
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-policy-templates.html>):
//! `@{name}` placeholders in strings, `stringList` parameters expanding into one array entry
//! per value (a cross product when several appear in one string), and `"@Enabled": "name"` /
//! `"!name"` to keep a statement only when a parameter is (not) `True`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use serde_json::{Map, Value};

/// The rendered policy's longest minified size (the guide's "maximum size limit of 2048
/// characters").
pub const MAX_RENDERED_POLICY: usize = 2048;

/// The onboarded partners.
#[derive(Clone, Debug, Default)]
pub struct Partners {
    partners: Vec<Partner>,
}

/// One onboarded partner.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partner {
    /// The name customers see (`RequestorName`, at most 30 characters).
    pub name: String,
    /// ARNs of the IAM users and roles that act for the partner; a role's sessions act for it.
    pub principals: Vec<String>,
    /// Policy templates by ARN.
    pub policy_templates: BTreeMap<String, Value>,
    /// HTTP(S) endpoint per SNS topic ARN the partner may name as `NotificationChannel`.
    pub notification_endpoints: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnersFile {
    partners: Vec<Partner>,
}

/// Why a partners file is refused at start-up.
#[derive(Debug, thiserror::Error)]
pub enum PartnersError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not the expected JSON.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Partners {
    /// Reads and checks a partners file.
    pub fn load(path: &Path) -> Result<Partners, PartnersError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| PartnersError::Read {
            path: shown.clone(),
            source,
        })?;
        Partners::parse(&text).map_err(|message| PartnersError::Invalid {
            path: shown,
            message,
        })
    }

    /// Parses a partners file's text; every template must be a JSON object with a
    /// `Statement` array and every template ARN unique across partners.
    pub fn parse(text: &str) -> Result<Partners, String> {
        let file: PartnersFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut arns = BTreeSet::new();
        let mut names = BTreeSet::new();
        for partner in &file.partners {
            if !names.insert(partner.name.clone()) {
                return Err(format!("partner {} is onboarded twice", partner.name));
            }
            if partner.name.is_empty() || partner.name.chars().count() > 30 {
                return Err(format!(
                    "partner name '{}' must have 1 to 30 characters",
                    partner.name
                ));
            }
            for (arn, template) in &partner.policy_templates {
                if !arns.insert(arn.clone()) {
                    return Err(format!("policy template {arn} is registered twice"));
                }
                if !template
                    .get("Statement")
                    .is_some_and(|s| s.is_array() || s.is_object())
                {
                    return Err(format!("policy template {arn} has no Statement"));
                }
            }
            for endpoint in partner.notification_endpoints.values() {
                if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
                    return Err(format!(
                        "notification endpoint {endpoint} is not an http(s) URL"
                    ));
                }
            }
        }
        Ok(Partners {
            partners: file.partners,
        })
    }

    /// The partner a principal acts for: `arn` is the caller's user ARN, or for a role
    /// session the role's ARN.
    pub fn of_principal(&self, arn: &str) -> Option<&Partner> {
        self.partners
            .iter()
            .find(|p| p.principals.iter().any(|a| a == arn))
    }

    /// The partner of this name.
    pub fn named(&self, name: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.name == name)
    }

    /// Whether a principal acts for any partner.
    pub fn is_partner_principal(&self, arn: &str) -> bool {
        self.of_principal(arn).is_some()
    }
}

/// A template parameter as a delegation request passes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parameter {
    /// `Name`.
    pub name: String,
    /// `Values`.
    pub values: Vec<String>,
    /// `Type` is `stringList` (else `string`).
    pub list: bool,
}

/// Why parameters do not fit a template; the text is the `InvalidInput` message.
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateError(
    /// What does not fit.
    pub String,
);

/// Renders `template` with `parameters` into a policy document. Every parameter the template
/// uses must be passed, every parameter passed must be used, a `string` parameter has exactly
/// one value, and no value may carry wildcards or policy variables (the customer approves the
/// rendered policy, so a value may not widen it beyond what it reads as).
pub fn render(template: &Value, parameters: &[Parameter]) -> Result<Value, TemplateError> {
    let mut by_name: BTreeMap<&str, &Parameter> = BTreeMap::new();
    for p in parameters {
        if by_name.insert(p.name.as_str(), p).is_some() {
            return Err(TemplateError(format!(
                "Parameter {} is specified more than once.",
                p.name
            )));
        }
        if p.values.is_empty() {
            return Err(TemplateError(format!(
                "Parameter {} has no values.",
                p.name
            )));
        }
        if !p.list && p.values.len() != 1 {
            return Err(TemplateError(format!(
                "Parameter {} of type string must have exactly one value.",
                p.name
            )));
        }
        for v in &p.values {
            if v.contains(['*', '?']) || v.contains("${") || v.contains("@{") {
                return Err(TemplateError(format!(
                    "Parameter {} has a value with a wildcard or a policy variable: {v}",
                    p.name
                )));
            }
        }
    }
    let mut used = BTreeSet::new();
    let mut rendered = template.clone();
    let statements = match rendered.get_mut("Statement") {
        Some(Value::Array(list)) => std::mem::take(list),
        Some(one @ Value::Object(_)) => vec![one.take()],
        _ => {
            return Err(TemplateError(
                "The policy template has no statements.".into(),
            ))
        }
    };
    let mut kept = Vec::new();
    for statement in statements {
        let Value::Object(mut fields) = statement else {
            return Err(TemplateError(
                "A template statement is not an object.".into(),
            ));
        };
        if let Some(enabled) = fields.remove("@Enabled") {
            let Value::String(flag) = enabled else {
                return Err(TemplateError("@Enabled must name a parameter.".into()));
            };
            let (negated, name) = match flag.strip_prefix('!') {
                Some(name) => (true, name),
                None => (false, flag.as_str()),
            };
            let parameter = by_name
                .get(name)
                .ok_or_else(|| TemplateError(format!("Required parameter {name} is missing.")))?;
            used.insert(name.to_owned());
            let on = match parameter.values.as_slice() {
                [v] if v == "True" && !parameter.list => true,
                [v] if v == "False" && !parameter.list => false,
                _ => {
                    return Err(TemplateError(format!(
                        "Parameter {name} must be the string True or False."
                    )))
                }
            };
            if on == negated {
                continue;
            }
        }
        let mut out = Map::new();
        for (key, value) in fields {
            let expands = matches!(
                key.as_str(),
                "Action" | "NotAction" | "Resource" | "NotResource"
            );
            let value = if key == "Condition" {
                render_condition(value, &by_name, &mut used)?
            } else if expands {
                render_list(value, &by_name, &mut used)?
            } else {
                if contains_placeholder(&value) {
                    return Err(TemplateError(format!(
                        "Parameters are not allowed in the {key} element."
                    )));
                }
                value
            };
            out.insert(key, value);
        }
        kept.push(Value::Object(out));
    }
    if kept.is_empty() {
        return Err(TemplateError(
            "The rendered policy has no statements.".into(),
        ));
    }
    if let Some(unused) = by_name.keys().find(|n| !used.contains(**n)) {
        return Err(TemplateError(format!(
            "Parameter {unused} is not used by the policy template."
        )));
    }
    if let Some(obj) = rendered.as_object_mut() {
        obj.insert("Statement".into(), Value::Array(kept));
    }
    Ok(rendered)
}

fn contains_placeholder(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains("@{"),
        Value::Array(items) => items.iter().any(contains_placeholder),
        Value::Object(fields) => fields
            .iter()
            .any(|(k, v)| k.contains("@{") || contains_placeholder(v)),
        _ => false,
    }
}

fn render_condition(
    value: Value,
    params: &BTreeMap<&str, &Parameter>,
    used: &mut BTreeSet<String>,
) -> Result<Value, TemplateError> {
    let Value::Object(operators) = value else {
        return Ok(value);
    };
    let mut out = Map::new();
    for (operator, keys) in operators {
        let Value::Object(keys) = keys else {
            out.insert(operator, keys);
            continue;
        };
        let mut rendered = Map::new();
        for (key, values) in keys {
            if key.contains("@{") {
                return Err(TemplateError(
                    "Parameters are not allowed in condition keys.".into(),
                ));
            }
            rendered.insert(key, render_list(values, params, used)?);
        }
        out.insert(operator, Value::Object(rendered));
    }
    Ok(Value::Object(out))
}

/// Renders a string-or-array element; a single string stays a string when it expands to one.
fn render_list(
    value: Value,
    params: &BTreeMap<&str, &Parameter>,
    used: &mut BTreeSet<String>,
) -> Result<Value, TemplateError> {
    match value {
        Value::String(s) => {
            let mut expanded = expand(&s, params, used)?;
            Ok(if expanded.len() == 1 {
                Value::String(expanded.remove(0))
            } else {
                Value::Array(expanded.into_iter().map(Value::String).collect())
            })
        }
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => {
                        out.extend(expand(&s, params, used)?.into_iter().map(Value::String))
                    }
                    other => out.push(other),
                }
            }
            Ok(Value::Array(out))
        }
        other => Ok(other),
    }
}

/// Every string `text` expands to: the cross product of its parameters' values.
fn expand(
    text: &str,
    params: &BTreeMap<&str, &Parameter>,
    used: &mut BTreeSet<String>,
) -> Result<Vec<String>, TemplateError> {
    let mut results = vec![String::new()];
    let mut rest = text;
    while let Some(start) = rest.find("@{") {
        let (literal, after) = rest.split_at(start);
        let after = after.get(2..).unwrap_or_default();
        let end = after
            .find('}')
            .ok_or_else(|| TemplateError(format!("Unterminated parameter in {text}.")))?;
        let (name, tail) = after.split_at(end);
        let parameter = params
            .get(name)
            .ok_or_else(|| TemplateError(format!("Required parameter {name} is missing.")))?;
        used.insert(name.to_owned());
        let mut next = Vec::new();
        for prefix in &results {
            for value in &parameter.values {
                next.push(format!("{prefix}{literal}{value}"));
            }
        }
        results = next;
        rest = tail.get(1..).unwrap_or_default();
    }
    for r in &mut results {
        r.push_str(rest);
    }
    Ok(results)
}

/// A deterministic English summary of a policy document: per statement, its effect, the
/// actions grouped by service, the resources and the conditions. `GetHumanReadableSummary`
/// answers it where AWS uses a language model.
pub fn summarize(policy: &Value, description: &str, duration_seconds: i64) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "This delegation request asks for temporary access for {} ({duration_seconds} seconds). ",
        duration_words(duration_seconds)
    ));
    if !description.is_empty() {
        out.push_str(&format!("The partner describes it as: \"{description}\". "));
    }
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    out.push_str(&format!(
        "The permissions have {} statement{}.",
        statements.len(),
        if statements.len() == 1 { "" } else { "s" }
    ));
    for (i, statement) in statements.iter().enumerate() {
        out.push_str(&format!("\n{}. ", i + 1));
        let effect = statement
            .get("Effect")
            .and_then(Value::as_str)
            .unwrap_or("Allow");
        let verb = if effect == "Deny" { "Denies" } else { "Allows" };
        let (actions, negated) = match statement.get("Action") {
            Some(a) => (strings(a), false),
            None => (
                strings(statement.get("NotAction").unwrap_or(&Value::Null)),
                true,
            ),
        };
        let mut by_service: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for action in actions {
            let (service, name) = action.split_once(':').unwrap_or(("*", action.as_str()));
            by_service
                .entry(service.to_lowercase())
                .or_default()
                .push(name.to_owned());
        }
        let groups: Vec<String> = by_service
            .iter()
            .map(|(service, names)| {
                if service == "*" {
                    "every action of every service".to_owned()
                } else if names.iter().any(|n| n == "*") {
                    format!("every {service} action")
                } else {
                    format!("{service}: {}", names.join(", "))
                }
            })
            .collect();
        if negated {
            out.push_str(&format!("{verb} every action except {}", groups.join("; ")));
        } else {
            out.push_str(&format!("{verb} {}", groups.join("; ")));
        }
        let (resources, not_resource) = match statement.get("Resource") {
            Some(r) => (strings(r), false),
            None => (
                strings(statement.get("NotResource").unwrap_or(&Value::Null)),
                true,
            ),
        };
        if resources.iter().any(|r| r == "*") && !not_resource {
            out.push_str(" on all resources");
        } else if not_resource {
            out.push_str(&format!(
                " on every resource except {}",
                resources.join(", ")
            ));
        } else {
            out.push_str(&format!(" on {}", resources.join(", ")));
        }
        if let Some(Value::Object(operators)) = statement.get("Condition") {
            let mut conditions = Vec::new();
            for (operator, keys) in operators {
                if let Value::Object(keys) = keys {
                    for (key, values) in keys {
                        conditions
                            .push(format!("{key} {operator} {}", strings(values).join(" or ")));
                    }
                }
            }
            out.push_str(&format!(", only when {}", conditions.join(" and ")));
        }
        out.push('.');
    }
    out
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect(),
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    }
}

fn duration_words(seconds: i64) -> String {
    let hours = seconds / 3600;
    let minutes = (seconds % 3600) / 60;
    let unit = |n: i64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (hours, minutes) {
        (0, m) => unit(m, "minute"),
        (h, 0) => unit(h, "hour"),
        (h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn param(name: &str, values: &[&str], list: bool) -> Parameter {
        Parameter {
            name: name.into(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            list,
        }
    }

    #[test]
    fn the_guides_examples_render_as_documented() {
        let template = json!({"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"},
            {"@Enabled":"ENABLE_S3_WRITE","Effect":"Allow","Action":["s3:PutObject"],
             "Resource":"arn:aws:s3:::@{bucketNames}/@{prefix}/*"}]});
        let on = render(
            &template,
            &[
                param("bucketNames", &["bucket-1", "bucket-2"], true),
                param("prefix", &["data"], false),
                param("ENABLE_S3_WRITE", &["True"], false),
            ],
        )
        .unwrap();
        assert_eq!(
            on["Statement"][1],
            json!({"Effect":"Allow","Action":["s3:PutObject"],
                   "Resource":["arn:aws:s3:::bucket-1/data/*","arn:aws:s3:::bucket-2/data/*"]})
        );
        let off = render(
            &template,
            &[
                param("bucketNames", &["b"], true),
                param("prefix", &["data"], false),
                param("ENABLE_S3_WRITE", &["False"], false),
            ],
        );
        // With the statement dropped, its parameters are used by nothing: refused.
        assert!(off.is_err());
        let negated = json!({"Statement":[{"@Enabled":"!RO","Effect":"Allow","Action":"s3:PutObject","Resource":"*"},
                                          {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]});
        let r = render(&negated, &[param("RO", &["True"], false)]).unwrap();
        assert_eq!(r["Statement"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn bad_parameters_are_refused() {
        let template = json!({"Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                                            "Resource":"arn:aws:s3:::@{b}/*"}]});
        assert!(render(&template, &[]).is_err(), "missing");
        assert!(
            render(
                &template,
                &[param("b", &["x"], false), param("c", &["y"], false)]
            )
            .is_err(),
            "unused"
        );
        assert!(
            render(&template, &[param("b", &["x", "y"], false)]).is_err(),
            "string with two values"
        );
        assert!(
            render(&template, &[param("b", &["*"], false)]).is_err(),
            "wildcard"
        );
        assert!(
            render(&template, &[param("b", &["${aws:username}"], false)]).is_err(),
            "variable"
        );
        assert!(
            render(
                &template,
                &[param("b", &["x"], false), param("b", &["x"], false)]
            )
            .is_err(),
            "twice"
        );
        let effect =
            json!({"Statement":[{"Effect":"@{e}","Action":"s3:GetObject","Resource":"*"}]});
        assert!(
            render(&effect, &[param("e", &["Allow"], false)]).is_err(),
            "outside lists"
        );
    }

    #[test]
    fn summaries_group_actions_by_service() {
        let policy = json!({"Statement":[{"Effect":"Allow","Action":["iam:GetUser","iam:ListUsers","sts:GetCallerIdentity"],
            "Resource":"arn:aws:iam::123456789012:user/x","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]});
        let s = summarize(&policy, "Set up", 5400);
        assert!(s.contains("1 hour 30 minutes"), "{s}");
        assert!(s.contains("Allows iam: GetUser, ListUsers; sts: GetCallerIdentity on arn:aws:iam::123456789012:user/x, only when aws:SecureTransport Bool true."), "{s}");
    }
}
