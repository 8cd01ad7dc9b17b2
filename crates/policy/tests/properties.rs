//! Property tests over generated policies and requests:
//! - adding a Deny statement never turns a denied request into an allowed one;
//! - adding an Allow statement never turns an allowed request into a denied one;
//! - statement order and policy order never change the decision or the matched statements;
//! - parsing and validation never panic, whatever the input;
//! - a single-valued operator on a multivalued request value never lets an `Allow` grant;
//! - a statement with an unresolvable policy variable never applies, `Allow` or `Deny`.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

use keyward_policy::{
    evaluate, validate, AuthorizationInputs, CompiledPolicy, ContextValue, Decision,
    PolicyDocument, PolicyId, PolicyKind, PolicySet, Principal, Request,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const ACCOUNT: &str = "111122223333";

fn action() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "s3:GetObject",
        "s3:PutObject",
        "s3:Get*",
        "s3:*",
        "*",
        "ec2:RunInstances",
        "ec2:Describe?nstances",
        "iam:*",
    ])
}

fn request_action() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "s3:GetObject",
        "s3:PutObject",
        "ec2:RunInstances",
        "ec2:DescribeInstances",
        "iam:CreateUser",
    ])
}

fn resource() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "*",
        "arn:aws:s3:::bucket/*",
        "arn:aws:s3:::bucket/key",
        "arn:aws:s3:::other/*",
        "arn:aws:ec2:*:111122223333:instance/*",
        "arn:aws:s3:::bucket/${aws:username}/*",
    ])
}

fn request_resource() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "arn:aws:s3:::bucket/key",
        "arn:aws:s3:::bucket/alice/notes",
        "arn:aws:s3:::other/x",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "*",
    ])
}

fn condition() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop::sample::select(vec![
        json!({"StringEquals": {"aws:PrincipalTag/team": "blue"}}),
        json!({"StringNotEquals": {"aws:PrincipalTag/team": ["blue", "green"]}}),
        json!({"StringLike": {"s3:prefix": "home/*"}}),
        json!({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}),
        json!({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}),
        json!({"NumericLessThan": {"s3:max-keys": "10"}}),
        json!({"Bool": {"aws:SecureTransport": "true"}}),
        json!({"Null": {"aws:TokenIssueTime": "true"}}),
        json!({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}),
        json!({"ForAnyValue:StringEquals": {"aws:TagKeys": "a"}}),
        json!({"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}),
        json!({"StringEqualsIfExists": {"aws:RequestedRegion": "us-east-1"}}),
        json!({"UnknownOperator": {"aws:RequestedRegion": "us-east-1"}}),
    ]))
}

fn principal_element() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        json!("*"),
        json!({"AWS": format!("arn:aws:iam::{ACCOUNT}:root")}),
        json!({"AWS": format!("arn:aws:iam::{ACCOUNT}:user/alice")}),
        json!({"AWS": format!("arn:aws:iam::{ACCOUNT}:role/Dev")}),
        json!({"AWS": format!("arn:aws:sts::{ACCOUNT}:assumed-role/Dev/s")}),
        json!({"AWS": "arn:aws:iam::444455556666:root"}),
    ])
}

/// One statement; `with_principal` for resource-based policies.
fn statement(effect: &'static str, with_principal: bool) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(action(), 1..3),
        prop::collection::vec(resource(), 1..3),
        any::<bool>(),
        any::<bool>(),
        condition(),
        principal_element(),
    )
        .prop_map(
            move |(actions, resources, not_action, not_resource, cond, principal)| {
                let mut s = serde_json::Map::new();
                s.insert("Effect".into(), json!(effect));
                s.insert(
                    if not_action { "NotAction" } else { "Action" }.into(),
                    json!(actions),
                );
                s.insert(
                    if not_resource {
                        "NotResource"
                    } else {
                        "Resource"
                    }
                    .into(),
                    json!(resources),
                );
                if let Some(cond) = cond {
                    s.insert("Condition".into(), cond);
                }
                if with_principal {
                    s.insert("Principal".into(), principal);
                }
                Value::Object(s)
            },
        )
}

fn any_statement(with_principal: bool) -> BoxedStrategy<Value> {
    prop_oneof![
        statement("Allow", with_principal),
        statement("Deny", with_principal)
    ]
    .boxed()
}

fn policies(with_principal: bool, max: usize) -> impl Strategy<Value = Vec<Vec<Value>>> {
    prop::collection::vec(
        prop::collection::vec(any_statement(with_principal), 1..4),
        0..max,
    )
}

