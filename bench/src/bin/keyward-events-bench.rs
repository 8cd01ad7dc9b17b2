//! `keyward-events-bench`: loads N audit events into a SQLite store through the indexer's own
//! write path (`Store::index_events`, batches of 10,000) and measures `lookup_events` pages of
//! 50 by each lookup attribute, by time range alone, and a second page through the cursor.
//!
//! `cargo run --release -p keyward-bench --bin keyward-events-bench -- --events 10000000`
//! (`--db PATH` reuses a loaded database: the load is skipped when it holds events).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark harness that fails loudly on inputs of its own"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use keyward_store::{EventFilter, EventQuery, IndexedEvent, LogPosition, SqliteStore, Store};

#[derive(Parser)]
struct Args {
    /// Events to load.
    #[arg(long, default_value_t = 10_000_000)]
    events: u64,
    /// The database file (default: a temporary directory).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Lookups per case.
    #[arg(long, default_value_t = 50)]
    lookups: usize,
}

const NAMES: &[&str] = &[
    "CreateUser",
    "GetUser",
    "ListUsers",
    "DeleteUser",
    "CreateAccessKey",
    "ListAccessKeys",
    "AssumeRole",
    "GetCallerIdentity",
    "CreateRole",
    "GetRole",
    "ListRoles",
    "AttachRolePolicy",
    "PutUserPolicy",
    "GetUserPolicy",
    "TagUser",
    "UntagUser",
    "CreatePolicy",
    "GetPolicy",
    "ListPolicies",
    "SimulatePrincipalPolicy",
    "GetSessionToken",
    "LookupEvents",
    "UpdateUser",
    "CreateGroup",
    "AddUserToGroup",
    "ListGroups",
    "GetAccountSummary",
    "DeleteAccessKey",
    "UpdateAccessKey",
    "GetAccessKeyLastUsed",
];
const USERS: u64 = 2_000;
const RESOURCE_NAMES: u64 = 200_000;
const SPAN_SECS: i64 = 90 * 86_400;

/// A deterministic pseudo-random number for event `i`, part `salt`.
fn mix(i: u64, salt: u64) -> u64 {
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x
}

