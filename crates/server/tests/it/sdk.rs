//! The Rust AWS SDK, unmodified, against an in-process Keyward: the guides' user and key
//! workflow, and the errors a program's error handling must see exactly as AWS sends them.

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};
use aws_sdk_iam::types::StatusType;

#[tokio::test]
async fn user_and_access_key_lifecycle() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    let me = server
        .sts(ROOT_KEY, ROOT_SECRET)
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(me.arn(), Some("arn:aws:iam::123456789012:root"));
    assert_eq!(me.account(), Some("123456789012"));

    let user = root
        .create_user()
        .user_name("braket-user")
        .path("/quantum/")
        .send()
        .await
        .unwrap()
        .user
        .unwrap();
    assert_eq!(
        user.arn(),
        "arn:aws:iam::123456789012:user/quantum/braket-user"
    );
    assert!(user.user_id().starts_with("AIDA"));

    let key = new_key(&root, "braket-user").await;
    assert!(key.access_key_id().starts_with("AKIA"));
    assert_eq!(key.access_key_id().len(), 20);
    assert_eq!(key.secret_access_key().len(), 40);

    let who = server
        .sts(key.access_key_id(), key.secret_access_key())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(who.arn(), Some(user.arn()));
    assert_eq!(who.user_id(), Some(user.user_id()));

    let listed = root
        .list_access_keys()
        .user_name("braket-user")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.access_key_metadata().len(), 1);
    assert_eq!(
        listed.access_key_metadata()[0].status(),
        Some(&StatusType::Active)
    );

    let used = root
        .get_access_key_last_used()
        .access_key_id(key.access_key_id())
        .send()
        .await
        .unwrap();
    let used = used.access_key_last_used().unwrap();
    assert_eq!((used.service_name(), used.region()), ("sts", "eu-west-1"));

    root.update_access_key()
        .user_name("braket-user")
        .access_key_id(key.access_key_id())
        .status(StatusType::Inactive)
        .send()
        .await
        .unwrap();
    let refused = server
        .sts(key.access_key_id(), key.secret_access_key())
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&refused.into_service_error()),
        (
            "InvalidClientTokenId".into(),
            "The security token included in the request is invalid.".into()
        )
    );

    let conflict = root
        .delete_user()
        .user_name("braket-user")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&conflict.into_service_error()),
        (
            "DeleteConflict".into(),
            "Cannot delete entity, must delete access keys first.".into()
        )
    );
    root.delete_access_key()
        .user_name("braket-user")
        .access_key_id(key.access_key_id())
        .send()
        .await
        .unwrap();
    root.delete_user()
        .user_name("braket-user")
        .send()
        .await
        .unwrap();
    let gone = root
        .get_user()
        .user_name("braket-user")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&gone.into_service_error()),
        (
            "NoSuchEntity".into(),
            "The user with name braket-user cannot be found.".into()
        )
    );
    server.stop().await;
}

#[tokio::test]
async fn errors_match_aws() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("Dev").send().await.unwrap();

    let dup = root
        .create_user()
        .user_name("dev")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&dup.into_service_error()),
        (
            "EntityAlreadyExists".into(),
            "User with name dev already exists.".into()
        )
    );

    let bad = root
        .create_user()
        .user_name("no spaces")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&bad.into_service_error()),
        (
            "ValidationError".into(),
            "1 validation error detected: Value 'no spaces' at 'userName' failed to satisfy \
             constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
                .into()
        )
    );

    let first = root
        .create_access_key()
        .user_name("Dev")
        .send()
        .await
        .unwrap();
    root.create_access_key()
        .user_name("Dev")
        .send()
        .await
        .unwrap();
    let third = root
        .create_access_key()
        .user_name("Dev")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&third.into_service_error()),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for AccessKeysPerUser: 2".into()
        )
    );

    let key = first.access_key.unwrap();
    let dev = server.iam(key.access_key_id(), key.secret_access_key());
    let denied = dev.list_users().send().await.unwrap_err();
    assert_eq!(
        code_and_message(&denied.into_service_error()),
        (
            "AccessDenied".into(),
            "User: arn:aws:iam::123456789012:user/Dev is not authorized to perform: \
             iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no \
             identity-based policy allows the iam:ListUsers action"
                .into()
        )
    );

    let wrong_secret = server
        .sts(
            key.access_key_id(),
            "0000000000000000000000000000000000000000",
        )
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&wrong_secret.into_service_error()),
        (
            "SignatureDoesNotMatch".into(),
            "The request signature we calculated does not match the signature you provided. \
             Check your AWS Secret Access Key and signing method. Consult the service \
             documentation for details."
                .into()
        )
    );

    let unknown = server
        .sts("AKIAUNKNOWNUNKNOWN00", ROOT_SECRET)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&unknown.into_service_error()).0,
        "InvalidClientTokenId"
    );
    server.stop().await;
}

