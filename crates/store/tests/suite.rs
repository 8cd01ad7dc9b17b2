//! The store contract, written once against the `Store` trait and run by [`contract_tests!`]
//! against every backend, one module each: `sqlite` (a database file, each replica its own
//! connection), `sqlite_in_memory` ([`SqliteStore::in_memory`], replicas sharing it) and
//! `postgres`. The PostgreSQL tests need `KEYWARD_TEST_POSTGRES_URL` naming a database
//! (`scripts/postgres-test-db start` prints one) and `--include-ignored`; otherwise they are
//! listed as ignored, with the reason. Each PostgreSQL test works in a fresh schema of that
//! database, dropped at its end, so tests are independent and run in parallel.
//!
//! A new backend is one `Backend` implementation and one line:
//! `mod name { contract_tests!(super::NewBackend); }`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

use std::sync::Arc;

use keyward_store::{
    attributes, open_store, AccessKey, AccessKeyLastUsed, AccessKeyStatus, Dependent, Document,
    DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, EventFilter, EventQuery,
    IndexedEvent, KeyOwner, LogPosition, MasterKey, PageRequest, RelationKind, RelationLimit,
    SqliteStore, Store, StoreError, Tag, TotalSizeLimit, User, UserId, WhenFull,
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

    let long_ago = OffsetDateTime::from_unix_timestamp(1_600_000_000).unwrap();
    store
        .set_access_key_create_date("AKIA1", long_ago)
        .await
        .unwrap();
    assert_eq!(
        store.get_access_key("AKIA1").await.unwrap().create_date,
        long_ago
    );
    assert_eq!(
        store.set_access_key_create_date("AKIANONE", long_ago).await,
        Err(StoreError::NotFound)
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

const REFUSE_AT_100: RelationLimit = RelationLimit {
    max_per_source: 100,
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

/// 16 attachments of distinct policies to one user, spread over `replicas`: exactly 10 fit,
/// and with room for all of them none is lost.
async fn attachments_respect_the_quota(replicas: [Arc<dyn Store>; 2]) {
    replicas[0]
        .create_user(&user("AIDAQ", "q", "/"), &[], &[])
        .await
        .unwrap();
    for (limit, expected) in [(REFUSE_AT_10, 10), (REFUSE_AT_100, 26)] {
        let tasks: Vec<_> = (0..16)
            .map(|i| {
                let store = Arc::clone(&replicas[i % 2]);
                tokio::spawn(async move {
                    let from = EntityRef::new(EntityKind::User, "AIDAQ");
                    let to = EntityRef::new(
                        EntityKind::External,
                        format!("arn:aws:iam::aws:policy/P{}-{i}", limit.max_per_source),
                    );
                    store
                        .add_relation(RelationKind::PolicyAttachment, &from, &to, limit)
                        .await
                })
            })
            .collect();
        for t in tasks {
            match t.await.unwrap() {
                Ok(true) => {}
                other => assert_eq!(other, Err(StoreError::LimitExceeded)),
            }
        }
        let held = replicas[1]
            .list_relations(
                RelationKind::PolicyAttachment,
                Some(&EntityRef::new(EntityKind::User, "AIDAQ")),
                None,
                page(1000, None),
            )
            .await
            .unwrap();
        assert_eq!(held.items.len(), expected);
    }
}

/// 20 concurrent `create_access_key` calls for one user, spread over `replicas`, leave
/// exactly the limit of 2.
async fn key_creation_respects_the_quota(replicas: [Arc<dyn Store>; 2]) {
    let (master, _) = MasterKey::generate();
    let master = Arc::new(master);
    replicas[0]
        .create_user(&user("AIDAC", "c", "/"), &[], &[])
        .await
        .unwrap();
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
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
    let owner = KeyOwner::User(UserId("AIDAC".into()));
    for store in &replicas {
        assert_eq!(store.list_access_keys(&owner).await.unwrap().len(), 2);
    }
}

/// 12 concurrent new versions of a policy holding `v1`, spread over `replicas`: exactly 4
/// fit under the limit of 5, numbered `v2` to `v5` without a duplicate.
async fn policy_versions_respect_the_limit(replicas: [Arc<dyn Store>; 2]) {
    let policy = entity(EntityKind::Policy, "ANPAV", "Versioned", "/");
    let owner = policy.reference();
    replicas[0]
        .create_entity(
            &policy,
            &[],
            &[doc(&owner, DocumentKind::PolicyVersion, "v1", "{1}", true)],
            &[],
        )
        .await
        .unwrap();
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
            let version = doc(&owner, DocumentKind::PolicyVersion, "", "{n}", i == 3);
            tokio::spawn(async move { store.add_document_version(&version, "v", 5).await })
        })
        .collect();
    let mut names = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            Ok(added) => names.push(added.name),
            Err(e) => assert_eq!(e, StoreError::LimitExceeded),
        }
    }
    names.sort();
    assert_eq!(names, ["v2", "v3", "v4", "v5"]);
    let stored = replicas[1]
        .list_documents(&owner, DocumentKind::PolicyVersion, page(10, None))
        .await
        .unwrap();
    assert_eq!(stored.items.len(), 5);
    assert!(stored.items.iter().filter(|d| d.is_default).count() == 1);
}

