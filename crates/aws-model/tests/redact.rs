//! Sensitive members are replaced by CloudTrail's marker, driven by the model.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::{decode_query_input, embedded, redact, Service, Value, REDACTED};

#[test]
fn create_login_profile_password_is_hidden() {
    let iam = embedded(Service::Iam).unwrap();
    let params = common::params(&[("UserName", "bob"), ("Password", "Secret-123")]);
    let decoded = decode_query_input(iam, "CreateLoginProfile", &params).unwrap();
    let redacted = redact(iam, "CreateLoginProfileRequest", &decoded.members);
    assert_eq!(
        redacted.get("UserName").and_then(Value::as_str),
        Some("bob")
    );
    assert_eq!(
        redacted.get("Password").and_then(Value::as_str),
        Some(REDACTED)
    );
}

#[test]
fn assume_role_output_secret_is_hidden_at_depth() {
    let sts = embedded(Service::Sts).unwrap();
    let output = Value::structure()
        .with(
            "Credentials",
            Value::structure()
                .with("AccessKeyId", "ASIAEXAMPLE")
                .with("SecretAccessKey", "s3cr3t")
                .with("SessionToken", "token"),
        )
        .with("PackedPolicySize", 7);
    let redacted = redact(sts, "AssumeRoleResponse", &output);
    let credentials = redacted.get("Credentials").unwrap();
    assert_eq!(
        credentials.get("SecretAccessKey").and_then(Value::as_str),
        Some(REDACTED)
    );
    assert_eq!(
        credentials.get("AccessKeyId").and_then(Value::as_str),
        Some("ASIAEXAMPLE")
    );
    assert_eq!(
        redacted.get("PackedPolicySize").and_then(Value::as_i64),
        Some(7)
    );
}

#[test]
fn web_identity_token_in_input_is_hidden() {
    let sts = embedded(Service::Sts).unwrap();
    let input = Value::structure()
        .with("RoleArn", "arn:aws:iam::123456789012:role/r")
        .with("WebIdentityToken", "eyJ.secret.jwt");
    let redacted = redact(sts, "AssumeRoleWithWebIdentityRequest", &input);
    assert_eq!(
        redacted.get("WebIdentityToken").and_then(Value::as_str),
        Some(REDACTED)
    );
    assert_eq!(
        redacted.get("RoleArn").and_then(Value::as_str),
        Some("arn:aws:iam::123456789012:role/r")
    );
}

#[test]
fn members_outside_the_model_are_hidden() {
    let iam = embedded(Service::Iam).unwrap();
    let input = Value::structure().with("NotInModel", "maybe-secret");
    let redacted = redact(iam, "CreateUserRequest", &input);
    assert_eq!(
        redacted.get("NotInModel").and_then(Value::as_str),
        Some(REDACTED)
    );
}

#[test]
fn audit_rendering_is_redacted_and_lower_camel() {
    let iam = embedded(Service::Iam).unwrap();
    let params = common::params(&[
        ("UserName", "bob"),
        ("Password", "Secret-123"),
        ("PasswordResetRequired", "true"),
    ]);
    let decoded = decode_query_input(iam, "CreateLoginProfile", &params).unwrap();
    let audit = keyward_aws_model::audit_json(iam, "CreateLoginProfileRequest", &decoded.members);
    assert_eq!(
        audit,
        serde_json::json!({
            "password": "HIDDEN_DUE_TO_SECURITY_REASONS",
            "passwordResetRequired": true,
            "userName": "bob",
        })
    );
}
