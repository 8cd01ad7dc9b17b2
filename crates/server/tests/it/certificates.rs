//! Server certificates, signing certificates and SSH public keys through the Rust SDK, with the
//! key material in `fixtures/`: the private key is never returned, a key that does not match
//! the certificate is refused, SSH keys get AWS's MD5 fingerprint and both encodings, and
//! `DeleteUser` refuses while the user still has any of them.

use aws_sdk_iam::types::{EncodingType, StatusType};

use crate::common::{code_and_message, Server, ROOT_KEY, ROOT_SECRET};

const CERT: &str = include_str!("fixtures/server-cert.pem");
const KEY: &str = include_str!("fixtures/server-key.pem");
const OTHER_KEY: &str = include_str!("fixtures/other-key.pem");
const SSH_KEY: &str = include_str!("fixtures/ssh-ed25519.pub");
const SSH_FINGERPRINT: &str = "74:60:49:90:f9:00:da:9e:97:70:62:30:0d:a4:d5:21";

#[tokio::test]
async fn server_certificates() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    let mismatch = root
        .upload_server_certificate()
        .server_certificate_name("web")
        .certificate_body(CERT)
        .private_key(OTHER_KEY)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(mismatch.as_service_error().unwrap()).0,
        "KeyPairMismatch"
    );

    let uploaded = root
        .upload_server_certificate()
        .server_certificate_name("web")
        .path("/cloudfront/")
        .certificate_body(CERT)
        .private_key(KEY)
        .send()
        .await
        .unwrap()
        .server_certificate_metadata
        .unwrap();
    assert_eq!(
        uploaded.arn(),
        "arn:aws:iam::123456789012:server-certificate/cloudfront/web"
    );
    assert!(uploaded.server_certificate_id().starts_with("ASCA"));
    assert!(uploaded.expiration().is_some());

    let got = root
        .get_server_certificate()
        .server_certificate_name("web")
        .send()
        .await
        .unwrap()
        .server_certificate
        .unwrap();
    assert_eq!(got.certificate_body().trim(), CERT.trim());
    let listed = root
        .list_server_certificates()
        .path_prefix("/cloudfront/")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.server_certificate_metadata_list().len(), 1);

    root.update_server_certificate()
        .server_certificate_name("web")
        .new_server_certificate_name("web2")
        .send()
        .await
        .unwrap();
    root.delete_server_certificate()
        .server_certificate_name("web2")
        .send()
        .await
        .unwrap();
    let gone = root
        .get_server_certificate()
        .server_certificate_name("web2")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(gone.as_service_error().unwrap()).0,
        "NoSuchEntity"
    );
    server.stop().await;
}

#[tokio::test]
async fn signing_certificates_and_ssh_keys_block_delete_user() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name("dev").send().await.unwrap();

    let signing = root
        .upload_signing_certificate()
        .user_name("dev")
        .certificate_body(CERT)
        .send()
        .await
        .unwrap()
        .certificate
        .unwrap();
    assert_eq!(signing.status(), &StatusType::Active);
    root.update_signing_certificate()
        .user_name("dev")
        .certificate_id(signing.certificate_id())
        .status(StatusType::Inactive)
        .send()
        .await
        .unwrap();
    let listed = root
        .list_signing_certificates()
        .user_name("dev")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.certificates()[0].status(), &StatusType::Inactive);

    let ssh = root
        .upload_ssh_public_key()
        .user_name("dev")
        .ssh_public_key_body(SSH_KEY.trim())
        .send()
        .await
        .unwrap()
        .ssh_public_key
        .unwrap();
    assert_eq!(ssh.fingerprint(), SSH_FINGERPRINT);
    assert!(ssh.ssh_public_key_id().starts_with("APKA"));
    let pem = root
        .get_ssh_public_key()
        .user_name("dev")
        .ssh_public_key_id(ssh.ssh_public_key_id())
        .encoding(EncodingType::Pem)
        .send()
        .await
        .unwrap()
        .ssh_public_key
        .unwrap();
    assert!(pem
        .ssh_public_key_body()
        .starts_with("-----BEGIN PUBLIC KEY-----"));
    root.update_ssh_public_key()
        .user_name("dev")
        .ssh_public_key_id(ssh.ssh_public_key_id())
        .status(StatusType::Inactive)
        .send()
        .await
        .unwrap();
    let keys = root
        .list_ssh_public_keys()
        .user_name("dev")
        .send()
        .await
        .unwrap();
    assert_eq!(keys.ssh_public_keys()[0].status(), &StatusType::Inactive);

    let conflict = root
        .delete_user()
        .user_name("dev")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(conflict.as_service_error().unwrap()).0,
        "DeleteConflict"
    );
    root.delete_signing_certificate()
        .user_name("dev")
        .certificate_id(signing.certificate_id())
        .send()
        .await
        .unwrap();
    let still = root
        .delete_user()
        .user_name("dev")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(still.as_service_error().unwrap()).0,
        "DeleteConflict",
        "the SSH key still belongs to the user"
    );
    root.delete_ssh_public_key()
        .user_name("dev")
        .ssh_public_key_id(ssh.ssh_public_key_id())
        .send()
        .await
        .unwrap();
    root.delete_user().user_name("dev").send().await.unwrap();
    server.stop().await;
}
