//! Two accounts on one server through the Rust SDK: a user of the management account assumes
//! a role of a member account that trusts it with an external id, and the session is the
//! member account's.

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};

fn sts_with(server: &Server, key: &str, secret: &str, token: Option<&str>) -> aws_sdk_sts::Client {
    let config = aws_sdk_sts::Config::builder()
        .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
        .endpoint_url(&server.endpoint)
        .region(aws_sdk_sts::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_sts::config::Credentials::new(
            key,
            secret,
            token.map(str::to_owned),
            None,
            "test",
        ))
        .build();
    aws_sdk_sts::Client::from_conf(config)
}

#[tokio::test]
async fn cross_account_assume_role_with_external_id() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    // The member account, created beside the running server as `keyward accounts create` does.
    let config = keyward_server::ServerConfig::new(
        "127.0.0.1:0".parse().unwrap(),
        dir.path().to_owned(),
        "123456789012".into(),
    );
    let member = keyward_server::create_account(&config, "dev", "dev@example.com")
        .await
        .unwrap();
    let b = member.id.0.clone();
    assert_ne!(b, "123456789012");
    let (b_key, b_secret) = keyward_server::create_root_credentials(&config, &b)
        .await
        .unwrap();
    let b_root = server.iam(&b_key, &b_secret);
    b_root
        .create_role()
        .role_name("Deploy")
        .assume_role_policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},
                "Action":"sts:AssumeRole",
                "Condition":{"StringEquals":{"sts:ExternalId":"ext-42"}}}]}"#,
        )
        .send()
        .await
        .unwrap();

    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("alice").send().await.unwrap();
    root.put_user_policy()
        .user_name("alice")
        .policy_name("assume")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/Deploy"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let key = new_key(&root, "alice").await;
    let alice = sts_with(&server, key.access_key_id(), key.secret_access_key(), None);
    let role_arn = format!("arn:aws:iam::{b}:role/Deploy");

    for external_id in [None, Some("wrong")] {
        let err = alice
            .assume_role()
            .role_arn(&role_arn)
            .role_session_name("deploy")
            .set_external_id(external_id.map(str::to_owned))
            .send()
            .await
            .unwrap_err();
        assert_eq!(
            code_and_message(&err.into_service_error()),
            (
                "AccessDenied".to_owned(),
                format!(
                    "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: \
                     sts:AssumeRole on resource: {role_arn}"
                )
            )
        );
    }

    let assumed = alice
        .assume_role()
        .role_arn(&role_arn)
        .role_session_name("deploy")
        .external_id("ext-42")
        .send()
        .await
        .unwrap();
    let creds = assumed.credentials().unwrap();
    let session = sts_with(
        &server,
        creds.access_key_id(),
        creds.secret_access_key(),
        Some(creds.session_token()),
    );
    let identity = session.get_caller_identity().send().await.unwrap();
    assert_eq!(identity.account(), Some(b.as_str()));
    assert_eq!(
        identity.arn(),
        Some(format!("arn:aws:sts::{b}:assumed-role/Deploy/deploy").as_str())
    );
    server.stop().await;
}
