//! Least-privilege identity policies from what a principal did: the authorization decisions of
//! its audit records (the gateway's and Keyward's own IAM/STS records alike, in strict or learn
//! mode) become a policy that allows those requests and little more.
//!
//! - Actions are grouped by service; actions needing the same resources and conditions share
//!   a statement.
//! - Resources are generalized only as far as the records need: one S3 object stays its ARN;
//!   several keys under a common prefix become `bucket/prefix/*`; keys with no common prefix,
//!   or more than [`MANY_KEYS`], become `bucket/*`. Every other ARN is kept as recorded.
//! - A service condition key every request of an action carried, with few distinct values,
//!   narrows the action's statement (`StringEquals`, or `ForAllValues:StringEquals` for a
//!   multivalued key such as `dynamodb:LeadingKeys` or one a request carried several values of).
//! - Dependent actions AWS checks as well are added: `iam:PassRole` on the roles the requests
//!   passed, and the other dependent actions the caller's table names, on `*`.
//!
//! The output is deterministic: statements sorted by service and action, values sorted.
//!
//! ```
//! use keyward_policy::generate::{generate, Observation};
//!
//! let seen = |resource: &str| Observation {
//!     action: "s3:GetObject".to_owned(),
//!     resource: resource.to_owned(),
//!     ..Observation::default()
//! };
//! let policy = generate(&[seen("arn:aws:s3:::b/logs/1"), seen("arn:aws:s3:::b/logs/2")], &|_| vec![]);
//! assert_eq!(policy["Statement"][0]["Resource"], "arn:aws:s3:::b/logs/*");
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use crate::{
    evaluate, AccountId, AuthorizationInputs, CompiledPolicy, ContextValue, PolicyId, PolicySet,
    Principal, Request,
};

/// More distinct keys than this in one bucket are generalized to `bucket/*`.
pub const MANY_KEYS: usize = 10;

/// More distinct values than this and a condition key no longer narrows usefully.
const MANY_VALUES: usize = 10;

/// Condition keys that describe how a request was signed or sent rather than what it acts on:
/// they never narrow a least-privilege policy.
const TRANSPORT_KEYS: &[&str] = &[
    "s3:authType",
    "s3:signatureAge",
    "s3:signatureversion",
    "s3:TlsVersion",
    "s3:x-amz-content-sha256",
    "aws:TagKeys",
];

/// What a statement grants an action: its resources and its condition block.
type Grant = (Vec<String>, Map<String, Value>);

/// Statements are keyed by service, resources and conditions.
type StatementKey = (String, String, String);

/// One action a principal needed on one resource, as an audit record shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observation {
    /// `s3:GetObject`.
    pub action: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// The service condition keys the request carried.
    pub condition_keys: BTreeMap<String, Vec<String>>,
    /// Role ARNs the request passed (for `iam:PassRole`).
    pub passed_roles: Vec<String>,
}

/// Whether `record` was made by `principal`: its own ARN, or, for a role ARN, any of the
/// role's sessions.
fn made_by(record: &Value, principal: &str) -> bool {
    let text = |pointer: &str| record.pointer(pointer).and_then(Value::as_str);
    if text("/userIdentity/arn") == Some(principal) {
        return true;
    }
    principal.contains(":role/")
        && text("/userIdentity/sessionContext/sessionIssuer/arn") == Some(principal)
        && text("/userIdentity/type") == Some("AssumedRole")
}

/// Every string in `value` (recursively) that is an IAM role ARN.
fn role_arns(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) => {
            let is_role = text.starts_with("arn:")
                && text.split(':').nth(2) == Some("iam")
                && text
                    .split(':')
                    .nth(5)
                    .is_some_and(|rest| rest.starts_with("role/"));
            if is_role {
                found.insert(text.clone());
            }
        }
        Value::Array(items) => items.iter().for_each(|item| role_arns(item, found)),
        Value::Object(fields) => fields.values().for_each(|item| role_arns(item, found)),
        _ => {}
    }
}

