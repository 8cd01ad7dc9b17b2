//! Console credentials through the Rust SDK: the typed errors a program matches on
//! (`PasswordPolicyViolationException`, `EntityAlreadyExistsException`,
//! `InvalidUserTypeException`), the password policy's shape, and a user changing their own
//! password.

use crate::common::{code_and_message, user_client, Server, ROOT_KEY, ROOT_SECRET};

#[tokio::test]
async fn login_profiles_password_policy_and_change_password() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let me = user_client(&server, &root, "console-user").await;

    root.update_account_password_policy()
        .minimum_password_length(12)
        .require_numbers(true)
        .allow_users_to_change_password(true)
        .password_reuse_prevention(1)
        .send()
        .await
        .unwrap();
    let policy = root
        .get_account_password_policy()
        .send()
        .await
        .unwrap()
        .password_policy
        .unwrap();
    assert_eq!(policy.minimum_password_length(), Some(12));
    assert!(policy.require_numbers());
    assert!(!policy.expire_passwords());
    assert_eq!(policy.max_password_age(), None);
    assert_eq!(policy.password_reuse_prevention(), Some(1));
    assert_eq!(policy.hard_expiry(), None);

    let short = root
        .create_login_profile()
        .user_name("console-user")
        .password("Short-pw-1")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(short.is_password_policy_violation_exception(), "{short:?}");
    assert_eq!(
        code_and_message(&short).1,
        "Password does not conform to the account password policy."
    );

    let profile = root
        .create_login_profile()
        .user_name("console-user")
        .password("Long-enough-pw-1")
        .password_reset_required(true)
        .send()
        .await
        .unwrap()
        .login_profile
        .unwrap();
    assert_eq!(profile.user_name(), "console-user");
    assert!(profile.password_reset_required());
    let again = root
        .create_login_profile()
        .user_name("console-user")
        .password("Long-enough-pw-2")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(again.is_entity_already_exists_exception(), "{again:?}");

    let reused = me
        .change_password()
        .old_password("Long-enough-pw-1")
        .new_password("Long-enough-pw-1")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(
        reused.is_password_policy_violation_exception(),
        "{reused:?}"
    );
    me.change_password()
        .old_password("Long-enough-pw-1")
        .new_password("Long-enough-pw-2")
        .send()
        .await
        .unwrap();
    let after = root
        .get_login_profile()
        .user_name("console-user")
        .send()
        .await
        .unwrap()
        .login_profile
        .unwrap();
    assert!(!after.password_reset_required());
    assert_eq!(after.create_date(), profile.create_date());

    let by_root = root
        .change_password()
        .old_password("Long-enough-pw-2")
        .new_password("Long-enough-pw-3")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(by_root.is_invalid_user_type_exception(), "{by_root:?}");

    let conflict = root
        .delete_user()
        .user_name("console-user")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(conflict.is_delete_conflict_exception(), "{conflict:?}");
    server.stop().await;
}

/// `HardExpiry` (API_PasswordPolicy): once a password outlives `MaxPasswordAge`, "IAM users
/// with iam:ChangePassword permission and active access keys can reset their own expired
/// console password using the AWS CLI or API" — the account-wide grant of
/// `AllowUsersToChangePassword` no longer does. The password's age is moved back in the store
/// between two runs of the server.
#[tokio::test]
async fn hard_expiry_withdraws_the_account_wide_grant() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.update_account_password_policy()
        .max_password_age(30)
        .hard_expiry(true)
        .allow_users_to_change_password(true)
        .send()
        .await
        .unwrap();
    root.create_user()
        .user_name("expiring")
        .send()
        .await
        .unwrap();
    let user_id = root
        .get_user()
        .user_name("expiring")
        .send()
        .await
        .unwrap()
        .user
        .unwrap()
        .user_id
        .clone();
    let key = crate::common::new_key(&root, "expiring").await;
    let me = server.iam(key.access_key_id(), key.secret_access_key());
    root.create_login_profile()
        .user_name("expiring")
        .password("Fresh-pass-1")
        .send()
        .await
        .unwrap();
    me.change_password()
        .old_password("Fresh-pass-1")
        .new_password("Fresh-pass-2")
        .send()
        .await
        .unwrap();
    server.stop().await;

    let store = keyward_store::SqliteStore::open(&dir.path().join("keyward.db")).unwrap();
    let long_ago = time::OffsetDateTime::now_utc() - time::Duration::days(31);
    keyward_store::Store::update_entity(
        &store,
        keyward_store::EntityKind::LoginProfile,
        &user_id,
        &keyward_store::EntityUpdate {
            attributes: vec![(
                "PasswordLastSet".into(),
                Some(long_ago.unix_timestamp().to_string()),
            )],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    drop(store);

    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let me = server.iam(key.access_key_id(), key.secret_access_key());
    let refused = me
        .change_password()
        .old_password("Fresh-pass-2")
        .new_password("Fresh-pass-3")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(code_and_message(&refused).0, "AccessDenied");
    root.put_user_policy()
        .user_name("expiring")
        .policy_name("own-password")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#,
        )
        .send()
        .await
        .unwrap();
    me.change_password()
        .old_password("Fresh-pass-2")
        .new_password("Fresh-pass-3")
        .send()
        .await
        .unwrap();
    server.stop().await;
}
