//! Temporary credentials through the Rust SDK: AssumeRole with an external id, the role's
//! policies on the session, chaining limits, sealed tokens that survive a restart and refuse
//! tampering, and GetSessionToken.

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};
use aws_sdk_sts::types::Credentials as StsCredentials;

const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/reader";

fn iam_with(server: &Server, c: &StsCredentials) -> aws_sdk_iam::Client {
    let config = aws_sdk_iam::Config::builder()
        .behavior_version(aws_sdk_iam::config::BehaviorVersion::latest())
        .endpoint_url(&server.endpoint)
        .region(aws_sdk_iam::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_iam::config::Credentials::new(
            c.access_key_id(),
            c.secret_access_key(),
            Some(c.session_token().to_owned()),
            None,
            "session",
        ))
        .build();
    aws_sdk_iam::Client::from_conf(config)
}

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
            "session",
        ))
        .build();
    aws_sdk_sts::Client::from_conf(config)
}

/// A user `alice` with a key, and a role `reader` (IAMReadOnlyAccess) that trusts alice with an
/// external id. Returns alice's STS client.
async fn setup(server: &Server) -> aws_sdk_sts::Client {
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("alice").send().await.unwrap();
    let key = new_key(&root, "alice").await;
    root.create_role()
        .role_name("reader")
        .assume_role_policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},
                "Action":"sts:AssumeRole",
                "Condition":{"StringEquals":{"sts:ExternalId":"ext-123"}}}]}"#,
        )
        .send()
        .await
        .unwrap();
    root.attach_role_policy()
        .role_name("reader")
        .policy_arn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        .send()
        .await
        .unwrap();
    sts_with(server, key.access_key_id(), key.secret_access_key(), None)
}

#[tokio::test]
async fn assume_role_with_external_id() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let alice = setup(&server).await;

    for external_id in [None, Some("wrong")] {
        let err = alice
            .assume_role()
            .role_arn(ROLE_ARN)
            .role_session_name("s1")
            .set_external_id(external_id.map(str::to_owned))
            .send()
            .await
            .unwrap_err();
        let (code, message) = code_and_message(&err.into_service_error());
        assert_eq!(code, "AccessDenied");
        assert!(message.starts_with(
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: \
             sts:AssumeRole on resource: arn:aws:iam::123456789012:role/reader"
        ));
    }

    let assumed = alice
        .assume_role()
        .role_arn(ROLE_ARN)
        .role_session_name("s1")
        .external_id("ext-123")
        .send()
        .await
        .unwrap();
    let creds = assumed.credentials().unwrap();
    assert!(creds.access_key_id().starts_with("ASIA"));
    let user = assumed.assumed_role_user().unwrap();
    assert_eq!(
        user.arn(),
        "arn:aws:sts::123456789012:assumed-role/reader/s1"
    );
    assert!(user.assumed_role_id().starts_with("AROA") && user.assumed_role_id().ends_with(":s1"));

    let session = sts_with(
        &server,
        creds.access_key_id(),
        creds.secret_access_key(),
        Some(creds.session_token()),
    );
    let who = session.get_caller_identity().send().await.unwrap();
    assert_eq!(who.arn(), Some(user.arn()));
    let iam = iam_with(&server, creds);
    iam.list_users().send().await.unwrap();
    let err = iam
        .create_user()
        .user_name("nope")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&err.into_service_error()).1,
        "User: arn:aws:sts::123456789012:assumed-role/reader/s1 is not authorized to perform: \
         iam:CreateUser on resource: arn:aws:iam::123456789012:user/nope because no \
         identity-based policy allows the iam:CreateUser action"
    );
    server.stop().await;
}

#[tokio::test]
async fn sealed_tokens_survive_restarts_and_refuse_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let alice = setup(&server).await;
    let creds = alice
        .assume_role()
        .role_arn(ROLE_ARN)
        .role_session_name("s2")
        .external_id("ext-123")
        .send()
        .await
        .unwrap()
        .credentials
        .unwrap();
    server.stop().await;

    let server = Server::start(dir.path()).await;
    let (key, secret, token) = (
        creds.access_key_id(),
        creds.secret_access_key(),
        creds.session_token(),
    );
    sts_with(&server, key, secret, Some(token))
        .get_caller_identity()
        .send()
        .await
        .unwrap();

    let mut tampered = token.to_owned().into_bytes();
    let i = tampered.len() / 2;
    tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    for token in [
        Some(tampered.as_str()),
        Some(&token[..token.len() / 2]),
        None,
    ] {
        let err = sts_with(&server, key, secret, token)
            .get_caller_identity()
            .send()
            .await
            .unwrap_err();
        assert_eq!(
            code_and_message(&err.into_service_error()),
            (
                "InvalidClientTokenId".to_owned(),
                "The security token included in the request is invalid.".to_owned()
            )
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn chaining_is_capped_at_one_hour_and_session_tokens_for_users() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let alice = setup(&server).await;
    root.create_role()
        .role_name("chained")
        .max_session_duration(7200)
        .assume_role_policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::123456789012:role/reader"},
                "Action":"sts:AssumeRole"}]}"#,
        )
        .send()
        .await
        .unwrap();
    let first = alice
        .assume_role()
        .role_arn(ROLE_ARN)
        .role_session_name("hop1")
        .external_id("ext-123")
        .send()
        .await
        .unwrap()
        .credentials
        .unwrap();
    let hop = sts_with(
        &server,
        first.access_key_id(),
        first.secret_access_key(),
        Some(first.session_token()),
    );
    let too_long = hop
        .assume_role()
        .role_arn("arn:aws:iam::123456789012:role/chained")
        .role_session_name("hop2")
        .duration_seconds(7200)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&too_long.into_service_error()),
        (
            "ValidationError".to_owned(),
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by \
             role chaining."
                .to_owned()
        )
    );
    let second = hop
        .assume_role()
        .role_arn("arn:aws:iam::123456789012:role/chained")
        .role_session_name("hop2")
        .send()
        .await
        .unwrap();
    assert_eq!(
        second.assumed_role_user().unwrap().arn(),
        "arn:aws:sts::123456789012:assumed-role/chained/hop2"
    );

    let session = alice
        .get_session_token()
        .duration_seconds(900)
        .send()
        .await
        .unwrap();
    let creds = session.credentials().unwrap();
    let who = sts_with(
        &server,
        creds.access_key_id(),
        creds.secret_access_key(),
        Some(creds.session_token()),
    )
    .get_caller_identity()
    .send()
    .await
    .unwrap();
    assert_eq!(who.arn(), Some("arn:aws:iam::123456789012:user/alice"));
    server.stop().await;
}
