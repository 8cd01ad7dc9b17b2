//! Evaluation latency: a typical principal (10 policies × 10 statements with conditions), a
//! large attachment (1,000 statements), and the same decision made by the `cedar-policy`
//! crate over an equivalent policy set.
//!
//! Policies are compiled once outside the measured loop, as the server does; the measured
//! work is one `evaluate` call for a request whose context is already built.

// Benchmark setup panics on broken fixtures and indexes constant tables.
#![allow(clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

use cedar_policy::{Authorizer, Context, Entities, EntityUid, Request as CedarRequest};
use criterion::{criterion_main, Criterion};
use keyward_policy::{
    evaluate, AuthorizationInputs, CompiledPolicy, ContextValue, Decision, PolicyId, PolicySet,
    Principal, Request,
};
use serde_json::{json, Value};

const SERVICES: [&str; 8] = [
    "s3", "ec2", "dynamodb", "sqs", "sns", "lambda", "kms", "logs",
];
const VERBS: [&str; 6] = [
    "GetObject",
    "PutObject",
    "DescribeThing",
    "ListThings",
    "DeleteThing",
    "TagResource",
];

/// A condition both engines can express.
#[derive(Clone)]
enum Condition {
    Equals(&'static str, &'static str),
    Like(&'static str, &'static str),
    Flag(&'static str, bool),
    LessThan(&'static str, i64),
}

/// One statement, described once and rendered for both engines.
#[derive(Clone)]
struct Spec {
    allow: bool,
    action: String,
    wildcard_action: bool,
    resource: String,
    conditions: Vec<Condition>,
}

fn iam_key(cedar_key: &str) -> &'static str {
    match cedar_key {
        "team" => "aws:PrincipalTag/team",
        "region" => "aws:RequestedRegion",
        "prefix" => "s3:prefix",
        "secure" => "aws:SecureTransport",
        _ => "s3:max-keys",
    }
}

fn specs(policies: usize, statements: usize) -> Vec<Vec<Spec>> {
    (0..policies)
        .map(|p| {
            (0..statements)
                .map(|s| {
                    let n = p * statements + s;
                    let service = SERVICES[n % SERVICES.len()];
                    let verb = VERBS[(n / SERVICES.len()) % VERBS.len()];
                    let wildcard_action = n % 7 == 3;
                    let action = if wildcard_action {
                        format!("{service}:{}*", &verb[..3])
                    } else {
                        format!(
                            "{service}:{verb}{}",
                            if n.is_multiple_of(5) { "" } else { "V2" }
                        )
                    };
                    let resource = if n.is_multiple_of(3) {
                        "*".to_owned()
                    } else {
                        format!("arn:aws:{service}:::res-{}/*", n % 4)
                    };
                    let conditions = match n % 4 {
                        0 => vec![Condition::Equals("team", "blue")],
                        1 => vec![
                            Condition::Equals("region", "us-east-1"),
                            Condition::Flag("secure", true),
                        ],
                        2 => vec![
                            Condition::Like("prefix", "home/*"),
                            Condition::LessThan("max_keys", 100),
                        ],
                        _ => vec![
                            Condition::Equals("team", "red"),
                            Condition::Like("prefix", "tmp/*"),
                        ],
                    };
                    Spec {
                        allow: s != statements - 1,
                        action,
                        wildcard_action,
                        resource,
                        conditions,
                    }
                })
                .collect()
        })
        .collect()
}

fn iam_statement(spec: &Spec) -> Value {
    let mut condition = serde_json::Map::new();
    for c in &spec.conditions {
        let (operator, key, value) = match c {
            Condition::Equals(k, v) => ("StringEquals", *k, json!(v)),
            Condition::Like(k, v) => ("StringLike", *k, json!(v)),
            Condition::Flag(k, v) => ("Bool", *k, json!(v.to_string())),
            Condition::LessThan(k, v) => ("NumericLessThan", *k, json!(v.to_string())),
        };
        let block = condition.entry(operator).or_insert_with(|| json!({}));
        if let Value::Object(block) = block {
            block.insert(iam_key(key).to_owned(), value);
        }
    }
    json!({
        "Effect": if spec.allow { "Allow" } else { "Deny" },
        "Action": spec.action,
        "Resource": spec.resource,
        "Condition": condition,
    })
}

fn iam_set(specs: &[Vec<Spec>]) -> PolicySet {
    PolicySet::from_policies(specs.iter().enumerate().map(|(i, statements)| {
        let document = json!({
            "Version": "2012-10-17",
            "Statement": statements.iter().map(iam_statement).collect::<Vec<_>>(),
        });
        CompiledPolicy::parse(PolicyId::new(format!("policy-{i}")), &document.to_string())
            .unwrap_or_else(|e| panic!("benchmark policy must parse: {e}"))
    }))
}

fn cedar_policy(spec: &Spec) -> String {
    let effect = if spec.allow { "permit" } else { "forbid" };
    let mut when = Vec::new();
    let scope = if spec.wildcard_action {
        when.push(format!(
            "context.action like \"{}\"",
            spec.action.to_lowercase()
        ));
        "action".to_owned()
    } else {
        format!("action == Action::\"{}\"", spec.action.to_lowercase())
    };
    if spec.resource != "*" {
        when.push(format!("context.resource like \"{}\"", spec.resource));
    }
    for c in &spec.conditions {
        when.push(match c {
            Condition::Equals(k, v) => format!("context.{k} == \"{v}\""),
            Condition::Like(k, v) => format!("context.{k} like \"{v}\""),
            Condition::Flag(k, v) => format!("context.{k} == {v}"),
            Condition::LessThan(k, v) => format!("context.{k} < {v}"),
        });
    }
    format!(
        "{effect}(principal, {scope}, resource) when {{ {} }};",
        when.join(" && ")
    )
}

fn cedar_set(specs: &[Vec<Spec>]) -> cedar_policy::PolicySet {
    let text: Vec<String> = specs.iter().flatten().map(cedar_policy).collect();
    text.join("\n")
        .parse()
        .unwrap_or_else(|e| panic!("benchmark Cedar policies must parse: {e}"))
}

struct Scenario {
    action: &'static str,
    resource: &'static str,
    team: &'static str,
    region: &'static str,
    prefix: &'static str,
    secure: bool,
    max_keys: i64,
}

const REQUEST: Scenario = Scenario {
    action: "s3:GetObject",
    resource: "arn:aws:s3:::res-1/reports/q1.csv",
    team: "blue",
    region: "us-east-1",
    prefix: "home/alice",
    secure: true,
    max_keys: 50,
};

fn iam_request(s: &Scenario) -> Request {
    let principal = Principal::user("arn:aws:iam::111122223333:user/alice")
        .unwrap_or_else(|e| panic!("benchmark principal: {e}"));
    Request::new(principal, s.action, s.resource)
        .with_principal_tag("team", s.team)
        .with_context_value("aws:RequestedRegion", ContextValue::single(s.region))
        .with_context_value("s3:prefix", ContextValue::single(s.prefix))
        .with_context_value(
            "aws:SecureTransport",
            ContextValue::single(s.secure.to_string()),
        )
        .with_context_value("s3:max-keys", ContextValue::single(s.max_keys.to_string()))
        .with_context_value(
            "aws:CurrentTime",
            ContextValue::single("2025-06-01T12:00:00Z"),
        )
        .with_context_value("aws:SourceIp", ContextValue::single("203.0.113.7"))
}

fn cedar_request(s: &Scenario) -> CedarRequest {
    let uid = |text: &str| -> EntityUid {
        text.parse()
            .unwrap_or_else(|e| panic!("entity uid {text}: {e}"))
    };
    let context = Context::from_json_value(
        json!({
            "action": s.action.to_lowercase(),
            "resource": s.resource,
            "team": s.team,
            "region": s.region,
            "prefix": s.prefix,
            "secure": s.secure,
            "max_keys": s.max_keys,
        }),
        None,
    )
    .unwrap_or_else(|e| panic!("cedar context: {e}"));
    CedarRequest::new(
        uid(r#"User::"alice""#),
        uid(&format!("Action::\"{}\"", s.action.to_lowercase())),
        uid(r#"Resource::"object""#),
        context,
        None,
    )
    .unwrap_or_else(|e| panic!("cedar request: {e}"))
}

fn benchmarks(c: &mut Criterion) {
    let request = iam_request(&REQUEST);

    let typical_specs = specs(10, 10);
    let typical = iam_set(&typical_specs);
    let typical_decision = evaluate(&AuthorizationInputs::new(&request, &typical)).decision();
    c.bench_function("typical_10x10", |b| {
        b.iter(|| {
            black_box(evaluate(black_box(&AuthorizationInputs::new(
                &request, &typical,
            ))))
            .decision()
        })
    });

    let scale = iam_set(&specs(10, 100));
    c.bench_function("scale_1000_statements", |b| {
        b.iter(|| {
            black_box(evaluate(black_box(&AuthorizationInputs::new(
                &request, &scale,
            ))))
            .decision()
        })
    });

    let cedar_policies = cedar_set(&typical_specs);
    let cedar_request = cedar_request(&REQUEST);
    let authorizer = Authorizer::new();
    let entities = Entities::empty();
    let cedar_decision = authorizer
        .is_authorized(&cedar_request, &cedar_policies, &entities)
        .decision();
    let agree = matches!(
        (typical_decision, cedar_decision),
        (Decision::Allowed, cedar_policy::Decision::Allow)
            | (
                Decision::ExplicitDeny | Decision::ImplicitDeny,
                cedar_policy::Decision::Deny
            )
    );
    assert!(
        agree,
        "engines disagree: keyward {typical_decision:?}, cedar {cedar_decision:?}"
    );
    c.bench_function("cedar_typical_10x10", |b| {
        b.iter(|| {
            black_box(authorizer.is_authorized(
                black_box(&cedar_request),
                black_box(&cedar_policies),
                &entities,
            ))
            .decision()
        })
    });
    c.bench_function("keyward_typical_10x10_same_run", |b| {
        b.iter(|| {
            black_box(evaluate(black_box(&AuthorizationInputs::new(
                &request, &typical,
            ))))
            .decision()
        })
    });
}

mod group {
    use super::benchmarks;
    criterion::criterion_group!(benches, benchmarks);
}

criterion_main!(group::benches);