/// 10 concurrent creations of one name in different cases, spread over `replicas`: one
/// user and one group win, the others are told the name exists.
async fn names_stay_unique(replicas: [Arc<dyn Store>; 2]) {
    let spellings = ["dup", "DUP", "Dup", "dUp", "duP"];
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
            let name = spellings[i % spellings.len()];
            let person = user(&format!("AIDADUP{i}"), name, "/");
            let group = entity(EntityKind::Group, &format!("AGPADUP{i}"), name, "/");
            tokio::spawn(async move {
                (
                    store.create_user(&person, &[], &[]).await,
                    store.create_entity(&group, &[], &[], &[]).await,
                )
            })
        })
        .collect();
    let (mut users, mut groups) = (0, 0);
    for t in tasks {
        let (u, g) = t.await.unwrap();
        match u {
            Ok(()) => users += 1,
            Err(e) => assert_eq!(e, StoreError::AlreadyExists),
        }
        match g {
            Ok(()) => groups += 1,
            Err(e) => assert_eq!(e, StoreError::AlreadyExists),
        }
    }
    assert_eq!((users, groups), (1, 1));
    assert_eq!(
        replicas[1]
            .list_users("/", page(100, None))
            .await
            .unwrap()
            .items
            .len(),
        1
    );
}

/// A group deleted through one replica while a user joins it through the other: either the
/// delete is refused or the join is, never a membership of a deleted group.
async fn delete_races_leave_no_orphan(replicas: [Arc<dyn Store>; 2]) {
    replicas[0]
        .create_user(&user("AIDAJOIN", "joiner", "/"), &[], &[])
        .await
        .unwrap();
    let joiner = EntityRef::new(EntityKind::User, "AIDAJOIN");
    let unlimited = RelationLimit {
        max_per_source: 1000,
        when_full: WhenFull::Refuse,
    };
    for round in 0..10 {
        let group = entity(
            EntityKind::Group,
            &format!("AGPAR{round}"),
            &format!("r{round}"),
            "/",
        );
        replicas[0]
            .create_entity(&group, &[], &[], &[])
            .await
            .unwrap();
        let join = {
            let store = Arc::clone(&replicas[0]);
            let (joiner, target) = (joiner.clone(), group.reference());
            tokio::spawn(async move {
                store
                    .add_relation(RelationKind::GroupMember, &joiner, &target, unlimited)
                    .await
            })
        };
        let delete = {
            let store = Arc::clone(&replicas[1]);
            let name = group.name.clone();
            tokio::spawn(async move { store.delete_entity(EntityKind::Group, &name).await })
        };
        let (joined, deleted) = (join.await.unwrap(), delete.await.unwrap());
        let members = replicas[1]
            .list_relations(
                RelationKind::GroupMember,
                None,
                Some(&group.reference()),
                page(10, None),
            )
            .await
            .unwrap();
        match deleted {
            Ok(_) => {
                assert!(members.items.is_empty(), "a deleted group has no members");
                assert!(matches!(joined, Ok(true) | Err(StoreError::NotFound)));
            }
            Err(e) => {
                assert_eq!(
                    e,
                    StoreError::DeleteConflict(Dependent::Target(RelationKind::GroupMember))
                );
                assert_eq!(joined, Ok(true));
                assert_eq!(members.items.len(), 1);
            }
        }
    }
}

