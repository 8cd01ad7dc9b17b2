//! Applying the general rule and the override data (`data/overrides.json`) to a request.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use keyward_aws_model::{ServiceModel, Value};
use serde::Deserialize;

use crate::path::{self, Element, PathError};
use crate::sar::{self, SarAction};
use crate::{arn, dynamodb, KeySchemas, MapError, RequestScope, RequiredAction};

const OVERRIDES: &str = include_str!("../data/overrides.json");

/// One action an operation needs, as the override data states it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rule {
    /// `s3:ListBucket`.
    pub(crate) action: String,
    /// The rule applies only when one of these paths has a value.
    #[serde(default)]
    when: Vec<String>,
    /// The rule applies only when none of these paths has a value.
    #[serde(default)]
    unless: Vec<String>,
    /// One action per element this path reaches (`Delete.Objects[]`, `RequestItems{}`).
    each: Option<String>,
    /// The resource types to build, each with the paths of its variables (the rest are found
    /// the general way); absent: every resource type of the action, the general way.
    pub(crate) resources: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// Paths whose values may be a whole ARN of one of the action's resource types; absent:
    /// every top-level string member (only with `resources` absent).
    #[serde(default)]
    arns: Vec<String>,
    /// Condition keys and where their values come from (a path, `=literal` or `@computation`),
    /// besides those found the general way; a key ending in `*` gets one key per map entry.
    #[serde(default)]
    pub(crate) context: BTreeMap<String, String>,
}

/// The override data of one botocore model (by endpoint prefix).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelOverrides {
    /// The AWS pages the rules come from.
    #[serde(default, rename = "sources")]
    _sources: Vec<String>,
    /// ARN variable → member paths to try in order, for the whole service.
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    /// Operation → the actions it needs.
    #[serde(default)]
    operations: BTreeMap<String, Vec<Rule>>,
    /// Operations deliberately left unmapped (denied), with the reason.
    #[serde(default)]
    unmapped: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Overrides {
    /// What the file is.
    #[serde(default, rename = "about")]
    _about: String,
    /// Signing name → IAM prefix, where they differ.
    #[serde(default)]
    prefixes: BTreeMap<String, String>,
    /// Prefixes Keyward serves itself, never through the gateway.
    #[serde(default)]
    served_by_keyward: Vec<String>,
    /// Per botocore model, by endpoint prefix.
    #[serde(default)]
    models: BTreeMap<String, ModelOverrides>,
}

// The data is checked by the crate's tests; broken data maps nothing (fail closed).
static DATA: LazyLock<Overrides> =
    LazyLock::new(|| serde_json::from_str(OVERRIDES).unwrap_or_default());

/// The IAM prefix for a signing name; `None` for unknown services and those Keyward serves.
pub(crate) fn iam_prefix_of(signing_name: &str) -> Option<&'static str> {
    let prefix = DATA
        .prefixes
        .get(signing_name)
        .map_or(signing_name, String::as_str);
    if DATA.served_by_keyward.iter().any(|p| p == prefix) {
        return None;
    }
    sar::known_prefix(prefix)
}

/// How each operation of a model is mapped, for coverage reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Operations whose action is `prefix:OperationName`, listed by the reference.
    pub general: Vec<String>,
    /// Of `general`, those whose resource ARN no input member can fill (no member matches a
    /// template variable and none is an ARN): denied at run time with
    /// [`MapError::MissingMember`] until an override names the member.
    pub general_unresolvable: Vec<String>,
    /// Operations the override data maps.
    pub overridden: Vec<String>,
    /// Operations the override data deliberately leaves unmapped (denied), with the reason.
    pub unmapped_on_purpose: Vec<(String, String)>,
    /// Operations nothing maps yet (denied): they need an override.
    pub need_override: Vec<String>,
}

/// How each operation of `model` maps.
pub fn coverage(model: &ServiceModel) -> Result<Coverage, MapError> {
    let prefix = crate::iam_prefix(model)?;
    let overrides = DATA.models.get(&model.metadata.endpoint_prefix);
    let mut out = Coverage::default();
    for operation in model.operations() {
        let name = operation.name.clone();
        if overrides.is_some_and(|o| o.operations.contains_key(&name)) {
            out.overridden.push(name);
        } else if let Some(reason) = overrides.and_then(|o| o.unmapped.get(&name)) {
            out.unmapped_on_purpose.push((name, reason.clone()));
        } else if let Some(action) = sar::action(prefix, general_action_name(&name)) {
            if !resolvable(model, prefix, operation, action, overrides) {
                out.general_unresolvable.push(name.clone());
            }
            out.general.push(name);
        } else {
            out.need_override.push(name);
        }
    }
    Ok(out)
}