/// The observations of `principal`'s records at or after `since` (an `eventTime`, RFC 3339 in
/// UTC as the audit log writes it): one per authorization decision, allowed or denied, except
/// decisions on actions that need no permission.
pub fn observations(records: &[Value], principal: &str, since: Option<&str>) -> Vec<Observation> {
    let mut seen = Vec::new();
    for record in records {
        if !made_by(record, principal) {
            continue;
        }
        if let (Some(since), Some(time)) = (since, record.get("eventTime").and_then(Value::as_str))
        {
            if time < since {
                continue;
            }
        }
        let Some(decisions) = record
            .pointer("/additionalEventData/authorizations")
            .and_then(Value::as_array)
        else {
            continue;
        };
        let mut passed = BTreeSet::new();
        if let Some(parameters) = record.get("requestParameters") {
            role_arns(parameters, &mut passed);
        }
        for decision in decisions {
            let field = |name: &str| decision.get(name).and_then(Value::as_str);
            let (Some(action), Some(resource)) = (field("action"), field("resource")) else {
                continue;
            };
            let free =
                field("reason").is_some_and(|reason| reason.ends_with("requires no permission"));
            if free {
                continue;
            }
            let condition_keys = decision
                .get("conditionKeys")
                .and_then(Value::as_object)
                .map(|keys| {
                    keys.iter()
                        .map(|(key, values)| {
                            let values = values
                                .as_array()
                                .map(|list| {
                                    list.iter()
                                        .filter_map(|v| v.as_str().map(str::to_owned))
                                        .collect()
                                })
                                .unwrap_or_default();
                            (key.clone(), values)
                        })
                        .collect()
                })
                .unwrap_or_default();
            seen.push(Observation {
                action: action.to_owned(),
                resource: resource.to_owned(),
                condition_keys,
                passed_roles: passed.iter().cloned().collect(),
            });
        }
    }
    seen
}

/// The S3 object ARN's bucket ARN and key (`arn:aws:s3:::b/k` → `arn:aws:s3:::b`, `k`).
fn s3_object(arn: &str) -> Option<(&str, &str)> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(_partition), Some("s3"), Some(""), Some(""), Some(rest)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let slash = rest.find('/')?;
    let bucket_end = arn.len() - rest.len() + slash;
    Some((arn.get(..bucket_end)?, rest.get(slash + 1..)?))
}

/// The longest common prefix of `keys`, cut after its last `/`.
fn common_folder(keys: &BTreeSet<&str>) -> String {
    let mut iter = keys.iter();
    let Some(first) = iter.next() else {
        return String::new();
    };
    let mut prefix: &str = first;
    for key in iter {
        let shared = prefix
            .char_indices()
            .zip(key.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, c), _)| i + c.len_utf8());
        prefix = prefix.get(..shared).unwrap_or_default();
    }
    prefix
        .rfind('/')
        .and_then(|end| prefix.get(..=end))
        .unwrap_or_default()
        .to_owned()
}

/// The resources of one action, generalized only as far as the recorded ones need.
pub fn generalize<'a>(resources: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut kept = BTreeSet::new();
    let mut objects: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for arn in resources {
        match s3_object(arn) {
            Some((bucket, key)) => {
                objects.entry(bucket).or_default().insert(key);
            }
            None => {
                kept.insert(arn.to_owned());
            }
        }
    }
    if kept.contains("*") {
        return vec!["*".to_owned()];
    }
    for (bucket, keys) in objects {
        match keys.len() {
            1 => kept.extend(keys.iter().map(|key| format!("{bucket}/{key}"))),
            n if n > MANY_KEYS => {
                kept.insert(format!("{bucket}/*"));
            }
            _ => {
                kept.insert(format!("{bucket}/{}*", common_folder(&keys)));
            }
        }
    }
    kept.into_iter().collect()
}

/// The condition block narrowing an action, from the keys every one of its requests carried.
fn conditions(seen: &[&Observation]) -> Map<String, Value> {
    let mut block: BTreeMap<&'static str, Map<String, Value>> = BTreeMap::new();
    let Some(first) = seen.first() else {
        return Map::new();
    };
    for key in first.condition_keys.keys() {
        if TRANSPORT_KEYS.contains(&key.as_str()) {
            continue;
        }
        let mut values = BTreeSet::new();
        let mut multivalued = false;
        let mut always = true;
        for observation in seen {
            match observation.condition_keys.get(key) {
                Some(carried) if !carried.is_empty() => {
                    multivalued |= carried.len() > 1;
                    values.extend(carried.iter().cloned());
                }
                _ => always = false,
            }
        }
        let numeric = values.iter().all(|v| v.parse::<f64>().is_ok());
        if !always || numeric || values.len() > MANY_VALUES {
            continue;
        }
        let operator = if multivalued || crate::is_multivalued_key(key) {
            "ForAllValues:StringEquals"
        } else {
            "StringEquals"
        };
        let values: Vec<Value> = values.into_iter().map(Value::String).collect();
        let value = match values.as_slice() {
            [one] => one.clone(),
            _ => Value::Array(values),
        };
        block
            .entry(operator)
            .or_default()
            .insert(key.clone(), value);
    }
    block
        .into_iter()
        .map(|(operator, keys)| (operator.to_owned(), Value::Object(keys)))
        .collect()
}