/// A batch of last uses naming a key twice keeps the later one; unknown keys are ignored.
async fn last_use_batches(store: Arc<dyn Store>) {
    let (master, _) = MasterKey::generate();
    store
        .create_access_key(&key("AKIAUSED", KeyOwner::Root, &master), 2)
        .await
        .unwrap();
    let at = |secs: i64, service: &str| AccessKeyLastUsed {
        date: OffsetDateTime::from_unix_timestamp(secs).unwrap(),
        service: service.into(),
        region: "eu-west-1".into(),
    };
    store
        .record_access_key_uses(&[
            ("AKIAUSED".into(), at(1_700_000_100, "iam")),
            ("AKIAGONE".into(), at(1_700_000_150, "iam")),
            ("AKIAUSED".into(), at(1_700_000_200, "sts")),
        ])
        .await
        .unwrap();
    store.record_access_key_uses(&[]).await.unwrap();
    assert_eq!(
        store.get_access_key("AKIAUSED").await.unwrap().last_used,
        Some(at(1_700_000_200, "sts"))
    );
}

#[tokio::test]
async fn store_urls_pick_the_backend() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("keyward.db").display());
    let store = open_store(&url).await.unwrap();
    assert!(
        store.changes().is_none(),
        "the embedded store has no other writer"
    );
    contract(store).await;
    assert_eq!(keyward_store::migrate(&url).await.unwrap(), 3);
    graph_contract(open_store("sqlite://:memory:").await.unwrap()).await;
    for bad in ["mysql://x/y", "sqlite://", "keyward.db"] {
        assert!(
            matches!(open_store(bad).await, Err(StoreError::Config(_))),
            "{bad} is refused"
        );
    }
    for bad in [
        "postgres://u@localhost/db?sslmode=sometimes",
        "postgresql://u@localhost/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem",
        "postgres://u:secret@localhost/db?pool_size=0",
    ] {
        match open_store(bad).await {
            Err(StoreError::Config(message)) => {
                assert!(!message.contains("secret"), "{message} echoes no password")
            }
            other => panic!("{bad}: {:?}", other.err()),
        }
    }
}

/// A store under test. `start` makes an empty one; `replica` opens another handle on it: a
/// new connection (as another process or replica would) for backends that have them, the same
/// store otherwise. The test keeps the backend alive until it ends.
trait Backend: Sized {
    async fn start() -> Self;
    async fn replica(&self) -> Arc<dyn Store>;

    async fn replicas(&self) -> [Arc<dyn Store>; 2] {
        [self.replica().await, self.replica().await]
    }
}

