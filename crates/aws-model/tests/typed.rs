//! Generated typed inputs built from decoded, validated member trees.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::generated::{iam, sts};
use keyward_aws_model::typed::{FromValue, FromValueError};
use keyward_aws_model::{decode_query_input, embedded, Service, Value};

#[test]
fn create_user_input_from_query_parameters() {
    let model = embedded(Service::Iam).unwrap();
    let params = common::params(&[
        ("UserName", "alice"),
        ("Tags.member.1.Key", "team"),
        ("Tags.member.1.Value", "blue"),
    ]);
    let decoded = decode_query_input(model, iam::operation::CREATE_USER, &params).unwrap();
    assert!(decoded.violations.is_empty());
    let input = iam::input::CreateUserInput::from_value(&decoded.members, "input").unwrap();
    assert_eq!(
        input,
        iam::input::CreateUserInput {
            path: None,
            user_name: "alice".into(),
            permissions_boundary: None,
            tags: Some(vec![iam::input::Tag {
                key: "team".into(),
                value: "blue".into()
            }]),
        }
    );
}

#[test]
fn assume_role_input_with_integers_and_nested_lists() {
    let model = embedded(Service::Sts).unwrap();
    let params = common::params(&[
        ("RoleArn", "arn:aws:iam::123456789012:role/r"),
        ("RoleSessionName", "s1"),
        ("DurationSeconds", "3600"),
        (
            "PolicyArns.member.1.arn",
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ),
        ("TransitiveTagKeys.member.1", "team"),
    ]);
    let decoded = decode_query_input(model, sts::operation::ASSUME_ROLE, &params).unwrap();
    assert!(decoded.violations.is_empty(), "{:?}", decoded.violations);
    let input = sts::input::AssumeRoleInput::from_value(&decoded.members, "input").unwrap();
    assert_eq!(input.duration_seconds, Some(3600));
    assert_eq!(input.role_session_name, "s1");
    assert_eq!(
        input.policy_arns.unwrap()[0].arn.as_deref(),
        Some("arn:aws:iam::aws:policy/ReadOnlyAccess")
    );
    assert_eq!(input.transitive_tag_keys, Some(vec!["team".to_owned()]));
}

#[test]
fn unvalidated_trees_are_errors_not_panics() {
    let missing = Value::structure().with("Path", "/");
    assert_eq!(
        iam::input::CreateUserInput::from_value(&missing, "input"),
        Err(FromValueError::Missing("UserName"))
    );
    let wrong = Value::structure()
        .with("RoleArn", "arn")
        .with("RoleSessionName", "s")
        .with("DurationSeconds", "soon");
    assert_eq!(
        sts::input::AssumeRoleInput::from_value(&wrong, "input"),
        Err(FromValueError::WrongType {
            member: "DurationSeconds",
            expected: "integer"
        })
    );
    assert!(iam::input::CreateUserInput::from_value(&Value::from("x"), "input").is_err());
}
