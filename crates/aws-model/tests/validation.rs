//! Query input decoding and validation against AWS's messages; cases in data/validation_cases.json.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::{
    decode_query_input, embedded, DecodeError, Service, Value, ViolationValue,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    service: String,
    operation: String,
    params: Vec<(String, String)>,
    message: Option<String>,
}

#[test]
fn validation_messages_match_aws() {
    let cases: Vec<Case> = serde_json::from_str(&common::data("validation_cases.json")).unwrap();
    assert!(cases.len() >= 25);
    for case in cases {
        let service = match case.service.as_str() {
            "iam" => Service::Iam,
            "sts" => Service::Sts,
            other => panic!("{other}"),
        };
        let model = embedded(service).unwrap();
        let decoded = decode_query_input(model, &case.operation, &case.params).unwrap();
        assert_eq!(
            decoded.validation_message(),
            case.message,
            "case {}",
            case.name
        );
    }
}

#[test]
fn decoded_tree_has_typed_scalars_lists_and_structures() {
    let iam = embedded(Service::Iam).unwrap();
    let params = common::params(&[
        ("Action", "CreateRole"),
        ("RoleName", "deployer"),
        ("AssumeRolePolicyDocument", "{}"),
        ("MaxSessionDuration", "7200"),
        ("Tags.member.1.Key", "a"),
        ("Tags.member.1.Value", "1"),
        ("Tags.member.2.Key", "b"),
        ("Tags.member.2.Value", "2"),
        ("Tags.member.4.Key", "after-a-gap"),
        ("Tags.member.4.Value", "ignored"),
        ("RoleName", "deployer2"),
    ]);
    let decoded = decode_query_input(iam, "CreateRole", &params).unwrap();
    assert!(decoded.violations.is_empty(), "{:?}", decoded.violations);
    let m = &decoded.members;
    assert_eq!(m.get("RoleName").and_then(Value::as_str), Some("deployer2"));
    assert_eq!(
        m.get("MaxSessionDuration").and_then(Value::as_i64),
        Some(7200)
    );
    let tags = m.get("Tags").and_then(Value::as_list).unwrap();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[1].get("Key").and_then(Value::as_str), Some("b"));
    assert!(m.get("Path").is_none());
}

#[test]
fn booleans_timestamps_and_maps() {
    let iam = embedded(Service::Iam).unwrap();
    let params = common::params(&[
        ("UserName", "bob"),
        ("Password", "Secret-123"),
        ("PasswordResetRequired", "TRUE"),
    ]);
    let decoded = decode_query_input(iam, "CreateLoginProfile", &params).unwrap();
    assert_eq!(
        decoded
            .members
            .get("PasswordResetRequired")
            .and_then(Value::as_bool),
        Some(true)
    );
    let params = common::params(&[
        ("UserName", "bob"),
        ("Password", "p"),
        ("PasswordResetRequired", "yes"),
    ]);
    let decoded = decode_query_input(iam, "CreateLoginProfile", &params).unwrap();
    assert_eq!(
        decoded.validation_message().as_deref(),
        Some("1 validation error detected: Value 'yes' at 'passwordResetRequired' failed to satisfy constraint: Member must be a boolean")
    );
    // The sensitive password's violation never carries the value.
    let params = common::params(&[("UserName", "bob"), ("Password", "")]);
    let decoded = decode_query_input(iam, "CreateLoginProfile", &params).unwrap();
    assert!(decoded
        .violations
        .iter()
        .all(|v| v.value == ViolationValue::Hidden));
    assert_eq!(decoded.violations.len(), 2);
}

#[test]
fn unknown_operation_is_an_error() {
    let iam = embedded(Service::Iam).unwrap();
    assert_eq!(
        decode_query_input::<&str, &str>(iam, "LaunchRockets", &[]),
        Err(DecodeError::UnknownOperation(
            "LaunchRockets".into(),
            "iam".into()
        ))
    );
}

#[test]
fn operation_without_input_members_decodes_empty() {
    let sts = embedded(Service::Sts).unwrap();
    let decoded = decode_query_input(
        sts,
        "GetCallerIdentity",
        &common::params(&[("Action", "GetCallerIdentity")]),
    )
    .unwrap();
    assert_eq!(decoded.members, Value::Structure(vec![]));
    assert!(decoded.violations.is_empty());
}

