//! The in-process Keyward every Rust SDK test talks to, with SDK clients pointed at it.

use std::path::Path;

use aws_sdk_iam::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_iam::error::ProvideErrorMetadata;
use keyward_server::{RootCredentials, RunningServer, ServerConfig};
use tokio::sync::oneshot;

pub const ROOT_KEY: &str = "AKIAROOTROOTROOT0001";
pub const ROOT_SECRET: &str = "rootsecretrootsecretrootsecretrootsecret";

pub struct Server {
    pub endpoint: String,
    stop: oneshot::Sender<()>,
    running: RunningServer,
}

impl Server {
    pub async fn start(dir: &Path) -> Server {
        Server::start_with(dir, |_| {}).await
    }

    /// Starts a server whose configuration `configure` adjusts first.
    pub async fn start_with(dir: &Path, configure: impl FnOnce(&mut ServerConfig)) -> Server {
        let (stop, stopped) = oneshot::channel::<()>();
        let mut config = ServerConfig::new(
            "127.0.0.1:0".parse().unwrap(),
            dir.to_owned(),
            "123456789012".into(),
        );
        config.root_credentials = Some(RootCredentials {
            access_key_id: ROOT_KEY.into(),
            secret_access_key: ROOT_SECRET.into(),
        });
        configure(&mut config);
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

    pub async fn stop(self) {
        self.stop.send(()).unwrap();
        self.running.wait().await.unwrap();
    }

    pub fn iam(&self, key: &str, secret: &str) -> aws_sdk_iam::Client {
        self.iam_session(key, secret, None)
    }

    /// An IAM client signed with session credentials (`token`) or long-term keys (`None`).
    pub fn iam_session(&self, key: &str, secret: &str, token: Option<&str>) -> aws_sdk_iam::Client {
        let config = aws_sdk_iam::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .endpoint_url(&self.endpoint)
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new(
                key,
                secret,
                token.map(str::to_owned),
                None,
                "test",
            ))
            .build();
        aws_sdk_iam::Client::from_conf(config)
    }

    pub fn sts(&self, key: &str, secret: &str) -> aws_sdk_sts::Client {
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

pub fn code_and_message<E: ProvideErrorMetadata>(e: &E) -> (String, String) {
    (
        e.code().unwrap_or_default().to_owned(),
        e.message().unwrap_or_default().to_owned(),
    )
}

/// Creates a user with one access key; returns an IAM client signed with that key.
pub async fn user_client(
    server: &Server,
    root: &aws_sdk_iam::Client,
    name: &str,
) -> aws_sdk_iam::Client {
    root.create_user().user_name(name).send().await.unwrap();
    let key = new_key(root, name).await;
    server.iam(key.access_key_id(), key.secret_access_key())
}

/// Creates an access key for an existing user, as root.
pub async fn new_key(root: &aws_sdk_iam::Client, name: &str) -> aws_sdk_iam::types::AccessKey {
    root.create_access_key()
        .user_name(name)
        .send()
        .await
        .unwrap()
        .access_key
        .unwrap()
}