/// The action name of an operation: its name, without the API-version suffix some models add
/// (CloudFront's `CreateDistribution2020_05_31` is `cloudfront:CreateDistribution`).
fn general_action_name(operation: &str) -> &str {
    let bytes = operation.as_bytes();
    let Some(split) = bytes.len().checked_sub(10) else {
        return operation;
    };
    let suffix = bytes.get(split..).unwrap_or_default();
    let dated = suffix.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'_',
        _ => b.is_ascii_digit(),
    });
    match operation.get(..split) {
        Some(name) if dated && !name.is_empty() => name,
        _ => operation,
    }
}

/// Whether the general rule can build a resource of `action` from `operation`'s input members:
/// it has no resource type, a type's variables all match members (by alias or name), or a
/// member may carry an ARN.
fn resolvable(
    model: &ServiceModel,
    prefix: &str,
    operation: &keyward_aws_model::Operation,
    action: &SarAction,
    overrides: Option<&ModelOverrides>,
) -> bool {
    if action.resources.is_empty() {
        return true;
    }
    let members: Vec<&str> = operation
        .input
        .as_ref()
        .and_then(|input| model.shape(&input.shape))
        .map(|shape| {
            shape
                .members
                .iter()
                .map(|(name, _)| name.as_str())
                .collect()
        })
        .unwrap_or_default();
    let has = |name: &str| members.iter().any(|m| m.eq_ignore_ascii_case(name));
    if members.iter().any(|m| {
        let lower = m.to_ascii_lowercase();
        lower.ends_with("arn") || lower.ends_with("identifier") || lower == "resource"
    }) {
        return true;
    }
    let Some(templates) = sar::service(prefix).map(|s| &s.resource_types) else {
        return false;
    };
    action.resources.iter().any(|(resource_type, _)| {
        let Some(template) = templates.get(resource_type) else {
            return false;
        };
        arn::variables(template).iter().all(|variable| {
            if matches!(*variable, "Partition" | "Region" | "Account") {
                return true;
            }
            if let Some(sources) =
                alias_sources(overrides.map(|o| &o.aliases), resource_type, variable)
            {
                return sources.iter().any(|source| {
                    let root = source
                        .split(['.', '[', '{', '|'])
                        .next()
                        .unwrap_or_default();
                    has(root)
                });
            }
            has(variable) || variable.strip_suffix("Name").is_some_and(has)
        })
    })
}

/// The alias paths of `variable` in `resource_type`'s template: `type.Variable` first (Bedrock's
/// types all call their id `ResourceId`), then `Variable`.
fn alias_sources<'a>(
    aliases: Option<&'a BTreeMap<String, Vec<String>>>,
    resource_type: &str,
    variable: &str,
) -> Option<&'a Vec<String>> {
    let aliases = aliases?;
    aliases
        .get(&format!("{resource_type}.{variable}"))
        .or_else(|| aliases.get(variable))
}

struct Request<'a> {
    model: &'a ServiceModel,
    operation: &'a str,
    input: &'a Value,
    scope: &'a RequestScope<'a>,
    aliases: Option<&'a BTreeMap<String, Vec<String>>>,
    schemas: &'a dyn KeySchemas,
}

fn unknown(prefix: &str, operation: &str) -> MapError {
    MapError::UnknownOperation {
        service: prefix.to_owned(),
        operation: operation.to_owned(),
    }
}

