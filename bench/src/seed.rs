//! Seeding: through the API for the side-by-side runs (the same calls to both systems), and
//! straight through `keyward-store` for the scale runs, where a million API calls would take
//! longer than the benchmark itself.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{
    AccessKey, AccessKeyStatus, KeyOwner, MasterKey, SqliteStore, Store, User, UserId,
};
use rand::Rng;
use time::OffsetDateTime;

use crate::client::{AwsClient, Call, Creds};
use crate::load::{user_name, Fixture};

/// The account both systems serve (Keyward's and moto's default).
pub const ACCOUNT_ID: &str = "123456789012";
/// The external id the role's trust policy demands.
const EXTERNAL_ID: &str = "bench-external-id";
/// Everything the mixes call, allowed on every resource.
const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetCallerIdentity","sts:AssumeRole","iam:GetUser","iam:ListAttachedUserPolicies","iam:CreateUser","iam:CreateAccessKey","iam:AttachUserPolicy"],"Resource":"*"}]}"#;
/// Any AWS principal may assume the role, with the external id. (moto matches only `*` or
/// exact ARNs, not the account's `:root`, so `*` keeps the policy identical for both.)
const TRUST_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"bench-external-id"}}}]}"#;

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn random_from(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect()
}

/// A fresh long-term key pair in AWS's shapes (`AKIA` + 16 base32, 40-character secret).
pub fn new_key_pair() -> Creds {
    Creds::long_term(
        &format!("AKIA{}", random_from(BASE32, 16)),
        &random_from(SECRET_ALPHABET, 40),
    )
}

/// Sends `calls` with `connections` at a time, failing on the first non-2xx answer.
async fn send_all(
    client: &AwsClient,
    creds: &Creds,
    calls: Vec<Call>,
    connections: usize,
) -> Result<Vec<crate::client::Reply>, String> {
    let calls = Arc::new(calls);
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks: tokio::task::JoinSet<Result<Vec<_>, String>> = tokio::task::JoinSet::new();
    for _ in 0..connections.max(1) {
        let (client, creds, calls, next) = (
            client.clone(),
            creds.clone(),
            Arc::clone(&calls),
            Arc::clone(&next),
        );
        tasks.spawn(async move {
            let mut replies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(call) = calls.get(i) else {
                    return Ok(replies);
                };
                replies.push((i, client.expect_ok(&creds, call).await?));
            }
        });
    }
    let mut replies = Vec::with_capacity(calls.len());
    while let Some(done) = tasks.join_next().await {
        replies.extend(done.map_err(|e| e.to_string())??);
    }
    replies.sort_by_key(|(i, _)| *i);
    Ok(replies.into_iter().map(|(_, r)| r).collect())
}

/// What to create through the API.
pub struct ApiSeed<'a> {
    /// Identity that creates everything (the root user).
    pub admin: &'a Creds,
    /// Users to create (`0` when they are already stored).
    pub create_users: usize,
    /// Users that exist in total afterwards.
    pub users: usize,
    /// How many of the first users become callers.
    pub callers: usize,
    /// Keys of the callers when they already exist; created through the API otherwise.
    pub caller_keys: Option<Vec<Creds>>,
    /// Concurrency of the seeding.
    pub connections: usize,
    /// Prefix for the users the write mix creates.
    pub write_prefix: String,
}

/// Creates the policy, the role, the users and the callers' keys, and attaches the policy.
/// Session credentials (mix 5) are added by [`add_sessions`] once authentication is on.
pub async fn seed_api(client: &AwsClient, seed: ApiSeed<'_>) -> Result<Fixture, String> {
    let admin = seed.admin;
    let policy = client
        .expect_ok(
            admin,
            &Call::new(
                "iam",
                "CreatePolicy",
                &[("PolicyName", "bench-policy"), ("PolicyDocument", POLICY)],
            ),
        )
        .await?;
    let policy_arn = policy.field("Arn").ok_or("CreatePolicy returned no Arn")?;
    let role = client
        .expect_ok(
            admin,
            &Call::new(
                "iam",
                "CreateRole",
                &[
                    ("RoleName", "bench-role"),
                    ("AssumeRolePolicyDocument", TRUST_POLICY),
                ],
            ),
        )
        .await?;
    let role_arn = role.field("Arn").ok_or("CreateRole returned no Arn")?;
    client
        .expect_ok(
            admin,
            &Call::new(
                "iam",
                "AttachRolePolicy",
                &[("RoleName", "bench-role"), ("PolicyArn", &policy_arn)],
            ),
        )
        .await?;

    let creates = (0..seed.create_users)
        .map(|i| Call::new("iam", "CreateUser", &[("UserName", &user_name(i))]))
        .collect();
    send_all(client, admin, creates, seed.connections).await?;

    let callers = match seed.caller_keys {
        Some(keys) => keys,
        None => {
            let calls = (0..seed.callers)
                .map(|i| Call::new("iam", "CreateAccessKey", &[("UserName", &user_name(i))]))
                .collect();
            send_all(client, admin, calls, seed.connections)
                .await?
                .iter()
                .map(|reply| {
                    Some(Creds::long_term(
                        &reply.field("AccessKeyId")?,
                        &reply.field("SecretAccessKey")?,
                    ))
                })
                .collect::<Option<Vec<_>>>()
                .ok_or("CreateAccessKey returned no key")?
        }
    };
    let attaches = (0..callers.len())
        .map(|i| {
            Call::new(
                "iam",
                "AttachUserPolicy",
                &[("UserName", &user_name(i)), ("PolicyArn", &policy_arn)],
            )
        })
        .collect();
    send_all(client, admin, attaches, seed.connections).await?;

    Ok(Fixture {
        callers,
        sessions: Vec::new(),
        users: seed.users,
        role_arn,
        external_id: EXTERNAL_ID.to_owned(),
        policy_arn,
        write_prefix: seed.write_prefix,
    })
}