#[test]
fn map_entries_are_reported_once_for_the_whole_map() {
    let model =
        keyward_aws_model::ServiceModel::from_json(&common::data("map_model.json")).unwrap();
    let tags = |pairs: &[(&str, &str)]| {
        Value::structure().with(
            "Tags",
            Value::Map(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                    .collect(),
            ),
        )
    };
    let check = |value: &Value| {
        keyward_aws_model::validation_message(&keyward_aws_model::validate_structure(
            &model,
            "TagThingRequest",
            value,
        ))
    };
    assert_eq!(check(&tags(&[("a", "ok"), ("b", "fine too")])), None);
    // The form AWS answered for a map of tags with a bad value (Coral: "Map value must satisfy
    // constraint: [every constraint of the value shape]").
    assert_eq!(
        check(&tags(&[("a", "ok"), ("b", "bad!")])).as_deref(),
        Some("1 validation error detected: Value '{a=ok, b=bad!}' at 'tags' failed to satisfy constraint: \
              Map value must satisfy constraint: [Member must have length less than or equal to 256, \
              Member must have length greater than or equal to 0, Member must satisfy regular expression \
              pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]")
    );
    assert_eq!(
        check(&tags(&[("A", "x"), ("b", "y"), ("c", "z")])).as_deref(),
        Some("2 validation errors detected: Value '{A=x, b=y, c=z}' at 'tags' failed to satisfy constraint: \
              Member must have length less than or equal to 2; Value '{A=x, b=y, c=z}' at 'tags' failed to \
              satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or \
              equal to 8, Member must have length greater than or equal to 1, Member must satisfy regular \
              expression pattern: [a-z]+]")
    );
}

#[test]
fn sensitive_map_is_not_quoted() {
    let bedrock = common::load("bedrock-runtime");
    let body = br#"{"requestMetadata":{"team":"bad!value"}}"#;
    let request = keyward_aws_model::HttpRequest {
        method: "POST",
        path: "/model/anthropic.claude-v2/converse",
        query: "",
        headers: &[],
        body,
    };
    let decoded = keyward_aws_model::decode_request(&bedrock, &request).unwrap();
    assert_eq!(decoded.operation, "Converse");
    assert_eq!(
        decoded.validation_message().as_deref(),
        Some("1 validation error detected: Value at 'requestMetadata' failed to satisfy constraint: \
              Map value must satisfy constraint: [Member must have length less than or equal to 256, \
              Member must have length greater than or equal to 0, Member must satisfy regular expression \
              pattern: [a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}]")
    );
}

#[test]
fn long_values_match_without_backtracking_limits() {
    let iam = embedded(Service::Iam).unwrap();
    let document = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[]{}}}",
        " ".repeat(131_000)
    );
    let params = vec![
        ("RoleName".to_owned(), "r".to_owned()),
        ("AssumeRolePolicyDocument".to_owned(), document),
    ];
    let decoded = decode_query_input(iam, "CreateRole", &params).unwrap();
    assert!(
        decoded.violations.is_empty(),
        "{:?}",
        decoded.violations.first()
    );
    let params = vec![("AccountAlias".to_owned(), format!("a{}b", "-a".repeat(29)))];
    let decoded = decode_query_input(iam, "CreateAccountAlias", &params).unwrap();
    assert!(
        decoded.violations.is_empty(),
        "{:?}",
        decoded.violations.first()
    );
}

#[test]
fn lists_holding_secrets_are_not_quoted() {
    let model =
        keyward_aws_model::ServiceModel::from_json(&common::data("map_model.json")).unwrap();
    let secret = |name: &str| {
        Value::structure()
            .with("Name", name)
            .with("Secret", "hunter2")
    };
    let input = Value::structure()
        .with("Secrets", vec![secret("a"), secret("b")])
        .with("Names", vec![Value::from("a"), Value::from("b")]);
    let violations = keyward_aws_model::validate_structure(&model, "PutSecretsRequest", &input);
    assert_eq!(
        keyward_aws_model::validation_message(&violations).as_deref(),
        Some("2 validation errors detected: Value at 'secrets' failed to satisfy constraint: Member must \
              have length less than or equal to 1; Value '[a, b]' at 'names' failed to satisfy constraint: \
              Member must have length less than or equal to 1")
    );
}