#[tokio::test]
async fn users_and_keys_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    for i in 0..5 {
        root.create_user()
            .user_name(format!("u{i}"))
            .send()
            .await
            .unwrap();
    }
    let key = new_key(&root, "u3").await;
    server.stop().await;

    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let users = root
        .list_users()
        .max_items(2)
        .into_paginator()
        .items()
        .send();
    let names: Vec<String> = users
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.user_name().to_owned())
        .collect();
    assert_eq!(names, ["u0", "u1", "u2", "u3", "u4"]);
    let who = server
        .sts(key.access_key_id(), key.secret_access_key())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(who.arn(), Some("arn:aws:iam::123456789012:user/u3"));
    server.stop().await;
}

const READ_S3: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// The guides' policy workflow through the Rust SDK: a group with an AWS managed policy and
/// a member, a customer managed policy with versions attached to a user, and the conflicts
/// that keep a delete from orphaning anything.
#[tokio::test]
async fn groups_and_managed_policies() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    root.create_user().user_name("reader").send().await.unwrap();
    let group = root
        .create_group()
        .group_name("keyspaces-readers")
        .send()
        .await
        .unwrap()
        .group
        .unwrap();
    assert!(group.group_id().starts_with("AGPA"));
    root.attach_group_policy()
        .group_name("keyspaces-readers")
        .policy_arn("arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess")
        .send()
        .await
        .unwrap();
    root.add_user_to_group()
        .group_name("keyspaces-readers")
        .user_name("reader")
        .send()
        .await
        .unwrap();
    let members = root
        .get_group()
        .group_name("keyspaces-readers")
        .send()
        .await
        .unwrap();
    assert_eq!(members.users().len(), 1);
    assert_eq!(members.users()[0].user_name(), "reader");

    let err = root
        .delete_user()
        .user_name("reader")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(
        code_and_message(&err),
        (
            "DeleteConflict".into(),
            "Cannot delete entity, must remove users from group first.".into()
        )
    );

    let policy = root
        .create_policy()
        .policy_name("ReadS3")
        .policy_document(READ_S3)
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    let arn = policy.arn().unwrap().to_owned();
    assert_eq!(arn, "arn:aws:iam::123456789012:policy/ReadS3");
    root.attach_user_policy()
        .user_name("reader")
        .policy_arn(&arn)
        .send()
        .await
        .unwrap();
    let v2 = root
        .create_policy_version()
        .policy_arn(&arn)
        .policy_document(READ_S3)
        .set_as_default(true)
        .send()
        .await
        .unwrap()
        .policy_version
        .unwrap();
    assert_eq!(v2.version_id(), Some("v2"));
    let got = root
        .get_policy_version()
        .policy_arn(&arn)
        .version_id("v2")
        .send()
        .await
        .unwrap()
        .policy_version
        .unwrap();
    assert!(got.is_default_version());
    let wire = got.document().unwrap();
    assert!(
        wire.starts_with("%7B%22Version%22%3A%222012-10-17%22"),
        "{wire}"
    );
    assert_eq!(
        percent_encoding::percent_decode_str(wire)
            .decode_utf8()
            .unwrap(),
        READ_S3
    );

    let err = root
        .delete_policy()
        .policy_arn(&arn)
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(
        code_and_message(&err),
        (
            "DeleteConflict".into(),
            "Cannot delete a policy attached to entities.".into()
        )
    );
    let err = root
        .create_policy()
        .policy_name("Broken")
        .policy_document("{")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(err.is_malformed_policy_document_exception());

    let attached = root
        .list_attached_user_policies()
        .user_name("reader")
        .send()
        .await
        .unwrap();
    assert_eq!(attached.attached_policies().len(), 1);
    assert_eq!(
        attached.attached_policies()[0].policy_arn(),
        Some(arn.as_str())
    );
    server.stop().await;
}

