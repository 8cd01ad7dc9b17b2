//! The store contract, written once against the `Store` trait so that every backend runs the
//! same suite.

use std::sync::Arc;

use keyward_store::{
    AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, KeyOwner, MasterKey, PageRequest,
    SqliteStore, Store, StoreError, Tag, User, UserId,
};
use time::OffsetDateTime;

fn user(id: &str, name: &str, path: &str) -> User {
    User {
        user_id: UserId(id.into()),
        name: name.into(),
        path: path.into(),
        create_date: OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap(),
    }
}

fn key(id: &str, owner: KeyOwner, master: &MasterKey) -> AccessKey {
    AccessKey {
        access_key_id: id.into(),
        owner,
        status: AccessKeyStatus::Active,
        create_date: OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap(),
        secret: master.seal(&format!("secret-of-{id}"), id).unwrap(),
        last_used: None,
    }
}

fn page(max_items: usize, marker: Option<&str>) -> PageRequest<'_> {
    PageRequest { marker, max_items }
}

async fn contract(store: Arc<dyn Store>) {
    let (master, _) = MasterKey::generate();
    let alice = user("AIDAALICE", "Alice", "/");
    store
        .create_user(
            &alice,
            &[Tag {
                key: "team".into(),
                value: "q".into(),
            }],
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .create_user(&user("AIDAOTHER", "ALICE", "/"), &[])
            .await,
        Err(StoreError::AlreadyExists),
        "names are unique case-insensitively"
    );
    assert_eq!(store.get_user("alice").await.unwrap(), alice);
    assert_eq!(store.get_user_by_id(&alice.user_id).await.unwrap(), alice);
    assert_eq!(store.get_user("bob").await, Err(StoreError::NotFound));

    for (i, p) in ["/a/", "/a/b/", "/c/"].iter().enumerate() {
        store
            .create_user(&user(&format!("AIDA{i}"), &format!("u{i}"), p), &[])
            .await
            .unwrap();
    }
    let all = store.list_users("/", page(100, None)).await.unwrap();
    assert_eq!(all.items.len(), 4);
    assert!(all.next_marker.is_none());
    let under_a = store.list_users("/a/", page(100, None)).await.unwrap();
    assert_eq!(under_a.items.len(), 2);
    let first = store.list_users("/", page(3, None)).await.unwrap();
    assert_eq!(first.items.len(), 3);
    let marker = first.next_marker.clone().expect("truncated");
    let rest = store.list_users("/", page(3, Some(&marker))).await.unwrap();
    assert_eq!(rest.items.len(), 1);
    assert!(rest.next_marker.is_none());

    let renamed = store
        .update_user("alice", Some("Alicia"), Some("/people/"))
        .await
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.path.as_str()),
        ("Alicia", "/people/")
    );
    assert_eq!(renamed.user_id, alice.user_id);
    assert_eq!(
        store.update_user("Alicia", Some("u0"), None).await,
        Err(StoreError::AlreadyExists)
    );
    assert_eq!(
        store.update_user("alice", Some("x"), None).await,
        Err(StoreError::NotFound)
    );

    store
        .tag_user(
            "alicia",
            &[Tag {
                key: "TEAM".into(),
                value: "r".into(),
            }],
            50,
        )
        .await
        .unwrap();
    let tags = store
        .list_user_tags("Alicia", page(100, None))
        .await
        .unwrap();
    assert_eq!(
        tags.items,
        vec![Tag {
            key: "TEAM".into(),
            value: "r".into()
        }]
    );
    let many: Vec<Tag> = (0..50)
        .map(|i| Tag {
            key: format!("k{i}"),
            value: String::new(),
        })
        .collect();
    assert_eq!(
        store.tag_user("Alicia", &many, 50).await,
        Err(StoreError::LimitExceeded)
    );
    assert_eq!(
        store
            .list_user_tags("Alicia", page(100, None))
            .await
            .unwrap()
            .items
            .len(),
        1,
        "a refused tag write changes nothing"
    );
    store
        .untag_user("Alicia", &["team".into(), "absent".into()])
        .await
        .unwrap();
    assert!(store
        .list_user_tags("Alicia", page(100, None))
        .await
        .unwrap()
        .items
        .is_empty());

    let owner = KeyOwner::User(alice.user_id.clone());
    let k1 = key("AKIA1", owner.clone(), &master);
    store.create_access_key(&k1, 2).await.unwrap();
    store
        .create_access_key(&key("AKIA2", owner.clone(), &master), 2)
        .await
        .unwrap();
    assert_eq!(
        store
            .create_access_key(&key("AKIA3", owner.clone(), &master), 2)
            .await,
        Err(StoreError::LimitExceeded)
    );
    assert_eq!(
        store
            .create_access_key(
                &key("AKIA9", KeyOwner::User(UserId("AIDANONE".into())), &master),
                2
            )
            .await,
        Err(StoreError::NotFound)
    );
    let stored = store.get_access_key("AKIA1").await.unwrap();
    assert_eq!(
        master.open(&stored.secret, "AKIA1").unwrap(),
        "secret-of-AKIA1"
    );
    assert_eq!(store.list_access_keys(&owner).await.unwrap().len(), 2);

    store
        .update_access_key_status(&owner, "AKIA1", AccessKeyStatus::Inactive)
        .await
        .unwrap();
    assert_eq!(
        store.get_access_key("AKIA1").await.unwrap().status,
        AccessKeyStatus::Inactive
    );
    assert_eq!(
        store
            .update_access_key_status(&KeyOwner::Root, "AKIA1", AccessKeyStatus::Active)
            .await,
        Err(StoreError::NotFound),
        "a key is only reachable through its owner"
    );

    let used = AccessKeyLastUsed {
        date: OffsetDateTime::from_unix_timestamp(1_700_000_100).unwrap(),
        service: "sts".into(),
        region: "us-east-1".into(),
    };
    store
        .record_access_key_uses(&[("AKIA2".into(), used.clone())])
        .await
        .unwrap();
    assert_eq!(
        store.get_access_key("AKIA2").await.unwrap().last_used,
        Some(used)
    );

    assert_eq!(
        store.delete_user("Alicia").await,
        Err(StoreError::DeleteConflict(Dependent::AccessKeys))
    );
    store.delete_access_key(&owner, "AKIA1").await.unwrap();
    store.delete_access_key(&owner, "AKIA2").await.unwrap();
    assert_eq!(
        store.delete_access_key(&owner, "AKIA2").await,
        Err(StoreError::NotFound)
    );
    assert_eq!(
        store.delete_user("alicia").await.unwrap().user_id,
        alice.user_id
    );
    assert_eq!(store.get_user("Alicia").await, Err(StoreError::NotFound));

    store
        .create_access_key(&key("AKIAROOT", KeyOwner::Root, &master), 2)
        .await
        .unwrap();
    assert_eq!(
        store.list_access_keys(&KeyOwner::Root).await.unwrap().len(),
        1
    );
    assert_eq!(store.all_access_keys().await.unwrap().len(), 1);

    assert_eq!(store.get_setting("root").await.unwrap(), None);
    assert_eq!(store.init_setting("root", "a").await.unwrap(), "a");
    assert_eq!(store.init_setting("root", "b").await.unwrap(), "a");
}