/// Assumes the role once per connection (as the callers), for mix 5.
pub async fn add_sessions(
    client: &AwsClient,
    fixture: &mut Fixture,
    connections: usize,
) -> Result<(), String> {
    let mut sessions = Vec::with_capacity(connections);
    for i in 0..connections {
        let caller = &fixture.callers[i % fixture.callers.len()];
        let name = format!("bench-session-{i}");
        let params = [
            ("RoleArn", fixture.role_arn.as_str()),
            ("RoleSessionName", name.as_str()),
            ("ExternalId", fixture.external_id.as_str()),
        ];
        let reply = client
            .expect_ok(caller, &Call::new("sts", "AssumeRole", &params))
            .await?;
        sessions.push(Creds {
            access_key_id: reply.field("AccessKeyId").ok_or("no AccessKeyId")?,
            secret: reply.field("SecretAccessKey").ok_or("no SecretAccessKey")?,
            session_token: Some(reply.field("SessionToken").ok_or("no SessionToken")?),
        });
    }
    fixture.sessions = sessions;
    Ok(())
}

/// Writes a fresh Keyward data directory holding `users` users with one access key each,
/// sealed under a new master key exactly as the server seals them, plus the settings the server
/// writes on first start (account, creation time, master-key check value, root key). Returns
/// the keys of the first `callers` users.
pub async fn seed_store(
    dir: &Path,
    root: &Creds,
    users: usize,
    callers: usize,
) -> Result<Vec<Creds>, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let (master, raw) = MasterKey::generate();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dir.join("master.key"))
        .map_err(|e| e.to_string())?;
    file.write_all((MasterKey::encode(&raw) + "\n").as_bytes())
        .map_err(|e| e.to_string())?;

    let store = SqliteStore::open(&dir.join("keyward.db")).map_err(fail)?;
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .map_err(|e| e.to_string())?;
    store
        .init_setting("account_id", ACCOUNT_ID)
        .await
        .map_err(fail)?;
    store
        .init_setting("created_at", &now.unix_timestamp().to_string())
        .await
        .map_err(fail)?;
    // The server's start-up check that the master key is the data directory's (keys.rs).
    let check = master.seal("keyward", "master_key_check").map_err(fail)?;
    store
        .init_setting("master_key_check", &BASE64.encode(check.as_bytes()))
        .await
        .map_err(fail)?;
    let master = Arc::new(master);
    store
        .create_access_key(&sealed(&master, root, KeyOwner::Root, now)?, 2)
        .await
        .map_err(fail)?;
    store
        .init_setting("root_initialized", "true")
        .await
        .map_err(fail)?;

    // The store serialises its writes, but several tasks keep it busy while each one waits
    // for the blocking pool, which roughly halves the seeding time.
    const SEEDERS: usize = 4;
    let mut tasks: tokio::task::JoinSet<Result<Vec<(usize, Creds)>, String>> =
        tokio::task::JoinSet::new();
    for seeder in 0..SEEDERS {
        let (store, master) = (store.clone(), Arc::clone(&master));
        tasks.spawn(async move {
            let mut keys = Vec::new();
            for i in (seeder..users).step_by(SEEDERS) {
                let user = User {
                    user_id: UserId(format!("AIDA{}", random_from(BASE32, 17))),
                    name: user_name(i),
                    path: "/".to_owned(),
                    create_date: now,
                };
                store.create_user(&user, &[], &[]).await.map_err(fail)?;
                let creds = new_key_pair();
                let key = sealed(&master, &creds, KeyOwner::User(user.user_id), now)?;
                store.create_access_key(&key, 2).await.map_err(fail)?;
                if i < callers {
                    keys.push((i, creds));
                }
            }
            Ok(keys)
        });
    }
    let mut keys = Vec::with_capacity(callers);
    while let Some(done) = tasks.join_next().await {
        keys.extend(done.map_err(|e| e.to_string())??);
    }
    keys.sort_by_key(|(i, _)| *i);
    Ok(keys.into_iter().map(|(_, creds)| creds).collect())
}

fn fail(e: keyward_store::StoreError) -> String {
    e.to_string()
}

/// An access key record with its secret sealed the way the server seals it (bound to its id).
fn sealed(
    master: &MasterKey,
    creds: &Creds,
    owner: KeyOwner,
    now: OffsetDateTime,
) -> Result<AccessKey, String> {
    Ok(AccessKey {
        access_key_id: creds.access_key_id.clone(),
        owner,
        status: AccessKeyStatus::Active,
        create_date: now,
        secret: master
            .seal(&creds.secret, &creds.access_key_id)
            .map_err(fail)?,
        last_used: None,
    })
}
