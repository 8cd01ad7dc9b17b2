//! Start-up checks that need a data directory: the master key must be the one the data was
//! sealed with, and keys stored before a restart authenticate afterwards (loaded on first use).

use crate::common::{new_key, Server, ROOT_KEY, ROOT_SECRET};
use keyward_server::ServerConfig;

#[tokio::test]
async fn a_different_master_key_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("alice").send().await.unwrap();
    let key = new_key(&root, "alice").await;
    server.stop().await;

    let mut config = ServerConfig::new(
        "127.0.0.1:0".parse().unwrap(),
        dir.path().to_owned(),
        "123456789012".into(),
    );
    config.master_key = Some("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".into());
    let refused = keyward_server::start(config, async {}).await;
    let message = match refused {
        Ok(_) => panic!("started with the wrong master key"),
        Err(e) => e.to_string(),
    };
    assert!(message.contains("master key"), "{message}");

    let server = Server::start(dir.path()).await;
    let alice = server.sts(key.access_key_id(), key.secret_access_key());
    let me = alice.get_caller_identity().send().await.unwrap();
    assert_eq!(me.arn(), Some("arn:aws:iam::123456789012:user/alice"));
    server.stop().await;
}

#[tokio::test]
async fn an_account_id_that_is_not_twelve_digits_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = ServerConfig::new(
        "127.0.0.1:0".parse().unwrap(),
        dir.path().to_owned(),
        "12345".into(),
    );
    match keyward_server::start(config, async {}).await {
        Ok(_) => panic!("started with a five-digit account id"),
        Err(e) => assert!(e.to_string().contains("twelve digits"), "{e}"),
    }
}