/// Roles with a boundary and tags, and an instance profile holding one role.
#[tokio::test]
async fn roles_and_instance_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    let role = root
        .create_role()
        .role_name("web")
        .assume_role_policy_document(EC2_TRUST)
        .max_session_duration(7200)
        .permissions_boundary("arn:aws:iam::aws:policy/PowerUserAccess")
        .tags(
            aws_sdk_iam::types::Tag::builder()
                .key("tier")
                .value("web")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    assert!(role.role_id().starts_with("AROA"));
    // CreateRole's answer leaves MaxSessionDuration to GetRole, as AWS's does.
    assert_eq!(role.max_session_duration(), None);
    let got = root
        .get_role()
        .role_name("web")
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    assert_eq!(
        got.permissions_boundary()
            .and_then(|b| b.permissions_boundary_arn()),
        Some("arn:aws:iam::aws:policy/PowerUserAccess")
    );
    assert_eq!(got.max_session_duration(), Some(7200));
    assert_eq!(got.tags().len(), 1);

    root.create_instance_profile()
        .instance_profile_name("web-profile")
        .send()
        .await
        .unwrap();
    root.add_role_to_instance_profile()
        .instance_profile_name("web-profile")
        .role_name("web")
        .send()
        .await
        .unwrap();
    let err = root
        .add_role_to_instance_profile()
        .instance_profile_name("web-profile")
        .role_name("web")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(
        code_and_message(&err),
        (
            "LimitExceeded".into(),
            "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1".into()
        )
    );
    let err = root
        .delete_role()
        .role_name("web")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(err.is_delete_conflict_exception());
    root.remove_role_from_instance_profile()
        .instance_profile_name("web-profile")
        .role_name("web")
        .send()
        .await
        .unwrap();
    root.delete_role().role_name("web").send().await.unwrap();
    let err = root
        .get_role()
        .role_name("web")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(
        code_and_message(&err),
        (
            "NoSuchEntity".into(),
            "The role with name web cannot be found.".into()
        )
    );
    server.stop().await;
}

/// Inline policies come back URL-encoded, their combined size is capped per user, and the
/// account summary and OIDC providers answer in the SDK's types.
#[tokio::test]
async fn inline_policies_oidc_and_account() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    root.create_user().user_name("dev").send().await.unwrap();
    root.put_user_policy()
        .user_name("dev")
        .policy_name("read")
        .policy_document(READ_S3)
        .send()
        .await
        .unwrap();
    let got = root
        .get_user_policy()
        .user_name("dev")
        .policy_name("read")
        .send()
        .await
        .unwrap();
    assert_eq!(
        percent_encoding::percent_decode_str(got.policy_document())
            .decode_utf8()
            .unwrap(),
        READ_S3
    );
    let names = root
        .list_user_policies()
        .user_name("dev")
        .send()
        .await
        .unwrap();
    assert_eq!(names.policy_names(), ["read"]);
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{}"}}]}}"#,
        "b".repeat(2000)
    );
    let err = root
        .put_user_policy()
        .user_name("dev")
        .policy_name("big")
        .policy_document(big)
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(
        code_and_message(&err),
        (
            "LimitExceeded".into(),
            "Maximum policy size of 2048 bytes exceeded for user dev".into()
        )
    );

    let arn = root
        .create_open_id_connect_provider()
        .url("https://token.actions.githubusercontent.com")
        .client_id_list("sts.amazonaws.com")
        .thumbprint_list("6938fd4d98bab03faadb97b34396831e3780aea1")
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_arn
        .unwrap();
    assert_eq!(
        arn,
        "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    );
    let provider = root
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(provider.client_id_list(), ["sts.amazonaws.com"]);

    let summary = root.get_account_summary().send().await.unwrap();
    let map = summary.summary_map().unwrap();
    assert_eq!(
        map.get(&aws_sdk_iam::types::SummaryKeyType::Users),
        Some(&1)
    );
    assert_eq!(
        map.get(&aws_sdk_iam::types::SummaryKeyType::AttachedPoliciesPerUserQuota),
        Some(&10)
    );
    server.stop().await;
}