/// A whole authorization scenario, with policies kept as statement lists so that tests can
/// add or reorder statements.
#[derive(Debug, Clone)]
struct Scenario {
    identity: Vec<Vec<Value>>,
    resource: Option<Vec<Value>>,
    boundary: Option<Vec<Value>>,
    session: Option<Vec<Vec<Value>>>,
    scp: Vec<Vec<Vec<Value>>>,
    principal: u8,
    action: &'static str,
    resource_arn: &'static str,
    cross_account: bool,
    context: Vec<(&'static str, ContextValue)>,
}

fn context() -> impl Strategy<Value = Vec<(&'static str, ContextValue)>> {
    let entries = vec![
        ("aws:PrincipalTag/team", ContextValue::single("blue")),
        ("aws:PrincipalTag/team", ContextValue::single("red")),
        ("s3:prefix", ContextValue::single("home/alice")),
        ("aws:SourceIp", ContextValue::single("10.1.2.3")),
        ("aws:SourceIp", ContextValue::single("192.0.2.1")),
        ("aws:SourceIp", ContextValue::single("not-an-ip")),
        ("s3:max-keys", ContextValue::single("5")),
        ("s3:max-keys", ContextValue::single("50")),
        ("aws:SecureTransport", ContextValue::single("true")),
        (
            "aws:TokenIssueTime",
            ContextValue::single("2024-01-01T00:00:00Z"),
        ),
        ("aws:TagKeys", ContextValue::multiple(["a"])),
        ("aws:TagKeys", ContextValue::multiple(["a", "c"])),
        (
            "aws:CurrentTime",
            ContextValue::single("2025-06-01T00:00:00Z"),
        ),
        ("aws:RequestedRegion", ContextValue::single("eu-west-1")),
    ];
    prop::sample::subsequence(entries, 0..6)
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        policies(false, 4),
        prop::option::of(prop::collection::vec(any_statement(true), 1..4)),
        prop::option::of(prop::collection::vec(any_statement(false), 1..3)),
        prop::option::of(policies(false, 3)),
        prop::collection::vec(policies(false, 2), 0..3),
        0u8..3,
        request_action(),
        request_resource(),
        any::<bool>(),
        context(),
    )
        .prop_map(
            |(
                identity,
                resource,
                boundary,
                session,
                scp,
                principal,
                action,
                resource_arn,
                cross_account,
                context,
            )| {
                Scenario {
                    identity,
                    resource,
                    boundary,
                    session,
                    scp,
                    principal,
                    action,
                    resource_arn,
                    cross_account,
                    context,
                }
            },
        )
}

fn compile(id: String, statements: &[Value]) -> CompiledPolicy {
    let text = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
    match PolicyDocument::parse(&text) {
        Ok(document) => CompiledPolicy::compile(PolicyId::new(id), &document),
        Err(e) => panic!("generated policy does not parse: {e}\n{text}"),
    }
}

/// Policies are named by their content so that reordering keeps names stable.
fn set(policies: &[Vec<Value>]) -> PolicySet {
    PolicySet::from_policies(
        policies
            .iter()
            .map(|statements| compile(Value::from(statements.clone()).to_string(), statements)),
    )
}

/// Decision plus the matched statements' kinds and contents, sorted, so that reordering can be
/// compared.
fn decide(s: &Scenario) -> (Decision, Vec<String>) {
    let principal = match s.principal {
        0 => Principal::user(&format!("arn:aws:iam::{ACCOUNT}:user/alice")),
        1 => Principal::assumed_role(
            &format!("arn:aws:sts::{ACCOUNT}:assumed-role/Dev/s"),
            &format!("arn:aws:iam::{ACCOUNT}:role/Dev"),
        ),
        _ => Principal::from_arn(&format!("arn:aws:sts::{ACCOUNT}:federated-user/bob")),
    }
    .unwrap_or(Principal::Anonymous);
    let mut request = Request::new(principal, s.action, s.resource_arn);
    for (key, value) in &s.context {
        request.context_mut().insert(key, value.clone());
    }
    let identity = set(&s.identity);
    let resource = s.resource.as_ref().map(|r| set(std::slice::from_ref(r)));
    let boundary = s.boundary.as_ref().map(|b| set(std::slice::from_ref(b)));
    let session = s.session.as_ref().map(|p| set(p));
    let scp: Vec<PolicySet> = s.scp.iter().map(|level| set(level)).collect();
    let other_account = keyward_policy::AccountId::parse("444455556666").ok();
    let mut inputs = AuthorizationInputs::new(&request, &identity);
    inputs.resource_policy = resource.as_ref();
    inputs.permissions_boundary = boundary.as_ref();
    inputs.session_policies = session.as_ref();
    inputs.service_control_policies = &scp;
    if s.cross_account {
        inputs.resource_account = other_account.as_ref();
    }
    let evaluation = evaluate(&inputs);
    let mut matched: Vec<String> = evaluation
        .matched_statements()
        .iter()
        .map(|m| {
            let statements: Value = serde_json::from_str(m.policy_id.as_str()).unwrap_or_default();
            format!("{:?}/{}", m.policy_kind, statements[m.index])
        })
        .collect();
    matched.sort();
    (evaluation.decision(), matched)
}

