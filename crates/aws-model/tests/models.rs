//! The vendored models load, their patterns compile, and the generated tables match them.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

mod common;

use keyward_aws_model::generated::{self, OperationInfo};
use keyward_aws_model::{embedded, JavaPattern, ModelError, Protocol, Service, ServiceModel};

#[test]
fn every_vendored_model_loads_with_every_pattern_compiled() {
    let mut patterns = 0;
    for service in common::ALL_MODELS {
        let model = common::load(service);
        assert!(model.operations().count() > 0, "{service}");
        for (name, shape) in model.shapes() {
            if let Some(p) = &shape.pattern {
                JavaPattern::compile(p).unwrap_or_else(|e| panic!("{service} {name}: {e}"));
                patterns += 1;
            }
        }
    }
    // The ten vendored models carry 257 patterns (SQS none).
    assert_eq!(patterns, 257);
}

#[test]
fn embedded_models_are_the_vendored_files() {
    for (service, name, protocol) in [
        (Service::Iam, "iam", Protocol::Query),
        (Service::Sts, "sts", Protocol::Query),
        (Service::Organizations, "organizations", Protocol::Json),
        (Service::CloudTrail, "cloudtrail", Protocol::Json),
    ] {
        let model = embedded(service).unwrap();
        assert_eq!(model.metadata.protocol, protocol);
        assert_eq!(
            model.operations().count(),
            common::load(name).operations().count()
        );
    }
    let iam = embedded(Service::Iam).unwrap();
    assert_eq!(
        iam.metadata.xml_namespace.as_deref(),
        Some("https://iam.amazonaws.com/doc/2010-05-08/")
    );
    assert_eq!(iam.metadata.api_version, "2010-05-08");
}

#[test]
fn protocols_of_the_test_data_models() {
    for (name, protocol) in [
        ("s3", Protocol::RestXml),
        ("dynamodb", Protocol::Json),
        ("lambda", Protocol::RestJson),
        ("bedrock-runtime", Protocol::RestJson),
        ("sqs", Protocol::Json),
        ("ec2", Protocol::Ec2),
    ] {
        assert_eq!(common::load(name).metadata.protocol, protocol, "{name}");
    }
}

#[test]
fn member_order_is_the_model_order() {
    let iam = embedded(Service::Iam).unwrap();
    let user = iam.shape("User").unwrap();
    let names: Vec<&str> = user.members.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Path",
            "UserName",
            "UserId",
            "Arn",
            "CreateDate",
            "PasswordLastUsed",
            "PermissionsBoundary",
            "Tags"
        ]
    );
}

#[test]
fn bad_models_are_errors_not_panics() {
    assert!(matches!(
        ServiceModel::from_json("{"),
        Err(ModelError::Json(_))
    ));
    assert!(matches!(
        ServiceModel::from_json(r#"{"metadata":{}}"#),
        Err(ModelError::Json(_))
    ));
    let dangling = r#"{"metadata":{"protocol":"query","apiVersion":"1","endpointPrefix":"x"},
        "operations":{"Op":{"name":"Op","http":{"method":"POST","requestUri":"/"},"input":{"shape":"Nope"}}},
        "shapes":{}}"#;
    assert!(matches!(
        ServiceModel::from_json(dangling),
        Err(ModelError::MissingShape { .. })
    ));
    let bad_pattern = r#"{"metadata":{"protocol":"query","apiVersion":"1","endpointPrefix":"x"},
        "operations":{},
        "shapes":{"S":{"type":"string","pattern":"[a-z&&[^b]]"}}}"#;
    assert!(matches!(
        ServiceModel::from_json(bad_pattern),
        Err(ModelError::Pattern { .. })
    ));
}

fn check_table(table: &[OperationInfo], model: &ServiceModel) {
    let names: Vec<&str> = table.iter().map(|o| o.name).collect();
    let model_names: Vec<&str> = model.operations().map(|o| o.name.as_str()).collect();
    assert_eq!(names, model_names);
    for info in table {
        let op = model.operation(info.name).unwrap();
        assert_eq!(info.input, op.input.as_ref().map(|i| i.shape.as_str()));
        assert_eq!(info.output, op.output.as_ref().map(|o| o.shape.as_str()));
        assert_eq!(
            info.result_wrapper,
            op.output.as_ref().and_then(|o| o.result_wrapper.as_deref())
        );
        let errors = model.operation_errors(info.name).unwrap();
        assert_eq!(info.errors.len(), errors.len(), "{}", info.name);
        for (generated, from_model) in info.errors.iter().zip(&errors) {
            assert_eq!(generated.code, from_model.code);
            assert_eq!(generated.shape, from_model.shape);
            assert_eq!(generated.http_status, from_model.http_status);
            assert_eq!(generated.sender_fault, from_model.sender_fault);
        }
    }
}

#[test]
fn generated_tables_match_the_models() {
    check_table(generated::iam::OPERATIONS, embedded(Service::Iam).unwrap());
    check_table(generated::sts::OPERATIONS, embedded(Service::Sts).unwrap());
    check_table(
        generated::organizations::OPERATIONS,
        embedded(Service::Organizations).unwrap(),
    );
    assert_eq!(generated::iam::operation::CREATE_USER, "CreateUser");
    assert_eq!(generated::sts::operation::ASSUME_ROLE, "AssumeRole");
    let get_user = generated::iam::OPERATIONS
        .iter()
        .find(|o| o.name == "GetUser")
        .unwrap();
    assert_eq!(get_user.result_wrapper, Some("GetUserResult"));
    assert_eq!(get_user.errors[0].code, "NoSuchEntity");
    assert_eq!(get_user.errors[0].http_status, 404);
    assert!(get_user.errors[0].sender_fault);
}

#[test]
fn errors_come_from_the_model() {
    let iam = embedded(Service::Iam).unwrap();
    let errors = iam.operation_errors("CreateUser").unwrap();
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    assert!(codes.contains(&"EntityAlreadyExists"), "{codes:?}");
    let exists = iam.error_by_code("EntityAlreadyExists").unwrap();
    assert_eq!(
        (
            exists.shape.as_str(),
            exists.http_status,
            exists.sender_fault
        ),
        ("EntityAlreadyExistsException", 409, true)
    );
    let failure = iam.error_by_code("ServiceFailure").unwrap();
    assert_eq!((failure.http_status, failure.sender_fault), (500, false));
    assert!(iam.operation_errors("NoSuchOperation").is_none());
}
