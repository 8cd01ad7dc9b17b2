//! The store contract, written once against the `Store` trait so that every backend runs the
//! same suite.

use std::sync::Arc;

use keyward_store::{
    attributes, AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, Document, DocumentKind,
    Entity, EntityKind, EntityRef, EntityUpdate, KeyOwner, MasterKey, PageRequest, RelationKind,
    RelationLimit, SqliteStore, Store, StoreError, Tag, TotalSizeLimit, User, UserId, WhenFull,
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
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .create_user(&user("AIDAOTHER", "ALICE", "/"), &[], &[])
            .await,
        Err(StoreError::AlreadyExists),
        "names are unique case-insensitively"
    );
    assert_eq!(store.get_user("alice").await.unwrap(), alice);
    assert_eq!(store.get_user_by_id(&alice.user_id).await.unwrap(), alice);
    assert_eq!(store.get_user("bob").await, Err(StoreError::NotFound));

    for (i, p) in ["/a/", "/a/b/", "/c/"].iter().enumerate() {
        store
            .create_user(&user(&format!("AIDA{i}"), &format!("u{i}"), p), &[], &[])
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

fn entity(kind: EntityKind, id: &str, name: &str, path: &str) -> Entity {
    Entity {
        kind,
        id: id.into(),
        name: name.into(),
        path: path.into(),
        create_date: OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap(),
        attributes: Default::default(),
    }
}

fn doc(owner: &EntityRef, kind: DocumentKind, name: &str, text: &str, default: bool) -> Document {
    Document {
        owner: owner.clone(),
        kind,
        name: name.into(),
        text: text.into(),
        create_date: OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap(),
        is_default: default,
    }
}

const REFUSE_AT_10: RelationLimit = RelationLimit {
    max_per_source: 10,
    when_full: WhenFull::Refuse,
};

/// Entities, tags, relations and documents: the vocabulary every IAM family is built from.
async fn graph_contract(store: Arc<dyn Store>) {
    use EntityKind::*;
    let mut admins = entity(Group, "AGPA1", "Admins", "/ops/");
    admins.attributes = attributes([("note", "x")]);
    store
        .create_entity(
            &admins,
            &[Tag {
                key: "k".into(),
                value: "v".into(),
            }],
            &[],
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .create_entity(&entity(Group, "AGPA2", "ADMINS", "/"), &[], &[], &[])
            .await,
        Err(StoreError::AlreadyExists),
        "names are unique per kind case-insensitively"
    );
    store
        .create_entity(&entity(Role, "AROA1", "admins", "/"), &[], &[], &[])
        .await
        .expect("the same name may be used by another kind");
    assert_eq!(store.get_entity(Group, "admins").await.unwrap(), admins);
    assert_eq!(
        store.get_entity_by_id(Group, "AGPA1").await.unwrap(),
        admins
    );
    assert_eq!(
        store.get_entity_by_id(Role, "AGPA1").await,
        Err(StoreError::NotFound)
    );
    for i in 0..3 {
        store
            .create_entity(
                &entity(Group, &format!("AGPAX{i}"), &format!("g{i}"), "/"),
                &[],
                &[],
                &[],
            )
            .await
            .unwrap();
    }
    let first = store
        .list_entities(Group, "/", page(2, None))
        .await
        .unwrap();
    assert_eq!(first.items[0].name, "Admins");
    let rest = store
        .list_entities(Group, "/", page(2, first.next_marker.as_deref()))
        .await
        .unwrap();
    assert_eq!((rest.items.len(), rest.next_marker), (2, None));
    assert_eq!(
        store
            .list_entities(Group, "/ops/", page(10, None))
            .await
            .unwrap()
            .items,
        vec![admins.clone()]
    );

    let updated = store
        .update_entity(
            Group,
            "Admins",
            &EntityUpdate {
                new_name: Some("Operators".into()),
                new_path: Some("/".into()),
                attributes: vec![("note".into(), None), ("d".into(), Some("1".into()))],
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (updated.id.as_str(), updated.name.as_str()),
        ("AGPA1", "Operators")
    );
    assert_eq!(updated.attributes, attributes([("d", "1")]));
    assert_eq!(
        store
            .update_entity(
                Group,
                "Operators",
                &EntityUpdate {
                    new_name: Some("G0".into()),
                    ..Default::default()
                }
            )
            .await,
        Err(StoreError::AlreadyExists)
    );

    let many: Vec<Tag> = (0..50)
        .map(|i| Tag {
            key: format!("t{i}"),
            value: String::new(),
        })
        .collect();
    assert_eq!(
        store.tag_entity(Group, "operators", &many, 50).await,
        Err(StoreError::LimitExceeded)
    );
    store
        .tag_entity(
            Group,
            "operators",
            &[Tag {
                key: "K".into(),
                value: "w".into(),
            }],
            50,
        )
        .await
        .unwrap();
    let tags = store
        .list_entity_tags(Group, "Operators", page(10, None))
        .await
        .unwrap();
    assert_eq!(
        tags.items,
        vec![Tag {
            key: "K".into(),
            value: "w".into()
        }]
    );
    store
        .untag_entity(Group, "Operators", &["k".into()])
        .await
        .unwrap();
    assert!(store
        .list_entity_tags(Group, "Operators", page(10, None))
        .await
        .unwrap()
        .items
        .is_empty());

    // A user created with a boundary gets it atomically; a missing target writes nothing.
    let carol = user("AIDACAROL", "carol", "/");
    let carol_boundary = keyward_store::Relation {
        kind: RelationKind::PermissionsBoundary,
        from: EntityRef::new(User, "AIDACAROL"),
        to: EntityRef::new(Policy, "ANPAMISSING"),
    };
    assert_eq!(
        store.create_user(&carol, &[], &[carol_boundary]).await,
        Err(StoreError::NotFound)
    );
    assert_eq!(store.get_user("carol").await, Err(StoreError::NotFound));

    // Relations: membership with a per-source quota, idempotent adds, both-sided conflicts.
    let bob = user("AIDABOB", "bob", "/");
    store.create_user(&bob, &[], &[]).await.unwrap();
    let bob_ref = EntityRef::new(User, "AIDABOB");
    let group_ref = updated.reference();
    let limit_2 = RelationLimit {
        max_per_source: 2,
        when_full: WhenFull::Refuse,
    };
    assert!(store
        .add_relation(RelationKind::GroupMember, &bob_ref, &group_ref, limit_2)
        .await
        .unwrap());
    assert!(!store
        .add_relation(RelationKind::GroupMember, &bob_ref, &group_ref, limit_2)
        .await
        .unwrap());
    store
        .add_relation(
            RelationKind::GroupMember,
            &bob_ref,
            &EntityRef::new(Group, "AGPAX0"),
            limit_2,
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .add_relation(
                RelationKind::GroupMember,
                &bob_ref,
                &EntityRef::new(Group, "AGPAX1"),
                limit_2
            )
            .await,
        Err(StoreError::LimitExceeded)
    );
    assert_eq!(
        store
            .add_relation(
                RelationKind::GroupMember,
                &bob_ref,
                &EntityRef::new(Group, "AGPANONE"),
                limit_2
            )
            .await,
        Err(StoreError::NotFound)
    );
    let members = store
        .list_relations(
            RelationKind::GroupMember,
            None,
            Some(&group_ref),
            page(10, None),
        )
        .await
        .unwrap();
    assert_eq!(members.items.len(), 1);
    assert_eq!(members.items[0].from, bob_ref);
    let of_bob = store
        .list_relations(
            RelationKind::GroupMember,
            Some(&bob_ref),
            None,
            page(1, None),
        )
        .await
        .unwrap();
    assert_eq!(of_bob.items.len(), 1);
    let more = store
        .list_relations(
            RelationKind::GroupMember,
            Some(&bob_ref),
            None,
            page(1, of_bob.next_marker.as_deref()),
        )
        .await
        .unwrap();
    assert_eq!((more.items.len(), more.next_marker), (1, None));
    assert_eq!(
        store.delete_entity(Group, "Operators").await,
        Err(StoreError::DeleteConflict(Dependent::Target(
            RelationKind::GroupMember
        )))
    );
    assert_eq!(
        store.delete_user("bob").await,
        Err(StoreError::DeleteConflict(Dependent::Source(
            RelationKind::GroupMember
        )))
    );
    store
        .remove_relation(RelationKind::GroupMember, &bob_ref, None)
        .await
        .unwrap();
    assert_eq!(
        store
            .remove_relation(RelationKind::GroupMember, &bob_ref, Some(&group_ref))
            .await,
        Err(StoreError::NotFound)
    );

    // Managed policies: versions numbered by the store, never reused, at most 5, default kept.
    let policy = entity(Policy, "ANPA1", "Read", "/");
    let policy_ref = policy.reference();
    store
        .create_entity(
            &policy,
            &[],
            &[doc(
                &policy_ref,
                DocumentKind::PolicyVersion,
                "v1",
                "{1}",
                true,
            )],
            &[],
        )
        .await
        .unwrap();
    for n in 2..=5 {
        let added = store
            .add_document_version(
                &doc(
                    &policy_ref,
                    DocumentKind::PolicyVersion,
                    "",
                    &format!("{{{n}}}"),
                    n == 5,
                ),
                "v",
                5,
            )
            .await
            .unwrap();
        assert_eq!(added.name, format!("v{n}"));
    }
    assert_eq!(
        store
            .add_document_version(
                &doc(&policy_ref, DocumentKind::PolicyVersion, "", "{6}", false),
                "v",
                5
            )
            .await,
        Err(StoreError::LimitExceeded)
    );
    let versions = store
        .list_documents(&policy_ref, DocumentKind::PolicyVersion, page(10, None))
        .await
        .unwrap();
    let defaults: Vec<_> = versions
        .items
        .iter()
        .filter(|d| d.is_default)
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(defaults, vec!["v5"]);
    assert_eq!(
        store
            .delete_document(&policy_ref, DocumentKind::PolicyVersion, "v5")
            .await,
        Err(StoreError::DeleteConflict(Dependent::DefaultDocument))
    );
    store
        .set_default_document(&policy_ref, DocumentKind::PolicyVersion, "v2")
        .await
        .unwrap();
    assert!(
        store
            .get_document(&policy_ref, DocumentKind::PolicyVersion, "v2")
            .await
            .unwrap()
            .is_default
    );
    store
        .delete_document(&policy_ref, DocumentKind::PolicyVersion, "v5")
        .await
        .unwrap();
    let added = store
        .add_document_version(
            &doc(&policy_ref, DocumentKind::PolicyVersion, "", "{6}", false),
            "v",
            5,
        )
        .await
        .unwrap();
    assert_eq!(added.name, "v6", "version numbers are never reused");
    assert_eq!(
        store
            .set_default_document(&policy_ref, DocumentKind::PolicyVersion, "v9")
            .await,
        Err(StoreError::NotFound)
    );

    // Attachments: quota per source, both sides block deletes, external targets need no row.
    let aws_admin = EntityRef::new(External, "arn:aws:iam::aws:policy/AdministratorAccess");
    store
        .add_relation(
            RelationKind::PolicyAttachment,
            &bob_ref,
            &policy_ref,
            REFUSE_AT_10,
        )
        .await
        .unwrap();
    store
        .add_relation(
            RelationKind::PolicyAttachment,
            &bob_ref,
            &aws_admin,
            REFUSE_AT_10,
        )
        .await
        .unwrap();
    assert_eq!(
        store.delete_entity(Policy, "read").await,
        Err(StoreError::DeleteConflict(Dependent::Target(
            RelationKind::PolicyAttachment
        )))
    );
    assert_eq!(
        store.delete_user("bob").await,
        Err(StoreError::DeleteConflict(Dependent::Source(
            RelationKind::PolicyAttachment
        )))
    );
    store
        .remove_relation(RelationKind::PolicyAttachment, &bob_ref, Some(&policy_ref))
        .await
        .unwrap();
    store
        .remove_relation(RelationKind::PolicyAttachment, &bob_ref, Some(&aws_admin))
        .await
        .unwrap();
    assert_eq!(
        store.delete_entity(Policy, "read").await,
        Err(StoreError::DeleteConflict(Dependent::Documents(
            DocumentKind::PolicyVersion
        )))
    );

    // A boundary is replaced, not added, and goes with its user.
    let replace_1 = RelationLimit {
        max_per_source: 1,
        when_full: WhenFull::Replace,
    };
    store
        .add_relation(
            RelationKind::PermissionsBoundary,
            &bob_ref,
            &aws_admin,
            replace_1,
        )
        .await
        .unwrap();
    store
        .add_relation(
            RelationKind::PermissionsBoundary,
            &bob_ref,
            &policy_ref,
            replace_1,
        )
        .await
        .unwrap();
    let boundary = store
        .list_relations(
            RelationKind::PermissionsBoundary,
            Some(&bob_ref),
            None,
            page(10, None),
        )
        .await
        .unwrap();
    assert_eq!(boundary.items.len(), 1);
    assert_eq!(boundary.items[0].to, policy_ref);

    // Inline policies: upserted by name, block the owner's delete.
    store
        .put_document(
            &doc(&bob_ref, DocumentKind::InlinePolicy, "p", "{a}", false),
            None,
        )
        .await
        .unwrap();
    store
        .put_document(
            &doc(&bob_ref, DocumentKind::InlinePolicy, "p", "{b}", false),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .get_document(&bob_ref, DocumentKind::InlinePolicy, "p")
            .await
            .unwrap()
            .text,
        "{b}"
    );
    assert_eq!(
        store
            .put_document(
                &doc(
                    &EntityRef::new(User, "AIDANONE"),
                    DocumentKind::InlinePolicy,
                    "p",
                    "{}",
                    false
                ),
                None
            )
            .await,
        Err(StoreError::NotFound)
    );
    let by_length = TotalSizeLimit {
        max: 6,
        measure: |t: &str| t.len(),
    };
    assert_eq!(
        store
            .put_document(
                &doc(&bob_ref, DocumentKind::InlinePolicy, "q", "{cdef}", false),
                Some(by_length)
            )
            .await,
        Err(StoreError::LimitExceeded),
        "the owner's documents are measured together"
    );
    store
        .put_document(
            &doc(&bob_ref, DocumentKind::InlinePolicy, "p", "{cdef}", false),
            Some(by_length),
        )
        .await
        .expect("a replaced document no longer counts");
    assert_eq!(
        store.delete_user("bob").await,
        Err(StoreError::DeleteConflict(Dependent::Documents(
            DocumentKind::InlinePolicy
        )))
    );
    store
        .delete_document(&bob_ref, DocumentKind::InlinePolicy, "p")
        .await
        .unwrap();
    store.delete_user("bob").await.unwrap();
    assert!(store
        .list_relations(
            RelationKind::PermissionsBoundary,
            None,
            Some(&policy_ref),
            page(10, None)
        )
        .await
        .unwrap()
        .items
        .is_empty());

    for v in ["v1", "v3", "v4", "v6"] {
        store
            .delete_document(&policy_ref, DocumentKind::PolicyVersion, v)
            .await
            .unwrap();
    }
    store.delete_entity(Policy, "Read").await.unwrap();
    assert_eq!(
        store
            .get_document(&policy_ref, DocumentKind::PolicyVersion, "v2")
            .await,
        Err(StoreError::NotFound),
        "the default version goes with its policy"
    );

    // Instance profiles hold one role; the role cannot go while it is held.
    let profile = entity(InstanceProfile, "AIPA1", "web", "/");
    store.create_entity(&profile, &[], &[], &[]).await.unwrap();
    let one = RelationLimit {
        max_per_source: 1,
        when_full: WhenFull::Refuse,
    };
    let role_ref = EntityRef::new(Role, "AROA1");
    store
        .add_relation(
            RelationKind::InstanceProfileRole,
            &profile.reference(),
            &role_ref,
            one,
        )
        .await
        .unwrap();
    assert_eq!(
        store.delete_entity(Role, "admins").await,
        Err(StoreError::DeleteConflict(Dependent::Target(
            RelationKind::InstanceProfileRole
        )))
    );
    assert_eq!(
        store.delete_entity(InstanceProfile, "web").await,
        Err(StoreError::DeleteConflict(Dependent::Source(
            RelationKind::InstanceProfileRole
        )))
    );

    // A failed creation writes nothing.
    let orphan = entity(Policy, "ANPA2", "Orphan", "/");
    assert_eq!(
        store
            .create_entity(
                &orphan,
                &[],
                &[doc(
                    &EntityRef::new(Policy, "ANPAOTHER"),
                    DocumentKind::PolicyVersion,
                    "v1",
                    "{}",
                    true
                )],
                &[]
            )
            .await,
        Err(StoreError::NotFound)
    );
    assert_eq!(
        store.get_entity(Policy, "Orphan").await,
        Err(StoreError::NotFound)
    );
}

#[tokio::test]
async fn sqlite_in_memory_meets_the_contract() {
    contract(Arc::new(SqliteStore::in_memory().unwrap())).await;
}

#[tokio::test]
async fn sqlite_meets_the_entity_contract() {
    graph_contract(Arc::new(SqliteStore::in_memory().unwrap())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_attachments_respect_the_quota() {
    let store: Arc<dyn Store> = Arc::new(SqliteStore::in_memory().unwrap());
    store
        .create_user(&user("AIDAQ", "q", "/"), &[], &[])
        .await
        .unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let from = EntityRef::new(EntityKind::User, "AIDAQ");
                let to = EntityRef::new(
                    EntityKind::External,
                    format!("arn:aws:iam::aws:policy/P{i}"),
                );
                store
                    .add_relation(RelationKind::PolicyAttachment, &from, &to, REFUSE_AT_10)
                    .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(true) => ok += 1,
            other => assert_eq!(other, Err(StoreError::LimitExceeded)),
        }
    }
    assert_eq!(ok, 10);
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
        .create_user(&user("AIDAC", "c", "/"), &[], &[])
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