#[tokio::test]
async fn sqlite_in_memory_meets_the_contract() {
    contract(Arc::new(SqliteStore::in_memory().unwrap())).await;
}

#[tokio::test]
async fn sqlite_file_meets_the_contract_and_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keyward.db");
    contract(Arc::new(SqliteStore::open(&path).unwrap())).await;
    let reopened = SqliteStore::open(&path).unwrap();
    assert_eq!(reopened.all_access_keys().await.unwrap().len(), 1);
    assert_eq!(
        reopened.get_setting("root").await.unwrap().as_deref(),
        Some("a")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_key_creation_respects_the_quota() {
    let store: Arc<dyn Store> = Arc::new(SqliteStore::in_memory().unwrap());
    let (master, _) = MasterKey::generate();
    let master = Arc::new(master);
    store
        .create_user(&user("AIDAC", "c", "/"), &[])
        .await
        .unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let store = Arc::clone(&store);
            let master = Arc::clone(&master);
            tokio::spawn(async move {
                let owner = KeyOwner::User(UserId("AIDAC".into()));
                store
                    .create_access_key(&key(&format!("AKIAC{i}"), owner, &master), 2)
                    .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(()) => ok += 1,
            Err(e) => assert_eq!(e, StoreError::LimitExceeded),
        }
    }
    assert_eq!(ok, 2);
}
