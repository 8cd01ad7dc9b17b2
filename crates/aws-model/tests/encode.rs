//! Query XML output driven by the output shape, and the error document.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::{
    embedded, encode_query_error, encode_query_response, EncodeError, Service, Value,
};
use time::macros::datetime;

fn tag(key: &str, value: &str) -> Value {
    Value::structure().with("Key", key).with("Value", value)
}

#[test]
fn get_user_in_model_order_with_nested_lists() {
    let iam = embedded(Service::Iam).unwrap();
    // Given out of model order: the encoder writes the model's order.
    let user = Value::structure()
        .with("Tags", vec![tag("team", "a<&>b"), tag("env", "prod")])
        .with("UserName", "alice")
        .with("Arn", "arn:aws:iam::123456789012:user/eng/alice")
        .with("Path", "/eng/")
        .with("UserId", "AIDAEXAMPLEEXAMPLE1")
        .with("CreateDate", datetime!(2026-12-07 07:27:24.5 UTC))
        .with(
            "PermissionsBoundary",
            Value::structure()
                .with("PermissionsBoundaryType", "Policy")
                .with("PermissionsBoundaryArn", "arn:aws:iam::aws:policy/ReadOnly"),
        );
    let result = Value::structure().with("User", user);
    let xml = encode_query_response(iam, "GetUser", &result, "req-1").unwrap();
    assert_eq!(
        xml,
        "<GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetUserResult>\
         <User><Path>/eng/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLEEXAMPLE1</UserId>\
         <Arn>arn:aws:iam::123456789012:user/eng/alice</Arn><CreateDate>2026-12-07T07:27:24Z</CreateDate>\
         <PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>\
         <PermissionsBoundaryArn>arn:aws:iam::aws:policy/ReadOnly</PermissionsBoundaryArn></PermissionsBoundary>\
         <Tags><member><Key>team</Key><Value>a&lt;&amp;&gt;b</Value></member>\
         <member><Key>env</Key><Value>prod</Value></member></Tags></User>\
         </GetUserResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>\
         </GetUserResponse>\n"
    );
}

#[test]
fn list_users_booleans_and_empty_lists() {
    let iam = embedded(Service::Iam).unwrap();
    let result = Value::structure()
        .with("Users", Vec::<Value>::new())
        .with("IsTruncated", false);
    let xml = encode_query_response(iam, "ListUsers", &result, "r").unwrap();
    assert!(
        xml.contains(
            "<ListUsersResult><Users></Users><IsTruncated>false</IsTruncated></ListUsersResult>"
        ),
        "{xml}"
    );
}

#[test]
fn maps_are_entries() {
    let iam = embedded(Service::Iam).unwrap();
    let result = Value::structure().with(
        "SummaryMap",
        Value::Map(vec![
            ("Users".into(), Value::Integer(3)),
            ("Groups".into(), Value::Integer(1)),
        ]),
    );
    let xml = encode_query_response(iam, "GetAccountSummary", &result, "r").unwrap();
    assert!(
        xml.contains(
            "<GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>3</value></entry>\
         <entry><key>Groups</key><value>1</value></entry></SummaryMap></GetAccountSummaryResult>"
        ),
        "{xml}"
    );
}

#[test]
fn operation_without_output_has_no_result_element() {
    let iam = embedded(Service::Iam).unwrap();
    let xml = encode_query_response(iam, "DeleteUser", &Value::structure(), "r").unwrap();
    assert_eq!(
        xml,
        "<DeleteUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata>\
         <RequestId>r</RequestId></ResponseMetadata></DeleteUserResponse>\n"
    );
    assert_eq!(
        encode_query_response(iam, "DeleteUser", &Value::structure().with("X", "y"), "r"),
        Err(EncodeError::NoOutput("DeleteUser".into()))
    );
}

#[test]
fn unknown_members_and_wrong_types_are_errors() {
    let iam = embedded(Service::Iam).unwrap();
    let result = Value::structure().with("User", Value::structure().with("Password", "x"));
    assert!(matches!(
        encode_query_response(iam, "GetUser", &result, "r"),
        Err(EncodeError::UnknownMember { member, .. }) if member == "Password"
    ));
    let result = Value::structure().with("IsTruncated", "maybe");
    assert!(matches!(
        encode_query_response(iam, "ListUsers", &result, "r"),
        Err(EncodeError::TypeMismatch { .. })
    ));
    assert!(matches!(
        encode_query_response(iam, "Nope", &Value::structure(), "r"),
        Err(EncodeError::UnknownOperation(_))
    ));
}

