//! The Rust AWS SDK, unmodified, against an in-process Keyward: the guides' user and key
//! workflow, and the errors a program's error handling must see exactly as AWS sends them.

use std::path::Path;

use aws_sdk_iam::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_sdk_iam::types::StatusType;
use keyward_server::{RootCredentials, RunningServer, ServerConfig};
use tokio::sync::oneshot;

const ROOT_KEY: &str = "AKIAROOTROOTROOT0001";
const ROOT_SECRET: &str = "rootsecretrootsecretrootsecretrootsecret";

struct Server {
    endpoint: String,
    stop: oneshot::Sender<()>,
    running: RunningServer,
}

impl Server {
    async fn start(dir: &Path) -> Server {
        let (stop, stopped) = oneshot::channel::<()>();
        let config = ServerConfig {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.to_owned(),
            account_id: "123456789012".into(),
            root_credentials: Some(RootCredentials {
                access_key_id: ROOT_KEY.into(),
                secret_access_key: ROOT_SECRET.into(),
            }),
            master_key: None,
        };
        let running = keyward_server::start(config, async {
            let _ = stopped.await;
        })
        .await
        .unwrap();
        Server {
            endpoint: format!("http://{}", running.local_addr),
            stop,
            running,
        }
    }

    async fn stop(self) {
        self.stop.send(()).unwrap();
        self.running.wait().await.unwrap();
    }

    fn iam(&self, key: &str, secret: &str) -> aws_sdk_iam::Client {
        let config = aws_sdk_iam::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .endpoint_url(&self.endpoint)
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new(key, secret, None, None, "test"))
            .build();
        aws_sdk_iam::Client::from_conf(config)
    }

    fn sts(&self, key: &str, secret: &str) -> aws_sdk_sts::Client {
        let config = aws_sdk_sts::Config::builder()
            .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
            .endpoint_url(&self.endpoint)
            .region(aws_sdk_sts::config::Region::new("eu-west-1"))
            .credentials_provider(aws_sdk_sts::config::Credentials::new(
                key, secret, None, None, "test",
            ))
            .build();
        aws_sdk_sts::Client::from_conf(config)
    }
}

fn code_and_message<E: ProvideErrorMetadata>(e: &E) -> (String, String) {
    (
        e.code().unwrap_or_default().to_owned(),
        e.message().unwrap_or_default().to_owned(),
    )
}

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

    let key = root
        .create_access_key()
        .user_name("braket-user")
        .send()
        .await
        .unwrap()
        .access_key
        .unwrap();
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
    let key = root
        .create_access_key()
        .user_name("u3")
        .send()
        .await
        .unwrap()
        .access_key
        .unwrap();
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