pub(crate) fn map(
    model: &ServiceModel,
    prefix: &str,
    operation: &str,
    input: &Value,
    scope: &RequestScope<'_>,
    schemas: &dyn KeySchemas,
) -> Result<Vec<RequiredAction>, MapError> {
    if model.operation(operation).is_none() {
        return Err(unknown(prefix, operation));
    }
    let overrides = DATA.models.get(&model.metadata.endpoint_prefix);
    let general;
    let rules: &[Rule] = match overrides.and_then(|o| o.operations.get(operation)) {
        Some(rules) => rules,
        None if overrides.is_some_and(|o| o.unmapped.contains_key(operation)) => {
            return Err(unknown(prefix, operation));
        }
        None if sar::action(prefix, general_action_name(operation)).is_some() => {
            general = [Rule {
                action: format!("{prefix}:{}", general_action_name(operation)),
                ..Rule::default()
            }];
            &general
        }
        None => return Err(unknown(prefix, operation)),
    };
    let request = Request {
        model,
        operation,
        input,
        scope,
        aliases: overrides.map(|o| &o.aliases),
        schemas,
    };
    let broken = |_: PathError| unknown(prefix, operation);
    let mut out = Vec::new();
    for rule in rules {
        let elements = match &rule.each {
            None => vec![None],
            Some(each) => {
                let elements = path::elements(each, input, None).map_err(broken)?;
                if elements.is_empty() {
                    return Err(MapError::MissingMember {
                        operation: operation.to_owned(),
                        member: each.clone(),
                    });
                }
                elements.into_iter().map(Some).collect()
            }
        };
        for element in elements {
            if applies(rule, input, element).map_err(broken)? {
                out.push(build(&request, rule, element)?);
            }
        }
    }
    if out.is_empty() {
        return Err(unknown(prefix, operation));
    }
    Ok(out)
}