#[test]
fn sts_secret_is_written_for_the_caller() {
    let sts = embedded(Service::Sts).unwrap();
    let credentials = Value::structure()
        .with("AccessKeyId", "ASIAEXAMPLE")
        .with("SecretAccessKey", "s3cr3t")
        .with("SessionToken", "token")
        .with("Expiration", datetime!(2026-12-07 08:27:24 UTC));
    let result = Value::structure().with("Credentials", credentials);
    let xml = encode_query_response(sts, "GetSessionToken", &result, "r").unwrap();
    assert!(xml.starts_with("<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetSessionTokenResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey>"), "{xml}");
}

#[test]
fn error_document_matches_the_server_byte_for_byte() {
    let iam = embedded(Service::Iam).unwrap();
    let body = encode_query_error(
        iam,
        "NoSuchEntity",
        true,
        "The user with name <x> cannot be found.",
        "req-9",
    );
    assert_eq!(
        body,
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>\
         <Code>NoSuchEntity</Code><Message>The user with name &lt;x&gt; cannot be found.</Message></Error>\
         <RequestId>req-9</RequestId></ErrorResponse>\n"
    );
    let body = encode_query_error(iam, "ServiceFailure", false, "boom", "r");
    assert!(body.contains("<Type>Receiver</Type>"));
}

#[test]
fn validation_error_document() {
    let iam = embedded(Service::Iam).unwrap();
    let params = [("UserName".to_owned(), "a<b".to_owned())];
    let decoded = keyward_aws_model::decode_query_input(iam, "CreateUser", &params).unwrap();
    let body = keyward_aws_model::encode_validation_error(iam, &decoded.violations, "r").unwrap();
    assert_eq!(
        body,
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>\
         <Code>ValidationError</Code><Message>1 validation error detected: Value &apos;a&lt;b&apos; at \
         &apos;userName&apos; failed to satisfy constraint: Member must satisfy regular expression pattern: \
         [\\w+=,.@-]+</Message></Error><RequestId>r</RequestId></ErrorResponse>\n"
    );
    assert_eq!(
        keyward_aws_model::encode_validation_error(iam, &[], "r"),
        None
    );
}

#[test]
fn json_protocol_response_and_error() {
    let orgs = embedded(Service::Organizations).unwrap();
    let result = Value::structure().with(
        "Organization",
        Value::structure()
            .with("Id", "o-exampleorgid")
            .with("MasterAccountId", "111111111111")
            .with(
                "AvailablePolicyTypes",
                vec![Value::structure()
                    .with("Type", "SERVICE_CONTROL_POLICY")
                    .with("Status", "ENABLED")],
            ),
    );
    let body =
        keyward_aws_model::encode_json_response(orgs, "DescribeOrganization", &result).unwrap();
    // Compared as JSON: object key order depends on serde_json's `preserve_order`, which the
    // workspace may enable through another crate, and carries no meaning in the protocol.
    let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{"Organization":{"AvailablePolicyTypes":[{"Status":"ENABLED","Type":"SERVICE_CONTROL_POLICY"}],"Id":"o-exampleorgid","MasterAccountId":"111111111111"}}"#,
    )
    .unwrap();
    assert_eq!(parsed, expected);
    let bad = Value::structure().with("Organization", Value::structure().with("Secret", "x"));
    assert!(matches!(
        keyward_aws_model::encode_json_response(orgs, "DescribeOrganization", &bad),
        Err(EncodeError::UnknownMember { .. })
    ));
    let cloudtrail = embedded(Service::CloudTrail).unwrap();
    let events = Value::structure().with(
        "Events",
        vec![Value::structure()
            .with("EventName", "CreateUser")
            .with("EventTime", datetime!(2026-12-07 07:27:24 UTC))],
    );
    let body =
        keyward_aws_model::encode_json_response(cloudtrail, "LookupEvents", &events).unwrap();
    assert_eq!(
        body,
        r#"{"Events":[{"EventName":"CreateUser","EventTime":1796628444.0}]}"#
    );
    assert_eq!(
        keyward_aws_model::encode_json_error(
            "AWSOrganizationsNotInUseException",
            "Your account is not a member of an organization."
        ),
        r#"{"__type":"AWSOrganizationsNotInUseException","message":"Your account is not a member of an organization."}"#
    );
}