/// Where an extra statement goes.
#[derive(Debug, Clone, Copy)]
enum Target {
    NewIdentityPolicy,
    FirstIdentityPolicy,
    ResourcePolicy,
    Boundary,
    Session,
    Scp,
}

fn target() -> impl Strategy<Value = Target> {
    prop::sample::select(vec![
        Target::NewIdentityPolicy,
        Target::FirstIdentityPolicy,
        Target::ResourcePolicy,
        Target::Boundary,
        Target::Session,
        Target::Scp,
    ])
}

/// Adds a statement where it has its ordinary meaning: for Allow statements only to policy
/// kinds that are already present (a new boundary or session policy would itself restrict).
fn add(s: &Scenario, target: Target, statement: &Value, principal_statement: &Value) -> Scenario {
    let mut s = s.clone();
    match target {
        Target::NewIdentityPolicy => s.identity.push(vec![statement.clone()]),
        Target::FirstIdentityPolicy => match s.identity.first_mut() {
            Some(first) => first.push(statement.clone()),
            None => s.identity.push(vec![statement.clone()]),
        },
        Target::ResourcePolicy => {
            if let Some(r) = s.resource.as_mut() {
                r.push(principal_statement.clone());
            }
        }
        Target::Boundary => {
            if let Some(b) = s.boundary.as_mut() {
                b.push(statement.clone());
            }
        }
        Target::Session => {
            if let Some(p) = s.session.as_mut() {
                p.push(vec![statement.clone()]);
            }
        }
        Target::Scp => {
            if let Some(level) = s.scp.first_mut() {
                level.push(vec![statement.clone()]);
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn adding_a_deny_never_allows(
        s in scenario(),
        t in target(),
        deny in statement("Deny", false),
        deny_with_principal in statement("Deny", true),
    ) {
        let before = decide(&s).0;
        let after = decide(&add(&s, t, &deny, &deny_with_principal)).0;
        prop_assert!(
            after != Decision::Allowed || before == Decision::Allowed,
            "adding {deny} at {t:?} turned {before:?} into {after:?}"
        );
        if before == Decision::ExplicitDeny {
            prop_assert_eq!(after, Decision::ExplicitDeny);
        }
    }

    #[test]
    fn adding_an_allow_never_denies(
        s in scenario(),
        t in target(),
        allow in statement("Allow", false),
        allow_with_principal in statement("Allow", true),
    ) {
        let before = decide(&s).0;
        let after = decide(&add(&s, t, &allow, &allow_with_principal)).0;
        if before == Decision::Allowed {
            prop_assert_eq!(after, Decision::Allowed, "adding {} at {:?}", allow, t);
        }
    }

    #[test]
    fn order_never_matters(s in scenario(), seed in any::<u64>()) {
        let mut shuffled = s.clone();
        let rotate = |n: usize| if n == 0 { 0 } else { (seed as usize) % n };
        for policy in &mut shuffled.identity {
            let k = rotate(policy.len());
            policy.rotate_left(k);
            policy.reverse();
        }
        let k = rotate(shuffled.identity.len());
        shuffled.identity.rotate_left(k);
        if let Some(r) = shuffled.resource.as_mut() {
            r.reverse();
        }
        if let Some(b) = shuffled.boundary.as_mut() {
            b.reverse();
        }
        if let Some(p) = shuffled.session.as_mut() {
            p.reverse();
        }
        for level in &mut shuffled.scp {
            level.reverse();
        }
        prop_assert_eq!(decide(&s), decide(&shuffled));
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = PolicyDocument::parse(&text);
        let _ = validate(&text, PolicyKind::Identity);
        let _ = validate(&text, PolicyKind::Trust);
    }

    #[test]
    fn parsing_policy_shaped_text_never_panics(
        parts in prop::collection::vec(prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"Version\"", "\"2012-10-17\"", "\"Statement\"", "\"Effect\"",
            "\"Allow\"", "\"Deny\"", "\"Action\"", "\"NotAction\"", "\"Resource\"", "\"s3:*\"", "\"*\"",
            "\"Condition\"", "\"StringLike\"", "\"ForAllValues:DateLessThanIfExists\"", "\"aws:TagKeys\"",
            "\"${aws:username}\"", "\"${\"", "\"arn:aws:s3:::b/*\"", "\"Principal\"", "\"AWS\"", "1e400",
            "-0.0", "true", "null", "\"\\u0000\"", "\"\\ud800\"",
        ]), 0..60),
    ) {
        let text = parts.concat();
        if let Ok(document) = PolicyDocument::parse(&text) {
            let compiled = CompiledPolicy::compile(PolicyId::new("p"), &document);
            let identity = PolicySet::from_policies([compiled]);
            let principal = Principal::user("arn:aws:iam::111122223333:user/alice").unwrap_or(Principal::Anonymous);
            let request = Request::new(principal, "s3:GetObject", "arn:aws:s3:::b/k");
            let _ = evaluate(&AuthorizationInputs::new(&request, &identity)).reason();
        }
        for kind in [PolicyKind::Identity, PolicyKind::Resource, PolicyKind::Trust, PolicyKind::ServiceControl] {
            let _ = validate(&text, kind);
        }
    }

    #[test]
    fn single_valued_operators_on_lists_never_grant(
        operator in single_valued_operator(),
        policy_values in prop::collection::vec("[a-z0-9.:/*]{0,8}", 1..3),
        request_values in prop::collection::vec("[a-z0-9.:/]{0,8}", 0..3),
    ) {
        let statement = json!({
            "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {operator: {"aws:TagKeys": policy_values}},
        });
        let request = alice("s3:GetObject", "*")
            .with_context_value("aws:TagKeys", ContextValue::multiple(request_values));
        let identity = set(&[vec![statement]]);
        let decision = evaluate(&AuthorizationInputs::new(&request, &identity)).decision();
        prop_assert_eq!(decision, Decision::ImplicitDeny);
    }

    #[test]
    fn unresolvable_variables_void_the_statement(
        operator in variable_operator(),
        in_resource in any::<bool>(),
        not_resource in any::<bool>(),
        prefix in "[a-z/]{0,6}",
    ) {
        let variable = "${aws:PrincipalTag/missing}";
        let mut statement = json!({"Action": "s3:GetObject"});
        let resource = format!("arn:aws:s3:::bucket/{variable}/*");
        statement[if not_resource { "NotResource" } else { "Resource" }] =
            if in_resource { json!(resource) } else { json!("*") };
        if !in_resource {
            statement["Condition"] = json!({operator: {"s3:prefix": format!("{prefix}{variable}")}});
        }
        let request = alice("s3:GetObject", "arn:aws:s3:::bucket/x/y")
            .with_context_value("s3:prefix", ContextValue::single(prefix));
        let mut allow = statement.clone();
        allow["Effect"] = json!("Allow");
        let allows = set(&[vec![allow]]);
        prop_assert_eq!(
            evaluate(&AuthorizationInputs::new(&request, &allows)).decision(),
            Decision::ImplicitDeny
        );
        let mut deny = statement;
        deny["Effect"] = json!("Deny");
        let everything = json!({"Effect": "Allow", "Action": "*", "Resource": "*"});
        let denies = set(&[vec![everything, deny]]);
        prop_assert_eq!(
            evaluate(&AuthorizationInputs::new(&request, &denies)).decision(),
            Decision::Allowed
        );
    }
}

fn alice(action: &str, resource: &str) -> Request {
    match Principal::user(&format!("arn:aws:iam::{ACCOUNT}:user/alice")) {
        Ok(principal) => Request::new(principal, action, resource),
        Err(e) => panic!("{e}"),
    }
}

/// Every single-valued operator, plain, negated and `…IfExists`.
fn single_valued_operator() -> impl Strategy<Value = String> {
    let names = [
        "StringEquals",
        "StringNotEquals",
        "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "StringLike",
        "StringNotLike",
        "NumericEquals",
        "NumericNotEquals",
        "NumericLessThan",
        "NumericGreaterThanEquals",
        "DateEquals",
        "DateNotEquals",
        "DateLessThan",
        "Bool",
        "BinaryEquals",
        "IpAddress",
        "NotIpAddress",
        "ArnEquals",
        "ArnLike",
        "ArnNotEquals",
        "ArnNotLike",
    ];
    (prop::sample::select(names.to_vec()), any::<bool>())
        .prop_map(|(name, if_exists)| format!("{name}{}", if if_exists { "IfExists" } else { "" }))
}

/// The operators that accept policy variables.
fn variable_operator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "StringEquals",
        "StringNotEquals",
        "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "StringLike",
        "StringNotLike",
        "StringNotEqualsIfExists",
        "ForAllValues:StringNotLike",
        "ForAnyValue:StringNotEquals",
        "ArnNotLike",
    ])
}
