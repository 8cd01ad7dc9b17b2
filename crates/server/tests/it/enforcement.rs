//! Policies enforced on real calls through the Rust SDK: what a user may do is exactly what
//! its identity policies (its own and its groups'), within its permissions boundary, allow —
//! and a change is in force for the very next request.

use crate::common::{code_and_message, new_key, user_client, Server, ROOT_KEY, ROOT_SECRET};

const ACCOUNT: &str = "123456789012";

fn denied<E: aws_sdk_iam::error::ProvideErrorMetadata>(e: &E) -> String {
    let (code, message) = code_and_message(e);
    assert_eq!(code, "AccessDenied", "{message}");
    message
}

#[tokio::test]
async fn self_service_keys_scoped_by_username() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let alice = user_client(&server, &root, "alice").await;
    root.create_user().user_name("bob").send().await.unwrap();
    root.put_user_policy()
        .user_name("alice")
        .policy_name("self-service-keys")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:ListAccessKeys","iam:UpdateAccessKey"],
                "Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#,
        )
        .send()
        .await
        .unwrap();

    let own = alice.list_access_keys().send().await.unwrap();
    assert_eq!(own.access_key_metadata().len(), 1);
    let new_key = alice
        .create_access_key()
        .send()
        .await
        .unwrap()
        .access_key
        .unwrap();
    alice
        .delete_access_key()
        .access_key_id(new_key.access_key_id())
        .send()
        .await
        .unwrap();

    let err = alice
        .create_access_key()
        .user_name("bob")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        denied(&err.into_service_error()),
        format!(
            "User: arn:aws:iam::{ACCOUNT}:user/alice is not authorized to perform: \
             iam:CreateAccessKey on resource: user bob because no identity-based policy allows \
             the iam:CreateAccessKey action"
        )
    );
    server.stop().await;
}

#[tokio::test]
async fn group_grant_explicit_deny_and_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let carol = user_client(&server, &root, "carol").await;

    let before = carol.list_users().send().await.unwrap_err();
    assert!(denied(&before.into_service_error())
        .ends_with("because no identity-based policy allows the iam:ListUsers action"));

    root.create_group()
        .group_name("readers")
        .send()
        .await
        .unwrap();
    root.attach_group_policy()
        .group_name("readers")
        .policy_arn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        .send()
        .await
        .unwrap();
    root.add_user_to_group()
        .group_name("readers")
        .user_name("carol")
        .send()
        .await
        .unwrap();
    assert!(!carol.list_users().send().await.unwrap().users().is_empty());

    root.put_user_policy()
        .user_name("carol")
        .policy_name("no-listing")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let err = carol.list_users().send().await.unwrap_err();
    assert_eq!(
        denied(&err.into_service_error()),
        format!(
            "User: arn:aws:iam::{ACCOUNT}:user/carol is not authorized to perform: iam:ListUsers \
             on resource: arn:aws:iam::{ACCOUNT}:user/ with an explicit deny in an \
             identity-based policy"
        )
    );
    root.delete_user_policy()
        .user_name("carol")
        .policy_name("no-listing")
        .send()
        .await
        .unwrap();
    carol.list_users().send().await.unwrap();

    root.attach_user_policy()
        .user_name("carol")
        .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess")
        .send()
        .await
        .unwrap();
    carol
        .create_user()
        .user_name("made-by-carol")
        .send()
        .await
        .unwrap();
    let boundary = root
        .create_policy()
        .policy_name("read-only-boundary")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    root.put_user_permissions_boundary()
        .user_name("carol")
        .permissions_boundary(boundary.arn().unwrap())
        .send()
        .await
        .unwrap();
    let err = carol
        .create_user()
        .user_name("blocked")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        denied(&err.into_service_error()),
        format!(
            "User: arn:aws:iam::{ACCOUNT}:user/carol is not authorized to perform: \
             iam:CreateUser on resource: arn:aws:iam::{ACCOUNT}:user/blocked because no \
             permissions boundary allows the iam:CreateUser action"
        )
    );
    carol.list_users().send().await.unwrap();

    root.remove_user_from_group()
        .group_name("readers")
        .user_name("carol")
        .send()
        .await
        .unwrap();
    root.detach_user_policy()
        .user_name("carol")
        .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess")
        .send()
        .await
        .unwrap();
    let after = carol.list_users().send().await.unwrap_err();
    assert!(denied(&after.into_service_error()).contains("iam:ListUsers"));
    server.stop().await;
}

#[tokio::test]
async fn a_new_default_version_is_in_force_for_the_next_request() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let dave = user_client(&server, &root, "dave").await;
    let policy = root
        .create_policy()
        .policy_name("listing")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    let arn = policy.arn().unwrap();
    root.attach_user_policy()
        .user_name("dave")
        .policy_arn(arn)
        .send()
        .await
        .unwrap();
    dave.list_users().send().await.unwrap();

    root.create_policy_version()
        .policy_arn(arn)
        .set_as_default(true)
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListGroups","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap();
    dave.list_groups().send().await.unwrap();
    let err = dave.list_users().send().await.unwrap_err();
    denied(&err.into_service_error());

    root.set_default_policy_version()
        .policy_arn(arn)
        .version_id("v1")
        .send()
        .await
        .unwrap();
    dave.list_users().send().await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn get_caller_identity_needs_no_permission() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("erin").send().await.unwrap();
    let key = new_key(&root, "erin").await;
    root.put_user_policy()
        .user_name("erin")
        .policy_name("deny-all")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let who = server
        .sts(key.access_key_id(), key.secret_access_key())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(who.arn(), Some("arn:aws:iam::123456789012:user/erin"));
    server.stop().await;
}

#[tokio::test]
async fn operation_input_becomes_condition_keys() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let frank = user_client(&server, &root, "frank").await;
    root.create_user().user_name("target").send().await.unwrap();
    root.put_user_policy()
        .user_name("frank")
        .policy_name("tag-and-attach-within-limits")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"iam:TagUser","Resource":"*",
                 "Condition":{"StringEquals":{"aws:RequestTag/team":"blue"},
                              "ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}},
                {"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*",
                 "Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/IAMReadOnlyAccess"}}}]}"#,
        )
        .send()
        .await
        .unwrap();
    let tag = |key: &str, value: &str| {
        aws_sdk_iam::types::Tag::builder()
            .key(key)
            .value(value)
            .build()
            .unwrap()
    };

    frank
        .tag_user()
        .user_name("target")
        .tags(tag("team", "blue"))
        .send()
        .await
        .unwrap();
    let wrong_value = frank
        .tag_user()
        .user_name("target")
        .tags(tag("team", "red"))
        .send()
        .await
        .unwrap_err();
    denied(&wrong_value.into_service_error());
    let extra_key = frank
        .tag_user()
        .user_name("target")
        .tags(tag("team", "blue"))
        .tags(tag("cost-center", "7"))
        .send()
        .await
        .unwrap_err();
    denied(&extra_key.into_service_error());

    frank
        .attach_user_policy()
        .user_name("target")
        .policy_arn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        .send()
        .await
        .unwrap();
    let admin = frank
        .attach_user_policy()
        .user_name("target")
        .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        denied(&admin.into_service_error()),
        format!(
            "User: arn:aws:iam::{ACCOUNT}:user/frank is not authorized to perform: \
             iam:AttachUserPolicy on resource: user target because no identity-based policy \
             allows the iam:AttachUserPolicy action"
        )
    );
    server.stop().await;
}