/// One value or a sorted list, as IAM policies write them.
fn one_or_many(items: &[String]) -> Value {
    match items {
        [one] => Value::String(one.clone()),
        _ => Value::Array(items.iter().cloned().map(Value::String).collect()),
    }
}

/// A statement id from a service prefix: its letters and digits, first letter upper-case.
fn sid_prefix(service: &str) -> String {
    let mut chars = service.chars().filter(char::is_ascii_alphanumeric);
    chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect()
}

/// The least-privilege identity policy (`Version` 2012-10-17) allowing every observed request.
/// `dependents` names the actions AWS also checks for an action (the Service Authorization
/// Reference's dependent actions); `iam:PassRole` among them is granted on the roles the
/// requests passed, and only when they passed one.
pub fn generate(seen: &[Observation], dependents: &dyn Fn(&str) -> Vec<String>) -> Value {
    let mut by_action: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
    for observation in seen {
        by_action
            .entry(observation.action.as_str())
            .or_default()
            .push(observation);
    }
    let mut grants: BTreeMap<String, Grant> = BTreeMap::new();
    let mut passed_roles: BTreeSet<String> = BTreeSet::new();
    let mut extra: BTreeSet<String> = BTreeSet::new();
    for (action, observed) in &by_action {
        let resources = generalize(observed.iter().map(|o| o.resource.as_str()));
        grants.insert((*action).to_owned(), (resources, conditions(observed)));
        for dependent in dependents(action) {
            if dependent.eq_ignore_ascii_case("iam:PassRole") {
                passed_roles.extend(observed.iter().flat_map(|o| o.passed_roles.iter().cloned()));
            } else if !by_action.contains_key(dependent.as_str()) {
                extra.insert(dependent);
            }
        }
    }
    if !passed_roles.is_empty() {
        let entry = grants
            .entry("iam:PassRole".to_owned())
            .or_insert_with(|| (Vec::new(), Map::new()));
        let mut roles: BTreeSet<String> = entry.0.iter().cloned().collect();
        roles.extend(passed_roles);
        entry.0 = generalize(roles.iter().map(String::as_str));
    }
    for action in extra {
        grants
            .entry(action)
            .or_insert_with(|| (vec!["*".to_owned()], Map::new()));
    }

    // Statements: per service, actions sharing resources and conditions together.
    let mut statements: BTreeMap<StatementKey, Vec<String>> = BTreeMap::new();
    let mut shapes: BTreeMap<StatementKey, Grant> = BTreeMap::new();
    for (action, (resources, condition)) in grants {
        let service = action
            .split_once(':')
            .map_or(action.as_str(), |(service, _)| service)
            .to_ascii_lowercase();
        let key = (
            service,
            resources.join("\n"),
            Value::Object(condition.clone()).to_string(),
        );
        statements.entry(key.clone()).or_default().push(action);
        shapes.entry(key).or_insert((resources, condition));
    }
    let mut ordered: Vec<(String, Vec<String>, Grant)> = statements
        .into_iter()
        .filter_map(|(key, mut actions)| {
            let grant = shapes.get(&key)?.clone();
            actions.sort();
            Some((key.0, actions, grant))
        })
        .collect();
    ordered.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut counters: BTreeMap<String, usize> = BTreeMap::new();
    let statements: Vec<Value> = ordered
        .into_iter()
        .map(|(service, actions, (resources, condition))| {
            let n = counters.entry(service.clone()).or_insert(0);
            *n += 1;
            let mut statement = json!({
                "Sid": format!("{}{n}", sid_prefix(&service)),
                "Effect": "Allow",
                "Action": one_or_many(&actions),
                "Resource": one_or_many(&resources),
            });
            if let (Some(fields), false) = (statement.as_object_mut(), condition.is_empty()) {
                fields.insert("Condition".to_owned(), Value::Object(condition));
            }
            statement
        })
        .collect();
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// The observations `policy` does not allow, decided by the policy engine as an identity
/// policy of a user in the resources' account with each request's condition keys: empty for a
/// policy [`generate`] made from them, which `keyward policy generate` checks before printing.
pub fn not_allowed<'a>(policy: &Value, seen: &'a [Observation]) -> Vec<&'a Observation> {
    let Ok(compiled) = CompiledPolicy::parse(PolicyId::new("generated"), &policy.to_string())
    else {
        return seen.iter().collect();
    };
    let identity = PolicySet::from_policies([compiled]);
    let account = |arn: &str| {
        arn.split(':')
            .nth(4)
            .and_then(|account| AccountId::parse(account).ok())
            .map_or_else(|| "123456789012".to_owned(), |a| a.as_str().to_owned())
    };
    seen.iter()
        .filter(|observation| {
            let user = format!(
                "arn:aws:iam::{}:user/policy-generate",
                account(&observation.resource)
            );
            let Ok(principal) = Principal::user(&user) else {
                return true;
            };
            let mut request = Request::new(principal, &observation.action, &observation.resource);
            for (key, values) in &observation.condition_keys {
                request
                    .context_mut()
                    .insert(key, ContextValue::of_key(key, values.clone()));
            }
            !evaluate(&AuthorizationInputs::new(&request, &identity)).is_allowed()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(action: &str, resource: &str) -> Observation {
        Observation {
            action: action.to_owned(),
            resource: resource.to_owned(),
            ..Observation::default()
        }
    }

    fn none(_: &str) -> Vec<String> {
        Vec::new()
    }

    #[test]
    fn objects_generalize_only_as_far_as_needed() {
        assert_eq!(
            generalize(["arn:aws:s3:::b/one.txt"]),
            ["arn:aws:s3:::b/one.txt"]
        );
        assert_eq!(
            generalize(["arn:aws:s3:::b/logs/2026/a", "arn:aws:s3:::b/logs/2025/b"]),
            ["arn:aws:s3:::b/logs/*"]
        );
        assert_eq!(
            generalize(["arn:aws:s3:::b/a.txt", "arn:aws:s3:::b/b.txt"]),
            ["arn:aws:s3:::b/*"]
        );
        let many: Vec<String> = (0..=MANY_KEYS)
            .map(|i| format!("arn:aws:s3:::b/x/{i}"))
            .collect();
        assert_eq!(
            generalize(many.iter().map(String::as_str)),
            ["arn:aws:s3:::b/*"]
        );
        assert_eq!(
            generalize([
                "arn:aws:s3:::b",
                "arn:aws:s3:::c/k",
                "arn:aws:sqs:us-east-1:1:q"
            ]),
            [
                "arn:aws:s3:::b",
                "arn:aws:s3:::c/k",
                "arn:aws:sqs:us-east-1:1:q"
            ]
        );
        assert_eq!(generalize(["*", "arn:aws:s3:::b"]), ["*"]);
        assert_eq!(
            generalize(["arn:aws:s3:::b/é/1", "arn:aws:s3:::b/é/2"]),
            ["arn:aws:s3:::b/é/*"]
        );
    }

    #[test]
    fn actions_are_grouped_by_service_and_resources_in_a_stable_order() {
        let observed = [
            seen("sqs:SendMessage", "arn:aws:sqs:us-east-1:1:q"),
            seen("s3:PutObject", "arn:aws:s3:::b/k"),
            seen("s3:GetObject", "arn:aws:s3:::b/k"),
            seen("sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:1:q"),
            seen("s3:ListAllMyBuckets", "*"),
            seen("s3:GetObject", "arn:aws:s3:::b/k"),
        ];
        let policy = generate(&observed, &none);
        assert!(not_allowed(&policy, &observed).is_empty());
        assert_eq!(
            not_allowed(&policy, &[seen("s3:GetObject", "arn:aws:s3:::b/other")]).len(),
            1
        );
        let mut reversed = observed.clone();
        reversed.reverse();
        assert_eq!(policy, generate(&reversed, &none));
        assert_eq!(
            policy,
            json!({"Version": "2012-10-17", "Statement": [
                {"Sid": "S31", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                 "Resource": "arn:aws:s3:::b/k"},
                {"Sid": "S32", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"},
                {"Sid": "Sqs1", "Effect": "Allow",
                 "Action": ["sqs:ReceiveMessage", "sqs:SendMessage"],
                 "Resource": "arn:aws:sqs:us-east-1:1:q"},
            ]})
        );
    }

    #[test]
    fn keys_every_request_carried_narrow_the_statement() {
        let with = |prefix: Option<&str>, leading: &[&str]| {
            let mut o = seen("s3:ListBucket", "arn:aws:s3:::b");
            if let Some(prefix) = prefix {
                o.condition_keys
                    .insert("s3:prefix".to_owned(), vec![prefix.to_owned()]);
            }
            o.condition_keys.insert(
                "dynamodb:LeadingKeys".to_owned(),
                leading.iter().map(|s| (*s).to_owned()).collect(),
            );
            o.condition_keys
                .insert("s3:max-keys".to_owned(), vec!["1000".to_owned()]);
            o.condition_keys.insert(
                "s3:signatureversion".to_owned(),
                vec!["AWS4-HMAC-SHA256".to_owned()],
            );
            o
        };
        let observed = [with(Some("a/"), &["u1"]), with(Some("b/"), &["u1", "u2"])];
        let policy = generate(&observed, &none);
        assert!(not_allowed(&policy, &observed).is_empty());
        assert_eq!(not_allowed(&policy, &[with(Some("c/"), &["u1"])]).len(), 1);
        assert_eq!(
            policy["Statement"][0]["Condition"],
            json!({
                "ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["u1", "u2"]},
                "StringEquals": {"s3:prefix": ["a/", "b/"]},
            })
        );
        // A key one request lacked narrows nothing.
        let policy = generate(&[with(Some("a/"), &["u1"]), with(None, &["u1"])], &none);
        assert_eq!(
            policy["Statement"][0]["Condition"],
            json!({"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": "u1"}})
        );
    }

    #[test]
    fn pass_role_is_granted_on_the_roles_passed() {
        let mut create = seen(
            "lambda:CreateFunction",
            "arn:aws:lambda:us-east-1:1:function:f",
        );
        create.passed_roles = vec!["arn:aws:iam::1:role/exec".to_owned()];
        let dependents = |action: &str| -> Vec<String> {
            match action {
                "lambda:CreateFunction" => vec!["iam:PassRole".to_owned()],
                "kms:CreateGrant" => vec!["kms:DescribeKey".to_owned()],
                _ => Vec::new(),
            }
        };
        let policy = generate(
            &[
                create,
                seen("kms:CreateGrant", "arn:aws:kms:us-east-1:1:key/k"),
            ],
            &dependents,
        );
        let statements = policy["Statement"].as_array().unwrap();
        assert!(
            statements.contains(&json!({"Sid": "Iam1", "Effect": "Allow",
            "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/exec"}))
        );
        assert!(
            statements.contains(&json!({"Sid": "Kms2", "Effect": "Allow",
            "Action": "kms:DescribeKey", "Resource": "*"}))
        );
        // No role passed, no PassRole.
        let policy = generate(
            &[seen(
                "lambda:CreateFunction",
                "arn:aws:lambda:us-east-1:1:function:f",
            )],
            &dependents,
        );
        assert!(!policy.to_string().contains("PassRole"));
    }

    #[test]
    fn records_of_the_principal_and_its_role_sessions_count() {
        let user = "arn:aws:iam::1:user/alice";
        let role = "arn:aws:iam::1:role/app";
        let record = |arn: &str, issuer: Option<&str>, time: &str, action: &str| {
            json!({
                "eventTime": time,
                "userIdentity": {
                    "type": if issuer.is_some() { "AssumedRole" } else { "IAMUser" },
                    "arn": arn,
                    "sessionContext": {"sessionIssuer": {"arn": issuer}},
                },
                "requestParameters": {"Role": "arn:aws:iam::1:role/exec", "Other": "x"},
                "additionalEventData": {"authorizations": [
                    {"action": action, "resource": "*", "decision": "Deny",
                     "conditionKeys": {"s3:prefix": ["p/"]}},
                    {"action": "sts:GetCallerIdentity", "resource": "*", "decision": "Allow",
                     "reason": "allowed: sts:GetCallerIdentity requires no permission"},
                ]},
            })
        };
        let records = [
            record(user, None, "2026-01-01T00:00:00Z", "s3:ListAllMyBuckets"),
            record(user, None, "2026-02-01T00:00:00Z", "sqs:ListQueues"),
            record(
                "arn:aws:sts::1:assumed-role/app/s1",
                Some(role),
                "2026-02-01T00:00:00Z",
                "kms:ListKeys",
            ),
            record(
                "arn:aws:iam::1:user/bob",
                None,
                "2026-02-01T00:00:00Z",
                "iam:ListUsers",
            ),
        ];
        let mine = observations(&records, user, None);
        assert_eq!(
            mine.iter().map(|o| o.action.as_str()).collect::<Vec<_>>(),
            ["s3:ListAllMyBuckets", "sqs:ListQueues"]
        );
        assert_eq!(mine[0].passed_roles, ["arn:aws:iam::1:role/exec"]);
        assert_eq!(mine[0].condition_keys["s3:prefix"], ["p/"]);
        let recent = observations(&records, user, Some("2026-01-15T00:00:00Z"));
        assert_eq!(recent.len(), 1);
        let sessions = observations(&records, role, None);
        assert_eq!(sessions.len(), 1);
        assert_eq!(sessions[0].action, "kms:ListKeys");
    }
}