fn applies(rule: &Rule, input: &Value, element: Option<Element<'_>>) -> Result<bool, PathError> {
    for path in &rule.unless {
        if path::present(path, input, element)? {
            return Ok(false);
        }
    }
    if rule.when.is_empty() {
        return Ok(true);
    }
    for path in &rule.when {
        if path::present(path, input, element)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn build(
    request: &Request<'_>,
    rule: &Rule,
    element: Option<Element<'_>>,
) -> Result<RequiredAction, MapError> {
    let broken = |_: PathError| unknown(&rule.action, request.operation);
    let (prefix, name) = rule
        .action
        .split_once(':')
        .ok_or_else(|| unknown(&rule.action, request.operation))?;
    let action = sar::action(prefix, name).ok_or_else(|| unknown(prefix, request.operation))?;
    let templates = &sar::service(prefix)
        .ok_or_else(|| unknown(prefix, request.operation))?
        .resource_types;
    let resources = resources(request, rule, action, templates, element)?;
    let mut context = general_context(request, action);
    for (key, source) in &rule.context {
        // `prefix*`: one key per entry of the map at `source` (`kms:EncryptionContext:<key>`).
        if let Some(prefix) = key.strip_suffix('*') {
            for entry in
                path::elements(&format!("{source}{{}}"), request.input, element).map_err(broken)?
            {
                let mut values = Vec::new();
                path::scalar_texts(entry.value, &mut values);
                if let Some(name) = entry.key {
                    context.insert(format!("{prefix}{name}"), values);
                }
            }
            continue;
        }
        let values = if let Some(literal) = source.strip_prefix('=') {
            Ok(vec![literal.to_owned()])
        } else if let Some(computation) = source.strip_prefix('@') {
            let resource = resources.first().map(String::as_str);
            dynamodb::compute(
                computation,
                request.input,
                element,
                resource,
                request.schemas,
            )
        } else {
            path::texts(source, request.input, element)
        }
        .map_err(broken)?;
        if !values.is_empty() {
            context.insert(key.clone(), values);
        }
    }
    Ok(RequiredAction {
        action: rule.action.clone(),
        resources,
        context,
        access_level: action.access_level(),
    })
}

fn resources(
    request: &Request<'_>,
    rule: &Rule,
    action: &SarAction,
    templates: &BTreeMap<String, String>,
    element: Option<Element<'_>>,
) -> Result<Vec<String>, MapError> {
    let broken = |_: PathError| unknown(&rule.action, request.operation);
    let missing = |member: &str| MapError::MissingMember {
        operation: request.operation.to_owned(),
        member: member.to_owned(),
    };
    let to_fill: Vec<(&str, Option<&BTreeMap<String, String>>)> = match &rule.resources {
        Some(explicit) => explicit
            .iter()
            .map(|(t, vars)| (t.as_str(), Some(vars)))
            .collect(),
        None => action
            .resources
            .iter()
            .map(|(t, _)| (t.as_str(), None))
            .collect(),
    };
    if to_fill.is_empty() {
        return Ok(vec!["*".to_owned()]);
    }
    let mut built: BTreeSet<&str> = BTreeSet::new();
    let mut out: Vec<String> = Vec::new();

    // Whole ARNs the request gives: each is used as is, as the most specific type it fits.
    let candidates: Vec<String> = if rule.resources.is_none() {
        top_level_texts(request.input)
    } else {
        let mut texts = Vec::new();
        for source in &rule.arns {
            texts.extend(path::texts(source, request.input, element).map_err(broken)?);
        }
        texts
    };
    let arn_types: BTreeSet<&str> = action
        .resources
        .iter()
        .map(|(t, _)| t.as_str())
        .chain(to_fill.iter().map(|(t, _)| *t))
        .collect();
    for candidate in candidates.iter().filter(|c| c.starts_with("arn:")) {
        let best = arn_types
            .iter()
            .filter_map(|t| templates.get(*t).map(|template| (*t, template)))
            .filter(|(_, template)| arn::matches(template, candidate))
            .max_by_key(|(_, template)| arn::specificity(template));
        if let Some((resource_type, _)) = best {
            built.insert(resource_type);
            if !out.contains(candidate) {
                out.push(candidate.clone());
            }
        }
    }

    // Templates filled from the members.
    let mut first_missing: BTreeMap<&str, String> = BTreeMap::new();
    for (resource_type, explicit) in &to_fill {
        let template = templates
            .get(*resource_type)
            .ok_or_else(|| unknown(&rule.action, request.operation))?;
        let mut values: Vec<(&str, Vec<String>)> = Vec::new();
        for variable in arn::variables(template) {
            let found = variable_values(request, resource_type, variable, *explicit, element)
                .map_err(broken)?;
            if found.is_empty() {
                let member = explicit
                    .and_then(|vars| vars.get(variable))
                    .or_else(|| alias_sources(request.aliases, resource_type, variable)?.first())
                    .cloned()
                    .unwrap_or_else(|| variable.to_owned());
                first_missing.entry(resource_type).or_insert(member);
                values.clear();
                break;
            }
            values.push((variable, found));
        }
        if values.is_empty() {
            continue;
        }
        for filled in product(template, &values) {
            built.insert(resource_type);
            if !out.contains(&filled) {
                out.push(filled);
            }
        }
    }

    let required: Vec<&str> = action
        .resources
        .iter()
        .filter(|(_, required)| *required != 0)
        .map(|(t, _)| t.as_str())
        .collect();
    if let ([only], None) = (required.as_slice(), &rule.resources) {
        if !built.contains(only) {
            let member = first_missing.get(only).map_or(*only, String::as_str);
            return Err(missing(member));
        }
    }
    if out.is_empty() {
        // Name what the simplest of the types lacks (`Key` for an object, not what an access
        // point object would need).
        let member = to_fill
            .iter()
            .filter_map(|(t, _)| Some((templates.get(*t)?, first_missing.get(t)?)))
            .min_by_key(|(template, _)| arn::variables(template).len())
            .map_or("a resource name", |(_, member)| member.as_str());
        return Err(missing(member));
    }
    Ok(out)
}

/// Every combination of the variables' values, filled into `template`.
fn product(template: &str, values: &[(&str, Vec<String>)]) -> Vec<String> {
    let mut combinations: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    for (variable, options) in values {
        combinations = combinations
            .into_iter()
            .flat_map(|chosen| {
                options.iter().map(move |option| {
                    let mut next = chosen.clone();
                    next.push((*variable, option.as_str()));
                    next
                })
            })
            .collect();
    }
    combinations
        .into_iter()
        .filter_map(|chosen| {
            arn::fill(template, |variable| {
                chosen
                    .iter()
                    .find(|(name, _)| *name == variable)
                    .map(|(_, value)| (*value).to_owned())
            })
        })
        .collect()
}

/// The values of ARN variable `variable`: the scope's for `Partition`/`Region`/`Account`; else
/// the rule's path, the service's aliases, or the member of that name (`BucketName` also from
/// `Bucket`). ARNs and empty texts name no variable.
fn variable_values(
    request: &Request<'_>,
    resource_type: &str,
    variable: &str,
    explicit: Option<&BTreeMap<String, String>>,
    element: Option<Element<'_>>,
) -> Result<Vec<String>, PathError> {
    let scope = match variable {
        "Partition" => Some(request.scope.partition),
        "Region" => Some(request.scope.region),
        "Account" => Some(request.scope.account),
        _ => None,
    };
    if let Some(value) = scope {
        // A member may name another account's (or Region's) resource: an SQS queue URL does.
        let named = match explicit.and_then(|vars| vars.get(variable)) {
            Some(source) => path::texts(source, request.input, element)?,
            None => match alias_sources(request.aliases, resource_type, variable) {
                Some(sources) => first_found(sources, request.input, element)?,
                None => Vec::new(),
            },
        };
        if !named.is_empty() {
            return Ok(named);
        }
        return Ok(if value.is_empty() {
            Vec::new()
        } else {
            vec![value.to_owned()]
        });
    }
    let usable = |texts: Vec<String>| -> Vec<String> {
        texts
            .into_iter()
            .filter(|t| !t.is_empty() && !t.starts_with("arn:"))
            .collect()
    };
    if let Some(source) = explicit.and_then(|vars| vars.get(variable)) {
        return Ok(usable(path::texts(source, request.input, element)?));
    }
    if let Some(sources) = alias_sources(request.aliases, resource_type, variable) {
        for source in sources {
            let found = usable(path::texts(source, request.input, element)?);
            if !found.is_empty() {
                return Ok(found);
            }
        }
        return Ok(Vec::new());
    }
    let Value::Structure(members) = request.input else {
        return Ok(Vec::new());
    };
    let stem = variable.strip_suffix("Name");
    for (name, _) in members {
        if name.eq_ignore_ascii_case(variable) || stem.is_some_and(|s| name.eq_ignore_ascii_case(s))
        {
            return Ok(usable(path::texts(name, request.input, None)?));
        }
    }
    Ok(Vec::new())
}

fn first_found(
    sources: &[String],
    input: &Value,
    element: Option<Element<'_>>,
) -> Result<Vec<String>, PathError> {
    for source in sources {
        let found: Vec<String> = path::texts(source, input, element)?
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        if !found.is_empty() {
            return Ok(found);
        }
    }
    Ok(Vec::new())
}

fn top_level_texts(input: &Value) -> Vec<String> {
    match input {
        Value::Structure(members) => members
            .iter()
            .filter_map(|(_, value)| value.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// The action's own condition keys that a top-level member gives, matched by member name or
/// wire name (`s3:prefix` ← `Prefix`/`prefix`, `s3:x-amz-acl` ← `ACL`/`x-amz-acl`,
/// `dynamodb:Select` ← `Select`, `aws:TagKeys` ← `TagKeys` of an untagging call), after the
/// request's tags. Other keys with a parameter are the override data's
/// (`kms:EncryptionContext:<key>`) or not set (`s3:ExistingObjectTag/<key>`, which only S3 knows).
fn general_context(request: &Request<'_>, action: &SarAction) -> BTreeMap<String, Vec<String>> {
    let mut context = BTreeMap::new();
    let shape = request
        .model
        .operation(request.operation)
        .and_then(|op| op.input.as_ref())
        .and_then(|input| request.model.shape(&input.shape));
    let Some(shape) = shape else {
        return context;
    };
    tag_context(request.input, action, &mut context);
    for key in &action.conditions {
        let Some((_, name)) = key.split_once(':') else {
            continue;
        };
        if name.contains(['/', '<', '$', ':']) {
            continue;
        }
        let member = shape.members.iter().find(|(member_name, member)| {
            member_name.eq_ignore_ascii_case(name)
                || member
                    .location_name
                    .as_deref()
                    .is_some_and(|wire| wire.eq_ignore_ascii_case(name))
        });
        if let Some((member_name, _)) = member {
            let values = path::texts(member_name, request.input, None).unwrap_or_default();
            if !values.is_empty() {
                context.insert(key.clone(), values);
            }
        }
    }
    context
}

/// The tags a request sets, as `(key, value)`: a `Tags`/`tags`/`TagList` map or list of
/// `{Key|TagKey, Value|TagValue}`, or S3's `Tagging` (`k=v&k2=v2` header, or a `TagSet`).
fn request_tags(input: &Value) -> Option<Vec<(String, String)>> {
    let Value::Structure(members) = input else {
        return None;
    };
    let field = |item: &Value, names: &[&str]| -> Option<String> {
        names
            .iter()
            .find_map(|name| item.get(name))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let from_list = |items: &[Value]| -> Vec<(String, String)> {
        items
            .iter()
            .filter_map(|item| {
                let key = field(item, &["Key", "TagKey", "key"])?;
                Some((
                    key,
                    field(item, &["Value", "TagValue", "value"]).unwrap_or_default(),
                ))
            })
            .collect()
    };
    for (name, value) in members {
        let lower = name.to_ascii_lowercase();
        let tags = match (lower.as_str(), value) {
            ("tags" | "taglist", Value::Map(entries)) => entries
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                .collect(),
            ("tags" | "taglist", Value::List(items)) => from_list(items),
            ("tagging", Value::String(query)) => form_urlencoded_pairs(query),
            ("tagging", tagging @ Value::Structure(_)) => from_list(
                tagging
                    .get("TagSet")
                    .and_then(Value::as_list)
                    .unwrap_or_default(),
            ),
            _ => continue,
        };
        return Some(tags);
    }
    None
}

fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// `aws:RequestTag/<key>` and `aws:TagKeys` (or S3's `s3:RequestObjectTag/<key>` and
/// `s3:RequestObjectTagKeys`) from the request's tags, for actions that take them.
fn tag_context(input: &Value, action: &SarAction, context: &mut BTreeMap<String, Vec<String>>) {
    let forms = [
        ("aws:RequestTag/${TagKey}", "aws:RequestTag/", "aws:TagKeys"),
        (
            "s3:RequestObjectTag/<key>",
            "s3:RequestObjectTag/",
            "s3:RequestObjectTagKeys",
        ),
    ];
    let supported: Vec<_> = forms
        .iter()
        .filter(|(listed, _, keys)| action.conditions.iter().any(|c| c == listed || c == keys))
        .collect();
    if supported.is_empty() {
        return;
    }
    let Some(tags) = request_tags(input) else {
        return;
    };
    for (listed, prefix, keys_key) in supported {
        if action.conditions.iter().any(|c| c == listed) {
            for (key, value) in &tags {
                context.insert(format!("{prefix}{key}"), vec![value.clone()]);
            }
        }
        if action.conditions.iter().any(|c| c == keys_key) {
            let keys: Vec<String> = tags.iter().map(|(key, _)| key.clone()).collect();
            context.insert((*keys_key).to_owned(), keys);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_operation_names() {
        assert_eq!(
            general_action_name("CreateDistribution2020_05_31"),
            "CreateDistribution"
        );
        assert_eq!(
            general_action_name("ListDistributions"),
            "ListDistributions"
        );
        assert_eq!(general_action_name("2020_05_31"), "2020_05_31");
    }

    #[test]
    fn the_override_data_is_well_formed() {
        let data: Overrides = serde_json::from_str(OVERRIDES).unwrap();
        for (signing_name, prefix) in &data.prefixes {
            assert!(
                sar::known_prefix(prefix).is_some(),
                "{signing_name} → {prefix}"
            );
        }
        for (model, overrides) in &data.models {
            for (operation, rules) in &overrides.operations {
                assert!(!rules.is_empty(), "{model} {operation}");
                for rule in rules {
                    let (prefix, name) = rule.action.split_once(':').unwrap();
                    let action = sar::action(prefix, name).unwrap_or_else(|| {
                        panic!("{model} {operation}: {} is no action", rule.action)
                    });
                    let templates = &sar::service(prefix).unwrap().resource_types;
                    for resource_type in rule.resources.iter().flat_map(|r| r.keys()) {
                        let template = templates.get(resource_type).unwrap_or_else(|| {
                            panic!("{model} {operation}: no resource type {resource_type}")
                        });
                        for variable in rule
                            .resources
                            .iter()
                            .flat_map(|r| r.get(resource_type))
                            .flat_map(|v| v.keys())
                        {
                            assert!(
                                arn::variables(template).contains(&variable.as_str()),
                                "{model} {operation}: {resource_type} has no ${{{variable}}}"
                            );
                        }
                    }
                    for key in rule.context.keys() {
                        let listed = match key.strip_suffix('*') {
                            Some(prefix) => action.conditions.iter().any(|c| c.starts_with(prefix)),
                            None => action.lists_condition(key),
                        };
                        assert!(
                            listed,
                            "{model} {operation}: {} does not support {key}",
                            rule.action
                        );
                    }
                    assert!(
                        rule.arns.is_empty() || rule.resources.is_some(),
                        "{model} {operation}: arns only with explicit resources"
                    );
                }
            }
        }
    }
}