/// Runs every contract body against one backend, as tests of the module it is called in:
/// `contract_tests!(Type)` with `Type: Backend`. Attributes before the type (such as
/// `#[ignore = "why"]`) go on every test.
macro_rules! contract_tests {
    ($(#[$attr:meta])* $backend:ty) => {
        contract_tests!(@one [$(#[$attr])*] $backend,
            meets_the_contract_and_survives_reopen, survives_reopen);
        contract_tests!(@one [$(#[$attr])*] $backend,
            meets_the_entity_contract, entity_contract);
        contract_tests!(@one [$(#[$attr])*] $backend,
            records_last_uses_in_batches, last_uses);
        contract_tests!(@one [$(#[$attr])*] $backend,
            two_replicas_respect_the_key_quota, key_quota);
        contract_tests!(@one [$(#[$attr])*] $backend,
            two_replicas_respect_the_attachment_quota, attachment_quota);
        contract_tests!(@one [$(#[$attr])*] $backend,
            two_replicas_respect_the_policy_version_limit, policy_version_limit);
        contract_tests!(@one [$(#[$attr])*] $backend,
            two_replicas_keep_names_unique, unique_names);
        contract_tests!(@one [$(#[$attr])*] $backend,
            two_replicas_leave_no_orphan_membership, no_orphan_membership);
        contract_tests!(@one [$(#[$attr])*] $backend,
            indexes_and_looks_up_events_of_every_replica, event_index);
    };
    (@one [$(#[$attr:meta])*] $backend:ty, $name:ident, $body:ident) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        $(#[$attr])*
        async fn $name() {
            let backend = <$backend as $crate::Backend>::start().await;
            $crate::$body(&backend).await;
        }
    };
}

fn event(id: &str, time: i64, name: &str, user: &str, resources: &[(&str, &str)]) -> IndexedEvent {
    IndexedEvent {
        event_id: id.into(),
        event_time: time,
        event_name: name.into(),
        event_source: "iam.amazonaws.com".into(),
        read_only: name.starts_with("Get") || name.starts_with("List"),
        username: Some(user.into()),
        access_key_id: Some(format!("AKIA{}", user.to_uppercase())),
        resources: resources
            .iter()
            .map(|(t, n)| ((*t).to_owned(), (*n).to_owned()))
            .collect(),
        record: format!("{{\"eventID\":\"{id}\"}}"),
    }
}

fn events_query(filter: Option<EventFilter>, limit: usize) -> EventQuery {
    EventQuery {
        filter,
        start: 0,
        end: i64::MAX,
        after: None,
        limit,
    }
}

async fn ids(store: &Arc<dyn Store>, query: EventQuery) -> Vec<String> {
    let page = store.lookup_events(query).await.unwrap();
    page.events.into_iter().map(|(_, e)| e.event_id).collect()
}

/// Each replica indexes its own log; a lookup on either sees both; a record indexed twice is
/// kept once; every filter, the time range and the pages agree, newest first.
async fn event_index(backend: &impl Backend) {
    let [a, b] = backend.replicas().await;
    assert_eq!(a.event_log_position("log-a").await.unwrap(), None);
    let user = ("AWS::IAM::User", "bob");
    let first = vec![
        event("e1", 100, "CreateUser", "alice", &[user]),
        event("e2", 200, "GetUser", "alice", &[user]),
    ];
    let at = |offset| LogPosition {
        file: "1:2".into(),
        offset,
    };
    a.index_events("log-a", at(10), first.clone())
        .await
        .unwrap();
    // The same records again (a crash before the position moved) change nothing.
    a.index_events("log-a", at(20), first).await.unwrap();
    assert_eq!(a.event_log_position("log-a").await.unwrap(), Some(at(20)));
    b.index_events(
        "log-b",
        at(5),
        vec![
            event(
                "e3",
                200,
                "DeleteUser",
                "carol",
                &[user, ("AWS::IAM::Group", "bob")],
            ),
            event("e4", 300, "ListRoles", "carol", &[]),
        ],
    )
    .await
    .unwrap();
    assert_eq!(b.event_log_position("log-a").await.unwrap(), Some(at(20)));
    for store in [&a, &b] {
        assert_eq!(
            ids(store, events_query(None, 50)).await,
            ["e4", "e3", "e2", "e1"]
        );
        for (filter, expected) in [
            (EventFilter::EventId("e2".into()), &["e2"][..]),
            (EventFilter::EventName("CreateUser".into()), &["e1"]),
            (EventFilter::ReadOnly(true), &["e4", "e2"]),
            (EventFilter::ReadOnly(false), &["e3", "e1"]),
            (EventFilter::Username("carol".into()), &["e4", "e3"]),
            (EventFilter::AccessKeyId("AKIAALICE".into()), &["e2", "e1"]),
            (
                EventFilter::EventSource("iam.amazonaws.com".into()),
                &["e4", "e3", "e2", "e1"],
            ),
            (EventFilter::EventSource("sts.amazonaws.com".into()), &[]),
            (
                EventFilter::ResourceType("AWS::IAM::User".into()),
                &["e3", "e2", "e1"],
            ),
            (EventFilter::ResourceType("AWS::IAM::Group".into()), &["e3"]),
            // Named by two resources, listed once.
            (EventFilter::ResourceName("bob".into()), &["e3", "e2", "e1"]),
        ] {
            assert_eq!(
                ids(store, events_query(Some(filter.clone()), 50)).await,
                expected,
                "{filter:?}"
            );
        }
    }
    let mut range = events_query(None, 50);
    range.start = 200;
    range.end = 200;
    assert_eq!(ids(&a, range).await, ["e3", "e2"]);

    // Pages of one, following the cursor, visit every event once.
    let mut seen = Vec::new();
    let mut query = events_query(Some(EventFilter::ResourceName("bob".into())), 1);
    loop {
        let page = a.lookup_events(query.clone()).await.unwrap();
        assert!(page.events.len() <= 1);
        seen.extend(page.events.iter().map(|(_, e)| e.event_id.clone()));
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, ["e3", "e2", "e1"]);
    let page = a
        .lookup_events(events_query(Some(EventFilter::EventId("e3".into())), 5))
        .await
        .unwrap();
    let (_, found) = &page.events[0];
    assert_eq!(found.record, "{\"eventID\":\"e3\"}");
    assert_eq!(found.resources.len(), 2);
    assert!(!found.read_only);
}

async fn survives_reopen(backend: &impl Backend) {
    contract(backend.replica().await).await;
    let reopened = backend.replica().await;
    assert_eq!(reopened.all_access_keys().await.unwrap().len(), 1);
    assert_eq!(
        reopened.get_setting("root").await.unwrap().as_deref(),
        Some("a")
    );
}

async fn entity_contract(backend: &impl Backend) {
    graph_contract(backend.replica().await).await;
}

async fn last_uses(backend: &impl Backend) {
    last_use_batches(backend.replica().await).await;
}

async fn key_quota(backend: &impl Backend) {
    key_creation_respects_the_quota(backend.replicas().await).await;
}

async fn attachment_quota(backend: &impl Backend) {
    attachments_respect_the_quota(backend.replicas().await).await;
}

async fn policy_version_limit(backend: &impl Backend) {
    policy_versions_respect_the_limit(backend.replicas().await).await;
}

async fn unique_names(backend: &impl Backend) {
    names_stay_unique(backend.replicas().await).await;
}

async fn no_orphan_membership(backend: &impl Backend) {
    delete_races_leave_no_orphan(backend.replicas().await).await;
}

/// A database file in a temporary directory; each replica opens its own connection.
struct SqliteFile {
    dir: tempfile::TempDir,
}

impl Backend for SqliteFile {
    async fn start() -> Self {
        SqliteFile {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    async fn replica(&self) -> Arc<dyn Store> {
        Arc::new(SqliteStore::open(&self.dir.path().join("keyward.db")).unwrap())
    }
}

/// One in-memory database; replicas share it.
struct SqliteInMemory(SqliteStore);

impl Backend for SqliteInMemory {
    async fn start() -> Self {
        SqliteInMemory(SqliteStore::in_memory().unwrap())
    }

    async fn replica(&self) -> Arc<dyn Store> {
        Arc::new(self.0.clone())
    }
}

/// The embedded store on disk, and what only it does: open data directories of older
/// Keywards.
mod sqlite {
    use super::*;

    contract_tests!(super::SqliteFile);

    /// The schema as Keyward created it before migrations were files: migration 1, then
    /// migration 2 after the marker line.
    const INLINE_SCHEMA: &str = include_str!("fixtures/sqlite_inline_schema.sql");

    /// A database file as an older Keyward left it at `version`, holding one user (with a
    /// tag and a key) and one setting.
    fn old_database(path: &std::path::Path, version: i64) {
        let (first, second) = INLINE_SCHEMA.split_once("-- migration 2\n").unwrap();
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch(first).unwrap();
        if version >= 2 {
            conn.execute_batch(second).unwrap();
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        conn.execute_batch(
            "INSERT INTO users (user_id, name, name_key, path, create_date)
                 VALUES ('AIDAOLD', 'Old', 'old', '/old/', 1700000000);
             INSERT INTO user_tags (user_id, key_key, key, value)
                 VALUES ('AIDAOLD', 'team', 'Team', 'q');
             INSERT INTO access_keys (access_key_id, owner, status, create_date, secret)
                 VALUES ('AKIAOLD', 'AIDAOLD', 'Active', 1700000000, x'00');
             INSERT INTO settings (key, value) VALUES ('root', 'AKIAROOT');",
        )
        .unwrap();
    }

    /// The schema a database holds, statement by statement, and its version.
    fn schema_of(path: &std::path::Path) -> (Vec<(String, String, Option<String>)>, i64) {
        let conn = rusqlite::Connection::open(path).unwrap();
        let statements = conn
            .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let version = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        (statements, version)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn opens_data_directories_created_with_the_inline_schema() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.db");
        SqliteStore::open(&fresh).unwrap();
        for version in [1, 2] {
            let path = dir.path().join(format!("v{version}.db"));
            old_database(&path, version);
            let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).unwrap());
            let old = store.get_user("OLD").await.unwrap();
            assert_eq!(
                (old.user_id.0.as_str(), old.path.as_str()),
                ("AIDAOLD", "/old/")
            );
            assert_eq!(
                store
                    .list_user_tags("old", page(10, None))
                    .await
                    .unwrap()
                    .items,
                vec![Tag {
                    key: "Team".into(),
                    value: "q".into()
                }]
            );
            assert_eq!(
                store.get_access_key("AKIAOLD").await.unwrap().owner,
                KeyOwner::User(old.user_id.clone())
            );
            assert_eq!(
                store.delete_user("old").await,
                Err(StoreError::DeleteConflict(Dependent::AccessKeys))
            );
            graph_contract(Arc::clone(&store)).await;
            drop(store);
            let (upgraded, fresh_schema) = (schema_of(&path), schema_of(&fresh));
            assert_eq!(
                upgraded, fresh_schema,
                "a version {version} database ends with the schema of a new one"
            );
            assert_eq!(
                SqliteStore::open(&path)
                    .unwrap()
                    .get_setting("root")
                    .await
                    .unwrap()
                    .as_deref(),
                Some("AKIAROOT")
            );
        }
    }

    #[tokio::test]
    async fn refuses_a_schema_from_a_newer_keyward() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyward.db");
        SqliteStore::open(&path).unwrap();
        rusqlite::Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(
            matches!(SqliteStore::open(&path), Err(StoreError::Config(_))),
            "a schema from a newer Keyward is refused"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn processes_opening_a_new_file_together_migrate_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyward.db");
        let opens: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || SqliteStore::open(&path).map(|_| ()))
            })
            .collect();
        for open in opens {
            open.join().unwrap().unwrap();
        }
        let url = format!("sqlite://{}", path.display());
        assert_eq!(keyward_store::migrate(&url).await.unwrap(), 3);
    }
}

/// The in-memory embedded store, for tests without a disk: the same migrations and contract.
mod sqlite_in_memory {
    contract_tests!(super::SqliteInMemory);
}

/// The PostgreSQL run of the suite. Its tests are marked ignored, so a plain `cargo test`
/// lists them as not run, with the reason, rather than passing without a database; run them
/// with `KEYWARD_TEST_POSTGRES_URL` set and `-- --include-ignored`.
mod postgres {
    use super::*;
    use keyward_store::PostgresStore;
    use std::time::Duration;

    contract_tests!(
        #[ignore = "needs KEYWARD_TEST_POSTGRES_URL and --include-ignored (scripts/postgres-test-db)"]
        Schema
    );

    /// A fresh schema in the test database, dropped when the test ends (even by a panic).
    struct Schema {
        base: String,
        name: String,
    }

    impl Schema {
        async fn create() -> Schema {
            let base = std::env::var("KEYWARD_TEST_POSTGRES_URL")
                .expect("KEYWARD_TEST_POSTGRES_URL names the test database");
            let name = format!("kw_test_{:016x}", rand::random::<u64>());
            admin(&base, &format!("CREATE SCHEMA {name}")).await;
            Schema { base, name }
        }

        /// The test database's URL with this schema first on the search path.
        fn url(&self) -> String {
            let sep = if self.base.contains('?') { '&' } else { '?' };
            format!("{}{sep}options=-c%20search_path%3D{}", self.base, self.name)
        }
    }

    /// Each replica is a store opened from the URL, with its own pool and watcher.
    impl Backend for Schema {
        async fn start() -> Self {
            Schema::create().await
        }

        async fn replica(&self) -> Arc<dyn Store> {
            open_store(&self.url()).await.unwrap()
        }
    }

    /// Drops the schema from another thread, waiting at most 10 s: after a panic, a
    /// transaction of this test's runtime (blocked meanwhile) may hold a lock, and the schema
    /// is then left to the throw-away cluster.
    impl Drop for Schema {
        fn drop(&mut self) {
            let base = self.base.clone();
            let sql = format!(
                "SET lock_timeout = '5s'; DROP SCHEMA IF EXISTS {} CASCADE",
                self.name
            );
            let (done, finished) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                if let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    runtime.block_on(admin(&base, &sql));
                }
                let _ = done.send(());
            });
            let _ = finished.recv_timeout(Duration::from_secs(10));
        }
    }

    async fn admin(url: &str, sql: &str) {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("connect to KEYWARD_TEST_POSTGRES_URL");
        let driver = tokio::spawn(connection);
        client.batch_execute(sql).await.expect(sql);
        drop(client);
        let _ = driver.await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    #[ignore = "needs KEYWARD_TEST_POSTGRES_URL and --include-ignored (scripts/postgres-test-db)"]
    async fn replicas_starting_together_migrate_once() {
        let schema = Schema::create().await;
        let url = schema.url();
        let opens: Vec<_> = (0..4)
            .map(|_| {
                let url = url.clone();
                tokio::spawn(async move { PostgresStore::open(&url).await.map(|_| ()) })
            })
            .collect();
        for open in opens {
            open.await.unwrap().unwrap();
        }
        assert_eq!(keyward_store::migrate(&url).await.unwrap(), 2);
        admin(
            &schema.url(),
            "INSERT INTO schema_version (version) VALUES (99)",
        )
        .await;
        assert!(
            matches!(PostgresStore::open(&url).await, Err(StoreError::Config(_))),
            "a schema from a newer Keyward is refused"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    #[ignore = "needs KEYWARD_TEST_POSTGRES_URL and --include-ignored (scripts/postgres-test-db)"]
    async fn a_change_reaches_the_other_replica_within_a_second() {
        let schema = Schema::create().await;
        let [a, b] = schema.replicas().await;
        let mut seen_by_b = b.changes().expect("PostgreSQL publishes changes");
        seen_by_b.borrow_and_update();
        let (master, _) = MasterKey::generate();
        a.create_access_key(&key("AKIANOTE", KeyOwner::Root, &master), 2)
            .await
            .unwrap();
        let started = std::time::Instant::now();
        tokio::time::timeout(Duration::from_secs(1), seen_by_b.changed())
            .await
            .expect("the change is seen within one second")
            .unwrap();
        eprintln!(
            "change seen by the other replica after {:?}",
            started.elapsed()
        );
        seen_by_b.borrow_and_update();
        a.update_access_key_status(&KeyOwner::Root, "AKIANOTE", AccessKeyStatus::Inactive)
            .await
            .unwrap();
        tokio::time::timeout(Duration::from_secs(1), seen_by_b.changed())
            .await
            .expect("every change is seen within one second")
            .unwrap();
        seen_by_b.borrow_and_update();
        assert_eq!(
            a.update_access_key_status(
                &KeyOwner::User(UserId("AIDAX".into())),
                "AKIANOTE",
                AccessKeyStatus::Active
            )
            .await,
            Err(StoreError::NotFound)
        );
        a.record_access_key_uses(&[(
            "AKIANOTE".into(),
            AccessKeyLastUsed {
                date: OffsetDateTime::from_unix_timestamp(1_700_000_300).unwrap(),
                service: "iam".into(),
                region: "us-east-1".into(),
            },
        )])
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert!(
            !seen_by_b.has_changed().unwrap(),
            "failed writes and last-used updates are not changes"
        );

        // With the watchers' connections cut (every test's: the others reconnect too), a
        // change is still seen within a second, once the watcher is back.
        admin(
            &schema.base,
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE application_name = '{}'",
                keyward_store::WATCHER_NAME
            ),
        )
        .await;
        a.delete_access_key(&KeyOwner::Root, "AKIANOTE")
            .await
            .unwrap();
        tokio::time::timeout(Duration::from_secs(1), seen_by_b.changed())
            .await
            .expect("a change is seen within one second after a reconnect")
            .unwrap();
    }
}
