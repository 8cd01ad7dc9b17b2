//! Access advisor and DecodeAuthorizationMessage through the AWS SDK for Rust.
//!
//! No IAM or STS denial carries an encoded message on AWS, so the round trip encodes a real
//! denial with `keyward_server::encode_authorization_failure` — the server's own engine over
//! the running server's data directory and master key — and decodes it with the SDK's
//! `DecodeAuthorizationMessage` (STS API Reference; the decoded shape is the one of its
//! example and the IAM User Guide's CLI example).

use aws_sdk_iam::types::AccessAdvisorUsageGranularityType;
use keyward_server::ServerConfig;
use serde_json::Value;

use crate::common::{code_and_message, new_key, Server};

const ACCOUNT: &str = "123456789012";

fn config(dir: &std::path::Path) -> ServerConfig {
    ServerConfig::new(
        "127.0.0.1:0".parse().unwrap(),
        dir.to_owned(),
        ACCOUNT.into(),
    )
}

#[tokio::test]
async fn a_real_denial_round_trips_through_decode_authorization_message() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(crate::common::ROOT_KEY, crate::common::ROOT_SECRET);
    let user = root.create_user().user_name("ops").send().await.unwrap();
    let user = user.user.unwrap();
    let key = new_key(&root, "ops").await;
    root.put_user_policy()
        .user_name("ops")
        .policy_name("decode")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"sts:DecodeAuthorizationMessage","Resource":"*"},
                {"Sid":"NoTerminate","Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let sts = server.sts(key.access_key_id(), key.secret_access_key());
    let resource = format!("arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*");

    // No policy allows ec2:RunInstances: an implicit denial.
    let encoded = keyward_server::encode_authorization_failure(
        &config(dir.path()),
        key.access_key_id(),
        "ec2:RunInstances",
        &resource,
        "us-east-1",
    )
    .await
    .unwrap()
    .expect("the engine refuses ec2:RunInstances");
    let decoded = sts
        .decode_authorization_message()
        .encoded_message(&encoded)
        .send()
        .await
        .unwrap()
        .decoded_message
        .unwrap();
    assert!(decoded.starts_with(r#"{"allowed":false,"explicitDeny":false,"matchedStatements":{"items":[]},"failures":{"items":[]},"context":{"principal":"#));
    let message: Value = serde_json::from_str(&decoded).unwrap();
    let context = &message["context"];
    assert_eq!(context["principal"]["id"], user.user_id());
    assert_eq!(context["principal"]["name"], "ops");
    assert_eq!(context["principal"]["arn"], user.arn());
    assert_eq!(context["action"], "ec2:RunInstances");
    assert_eq!(context["resource"], resource.as_str());
    let conditions = context["conditions"]["items"].as_array().unwrap();
    let region = conditions
        .iter()
        .find(|c| c["key"] == "aws:RequestedRegion")
        .unwrap();
    assert_eq!(region["values"]["items"][0]["value"], "us-east-1");

    // An explicit deny names the statement that denied.
    let encoded = keyward_server::encode_authorization_failure(
        &config(dir.path()),
        key.access_key_id(),
        "ec2:TerminateInstances",
        &resource,
        "us-east-1",
    )
    .await
    .unwrap()
    .unwrap();
    let decoded = root_sts(&server)
        .decode_authorization_message()
        .encoded_message(&encoded)
        .send()
        .await
        .unwrap()
        .decoded_message
        .unwrap();
    let message: Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(message["explicitDeny"], true);
    let statement = &message["matchedStatements"]["items"][0];
    assert_eq!(statement["statementId"], "NoTerminate");
    assert_eq!(statement["effect"], "DENY");
    assert_eq!(statement["principals"]["items"][0]["value"], user.user_id());
    assert_eq!(
        statement["actions"]["items"][0]["value"],
        "ec2:TerminateInstances"
    );
    assert_eq!(statement["resources"]["items"][0]["value"], "*");

    // What the engine allows has no message.
    let allowed = keyward_server::encode_authorization_failure(
        &config(dir.path()),
        key.access_key_id(),
        "sts:DecodeAuthorizationMessage",
        "*",
        "us-east-1",
    )
    .await
    .unwrap();
    assert_eq!(allowed, None);

    // A message altered on the way, or sealed by another server, does not open.
    let mut altered = encoded.clone().into_bytes();
    let at = altered.len() / 2;
    altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
    let err = sts
        .decode_authorization_message()
        .encoded_message(String::from_utf8(altered).unwrap())
        .send()
        .await
        .unwrap_err();
    let (code, _) = code_and_message(&err.into_service_error());
    assert_eq!(code, "InvalidAuthorizationMessageException");
    let other_dir = tempfile::tempdir().unwrap();
    let other = Server::start(other_dir.path()).await;
    let err = root_sts(&other)
        .decode_authorization_message()
        .encoded_message(&encoded)
        .send()
        .await
        .unwrap_err();
    let (code, _) = code_and_message(&err.into_service_error());
    assert_eq!(code, "InvalidAuthorizationMessageException");
    other.stop().await;
    server.stop().await;
}

fn root_sts(server: &Server) -> aws_sdk_sts::Client {
    server.sts(crate::common::ROOT_KEY, crate::common::ROOT_SECRET)
}

#[tokio::test]
async fn access_advisor_reports_what_a_user_did() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(crate::common::ROOT_KEY, crate::common::ROOT_SECRET);
    let user = root
        .create_user()
        .user_name("reporter")
        .send()
        .await
        .unwrap()
        .user
        .unwrap();
    root.put_user_policy()
        .user_name("reporter")
        .policy_name("work")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["iam:CreateGroup","iam:ListGroups","s3:PutObject"],"Resource":"*"}}"#,
        )
        .send()
        .await
        .unwrap();
    let key = new_key(&root, "reporter").await;
    let own = server.iam(key.access_key_id(), key.secret_access_key());
    own.create_group().group_name("made").send().await.unwrap();
    own.list_groups().send().await.unwrap();

    let job = root
        .generate_service_last_accessed_details()
        .arn(user.arn())
        .granularity(AccessAdvisorUsageGranularityType::ActionLevel)
        .send()
        .await
        .unwrap()
        .job_id
        .unwrap();
    let got = root
        .get_service_last_accessed_details()
        .job_id(&job)
        .send()
        .await
        .unwrap();
    assert_eq!(got.job_status().as_str(), "COMPLETED");
    let services = got.services_last_accessed();
    let namespaces: Vec<&str> = services.iter().map(|s| s.service_namespace()).collect();
    assert_eq!(namespaces, ["iam", "s3"]);
    let iam = &services[0];
    assert_eq!(iam.last_authenticated_entity(), Some(user.arn()));
    assert_eq!(iam.last_authenticated_region(), Some("us-east-1"));
    assert_eq!(iam.total_authenticated_entities(), Some(1));
    let tracked = iam.tracked_actions_last_accessed();
    let create = tracked
        .iter()
        .find(|a| a.action_name() == Some("CreateGroup"))
        .unwrap();
    assert_eq!(create.last_accessed_entity(), Some(user.arn()));
    assert!(create.last_accessed_time().is_some());
    assert!(!tracked
        .iter()
        .any(|a| a.action_name() == Some("ListGroups")));
    assert_eq!(services[1].total_authenticated_entities(), Some(0));
    assert!(services[1].last_authenticated().is_none());

    let entities = root
        .get_service_last_accessed_details_with_entities()
        .job_id(&job)
        .service_namespace("iam")
        .send()
        .await
        .unwrap();
    let details = entities.entity_details_list();
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].entity_info().unwrap().name(), "reporter");
    assert!(details[0].last_authenticated().is_some());

    let granting = root
        .list_policies_granting_service_access()
        .arn(user.arn())
        .service_namespaces("s3")
        .send()
        .await
        .unwrap();
    let entry = &granting.policies_granting_service_access()[0];
    assert_eq!(entry.service_namespace(), Some("s3"));
    assert_eq!(entry.policies()[0].policy_name(), "work");
    assert_eq!(entry.policies()[0].policy_type().as_str(), "INLINE");

    // A job id nobody issued.
    let err = root
        .get_service_last_accessed_details()
        .job_id("00000000-0000-4000-8000-000000000000")
        .send()
        .await
        .unwrap_err();
    let (code, _) = code_and_message(&err.into_service_error());
    assert_eq!(code, "InvalidInput");
    server.stop().await;
}