fn event(i: u64, total: u64, now: i64) -> IndexedEvent {
    let name = NAMES[(mix(i, 1) % NAMES.len() as u64) as usize];
    let source = match name {
        "AssumeRole" | "GetCallerIdentity" | "GetSessionToken" => "sts.amazonaws.com",
        "LookupEvents" => "cloudtrail.amazonaws.com",
        _ => "iam.amazonaws.com",
    };
    let user = mix(i, 2) % USERS;
    // Spread evenly over the last 90 days, in order.
    let time = now - SPAN_SECS + (i as i64 * SPAN_SECS) / total as i64;
    let resource = format!("user-{}", mix(i, 3) % RESOURCE_NAMES);
    let id = format!("{:016x}-{:08x}", mix(i, 4), i);
    let record = format!(
        r#"{{"eventVersion":"1.08","eventTime":"{time}","eventSource":"{source}","eventName":"{name}","awsRegion":"us-east-1","sourceIPAddress":"127.0.0.1","userAgent":"aws-cli/1.36","userIdentity":{{"type":"IAMUser","principalId":"AIDA{user:016}","arn":"arn:aws:iam::123456789012:user/user-{user}","accountId":"123456789012","accessKeyId":"AKIA{user:016}","userName":"user-{user}"}},"requestParameters":{{"userName":"{resource}"}},"responseElements":null,"requestID":"{id}","eventID":"{id}","eventType":"AwsApiCall","recipientAccountId":"123456789012"}}"#
    );
    IndexedEvent {
        event_id: id,
        event_time: time,
        event_name: name.to_owned(),
        event_source: source.to_owned(),
        read_only: name.starts_with("Get")
            || name.starts_with("List")
            || source != "iam.amazonaws.com",
        username: Some(format!("user-{user}")),
        access_key_id: Some(format!("AKIA{user:016}")),
        resources: vec![("AWS::IAM::User".to_owned(), resource)],
        record,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let dir = tempfile::tempdir().unwrap();
    let path = args
        .db
        .clone()
        .unwrap_or_else(|| dir.path().join("events.db"));
    let store = SqliteStore::open(&path).unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let probe = EventQuery {
        filter: None,
        start: 0,
        end: i64::MAX,
        after: None,
        limit: 1,
    };
    let loaded = !store.lookup_events(probe).await.unwrap().events.is_empty();
    let total = args.events;
    // A reused database keeps the times it was loaded with.
    let now = if loaded {
        let newest = store
            .lookup_events(EventQuery {
                filter: None,
                start: 0,
                end: i64::MAX,
                after: None,
                limit: 1,
            })
            .await
            .unwrap();
        newest.events[0].1.event_time
    } else {
        let started = Instant::now();
        const BATCH: u64 = 10_000;
        let mut i = 0;
        while i < total {
            let end = (i + BATCH).min(total);
            let batch: Vec<IndexedEvent> = (i..end).map(|j| event(j, total, now)).collect();
            let position = LogPosition {
                file: "bench".into(),
                offset: end,
            };
            store.index_events("bench", position, batch).await.unwrap();
            i = end;
            if i % 1_000_000 == 0 {
                eprintln!(
                    "loaded {i} events in {:.0} s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        println!(
            "loaded {total} events in {:.1} s ({:.0} events/s); database {} MiB",
            started.elapsed().as_secs_f64(),
            total as f64 / started.elapsed().as_secs_f64(),
            std::fs::metadata(&path)
                .map(|m| m.len() / (1 << 20))
                .unwrap_or(0)
        );
        now
    };

    let sample = move |salt: u64, k: usize| event(mix(k as u64, salt) % total, total, now);
    type Case = (
        &'static str,
        Box<dyn Fn(usize) -> (Option<EventFilter>, i64, i64)>,
    );
    let full = (now - SPAN_SECS, now);
    let cases: Vec<Case> = vec![
        (
            "no attribute (newest 50)",
            Box::new(move |_| (None, full.0, full.1)),
        ),
        (
            "EventId",
            Box::new(move |k| {
                (
                    Some(EventFilter::EventId(sample(11, k).event_id)),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "EventName",
            Box::new(move |k| {
                (
                    Some(EventFilter::EventName(sample(12, k).event_name)),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "ReadOnly=false",
            Box::new(move |_| (Some(EventFilter::ReadOnly(false)), full.0, full.1)),
        ),
        (
            "Username",
            Box::new(move |k| {
                (
                    Some(EventFilter::Username(sample(13, k).username.unwrap())),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "AccessKeyId",
            Box::new(move |k| {
                (
                    Some(EventFilter::AccessKeyId(
                        sample(14, k).access_key_id.unwrap(),
                    )),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "EventSource",
            Box::new(move |_| {
                (
                    Some(EventFilter::EventSource("sts.amazonaws.com".into())),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "ResourceType",
            Box::new(move |_| {
                (
                    Some(EventFilter::ResourceType("AWS::IAM::User".into())),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "ResourceName",
            Box::new(move |k| {
                (
                    Some(EventFilter::ResourceName(
                        sample(15, k).resources[0].1.clone(),
                    )),
                    full.0,
                    full.1,
                )
            }),
        ),
        (
            "time range only (1 h, 30 days ago)",
            Box::new(move |k| {
                let end = now - 30 * 86_400 - (k as i64) * 3_600;
                (None, end - 3_600, end)
            }),
        ),
        (
            "EventName + 1 h range (30 days ago)",
            Box::new(move |k| {
                let end = now - 30 * 86_400 - (k as i64) * 3_600;
                (
                    Some(EventFilter::EventName(sample(16, k).event_name)),
                    end - 3_600,
                    end,
                )
            }),
        ),
        (
            "Username + 1 day range (60 days ago)",
            Box::new(move |k| {
                let end = now - 60 * 86_400 - (k as i64) * 86_400 / 4;
                (
                    Some(EventFilter::Username(sample(17, k).username.unwrap())),
                    end - 86_400,
                    end,
                )
            }),
        ),
    ];
    println!(
        "{:<40} {:>9} {:>9} {:>9} {:>9} {:>8}",
        "lookup (page of 50)", "p50 ms", "p99 ms", "max ms", "page2 p50", "found"
    );
    for (label, make) in &cases {
        let mut first = Vec::new();
        let mut second = Vec::new();
        let mut found = 0;
        for k in 0..args.lookups {
            let (filter, start, end) = make(k);
            let query = EventQuery {
                filter,
                start,
                end,
                after: None,
                limit: 50,
            };
            let t = Instant::now();
            let page = store.lookup_events(query.clone()).await.unwrap();
            first.push(t.elapsed());
            found += page.events.len();
            if let Some(next) = page.next {
                let t = Instant::now();
                store
                    .lookup_events(EventQuery {
                        after: Some(next),
                        ..query
                    })
                    .await
                    .unwrap();
                second.push(t.elapsed());
            }
        }
        first.sort();
        second.sort();
        let page2 = if second.is_empty() {
            "-".to_owned()
        } else {
            format!("{:.2}", percentile(&second, 0.5))
        };
        println!(
            "{label:<40} {:>9.2} {:>9.2} {:>9.2} {page2:>9} {:>8}",
            percentile(&first, 0.5),
            percentile(&first, 0.99),
            percentile(&first, 1.0),
            found / args.lookups
        );
    }
}
