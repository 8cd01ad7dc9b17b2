//! Feeds the store's event index (CloudTrail's `LookupEvents`) from the audit log. The log
//! stays the durable record, written before a change is acknowledged; one task follows it by
//! file and offset, reading only what the writer has synced ([`DurableLength`]), and indexes
//! each batch of records with the position after it in one store transaction. After a restart
//! or a `kill -9` it resumes at the stored position — through the files rotated since, oldest
//! first — so no record is skipped, and none is indexed twice (the position moves with the
//! records; an event id is indexed once whatever happens). No request waits for the index.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use keyward_store::{IndexedEvent, LogPosition, Store, StoreError};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use tokio::sync::watch;

use crate::audit::{file_identity, DurableLength};

/// Records indexed per store transaction at most.
const BATCH_EVENTS: usize = 500;

/// Bytes read from the log per step.
const READ_CHUNK: usize = 1024 * 1024;

/// How long the indexer waits before trying again after the store failed.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// The file the indexer reads: its handle (kept across a rename), identity and offset.
struct Reading {
    file: File,
    identity: String,
    offset: u64,
}

/// Follows one audit log into the store's event index.
pub struct AuditIndexer {
    store: Arc<dyn Store>,
    path: PathBuf,
    log_id: String,
    durable: watch::Receiver<DurableLength>,
    /// Files still to read before the current one (rotated while the indexer was behind).
    backlog: Vec<PathBuf>,
    reading: Option<Reading>,
}

impl AuditIndexer {
    /// An indexer of the log at `path` into `store`, following `durable`. The log's id (kept
    /// in `<path>.index-id`, made once) names its position in the store, so replicas sharing a
    /// PostgreSQL store each index their own log into the shared tables.
    pub fn new(
        store: Arc<dyn Store>,
        path: &Path,
        durable: watch::Receiver<DurableLength>,
    ) -> std::io::Result<Self> {
        Ok(AuditIndexer {
            store,
            path: path.to_owned(),
            log_id: log_id(path)?,
            durable,
            backlog: Vec::new(),
            reading: None,
        })
    }

    /// Indexes what is in the log, then what is appended, until the task is aborted.
    pub async fn run(mut self) {
        loop {
            if let Err(e) = self.catch_up().await {
                tracing::warn!(error = %e, "audit event index behind; retrying");
                self.reading = None;
                tokio::time::sleep(RETRY_AFTER).await;
                continue;
            }
            // Wake on the next synced batch or rotation; a closed channel (the writer has
            // stopped) leaves nothing more to follow.
            if self.durable.changed().await.is_err() {
                return;
            }
        }
    }

    /// Indexes every synced record not indexed yet.
    pub async fn catch_up(&mut self) -> Result<(), IndexError> {
        if self.reading.is_none() {
            self.resume().await?;
        }
        loop {
            let durable = self.durable.borrow_and_update().clone();
            let Some(reading) = self.reading.as_mut() else {
                return Ok(());
            };
            let writing_here = self.backlog.is_empty() && reading.identity == durable.file;
            // A file the writer has left (rotated, or reopened after a rename) is whole.
            let limit = if writing_here {
                durable.len
            } else {
                reading.file.metadata()?.len()
            };
            if index_up_to(self.store.as_ref(), &self.log_id, reading, limit).await? {
                continue;
            }
            let next = if !self.backlog.is_empty() {
                self.backlog.remove(0)
            } else if writing_here {
                return Ok(());
            } else {
                // The writer has moved on, perhaps through several rotations: once the path
                // holds another file, go on from this one's place among the rotated files.
                match std::fs::metadata(&self.path) {
                    Ok(meta) if file_identity(&meta) != reading.identity => {}
                    _ => return Ok(()),
                }
                let position = LogPosition {
                    file: reading.identity.clone(),
                    offset: reading.offset,
                };
                self.store
                    .index_events(&self.log_id, position, Vec::new())
                    .await?;
                self.reading = None;
                self.resume().await?;
                continue;
            };
            let file = File::open(&next)?;
            let identity = file_identity(&file.metadata()?);
            let position = LogPosition {
                file: identity.clone(),
                offset: 0,
            };
            self.store
                .index_events(&self.log_id, position, Vec::new())
                .await?;
            self.reading = Some(Reading {
                file,
                identity,
                offset: 0,
            });
        }
    }

    /// Finds where indexing stopped: the stored position's file among the rotated files and
    /// the current one; the files after it are the backlog. Without a position (or when its
    /// file is gone), every file present is read from its start.
    async fn resume(&mut self) -> Result<(), IndexError> {
        let mut files = rotated_files(&self.path)?;
        files.push(self.path.clone());
        let position = self.store.event_log_position(&self.log_id).await?;
        let mut start = 0;
        let mut offset = 0;
        if let Some(position) = position {
            for (i, path) in files.iter().enumerate() {
                let identity = std::fs::metadata(path).map(|m| file_identity(&m));
                if identity.is_ok_and(|id| id == position.file) {
                    start = i;
                    offset = position.offset;
                    break;
                }
            }
        }
        let mut files = files.split_off(start);
        let first = files.remove(0);
        let file = File::open(&first)?;
        let identity = file_identity(&file.metadata()?);
        self.backlog = files;
        self.reading = Some(Reading {
            file,
            identity,
            offset,
        });
        Ok(())
    }
}

/// Why indexing stopped for now.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Reading the log failed.
    #[error("reading the audit log: {0}")]
    Io(#[from] std::io::Error),
    /// The store refused the batch.
    #[error("indexing audit events: {0}")]
    Store(#[from] StoreError),
}

/// Indexes the whole records of `reading` before `limit`, in batches; `true` if it read any.
async fn index_up_to(
    store: &dyn Store,
    log_id: &str,
    reading: &mut Reading,
    limit: u64,
) -> Result<bool, IndexError> {
    let mut any = false;
    let mut chunk = READ_CHUNK;
    while reading.offset < limit {
        let want = usize::try_from(limit - reading.offset)
            .unwrap_or(chunk)
            .min(chunk);
        let mut buf = vec![0; want];
        let got = reading.file.read_at(&mut buf, reading.offset)?;
        buf.truncate(got);
        let Some(end) = buf.iter().rposition(|&b| b == b'\n') else {
            if got == want && want == chunk {
                // One record longer than the chunk: read more of it at once.
                chunk = chunk.saturating_mul(2);
                continue;
            }
            // No whole record yet.
            return Ok(any);
        };
        chunk = READ_CHUNK;
        let whole = buf.get(..=end).unwrap_or_default();
        let mut events = Vec::new();
        let mut consumed = 0u64;
        for line in whole.split_inclusive(|&b| b == b'\n') {
            consumed += line.len() as u64;
            match indexed_event(line) {
                Some(event) => events.push(event),
                None => tracing::warn!(
                    offset = reading.offset + consumed,
                    "audit log line is not a record; not indexed"
                ),
            }
            if events.len() == BATCH_EVENTS {
                let position = LogPosition {
                    file: reading.identity.clone(),
                    offset: reading.offset + consumed,
                };
                store
                    .index_events(log_id, position, std::mem::take(&mut events))
                    .await?;
            }
        }
        let position = LogPosition {
            file: reading.identity.clone(),
            offset: reading.offset + consumed,
        };
        store.index_events(log_id, position, events).await?;
        reading.offset += consumed;
        any = true;
    }
    Ok(any)
}

/// The id of the log at `path`, made once and kept beside it.
fn log_id(path: &Path) -> std::io::Result<String> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".index-id");
    let id_path = path.with_file_name(name);
    match std::fs::read_to_string(&id_path) {
        Ok(id) if !id.trim().is_empty() => Ok(id.trim().to_owned()),
        Ok(_) | Err(_) => {
            let id = crate::ids::request_id();
            let next = id_path.with_extension("id.next");
            std::fs::write(&next, format!("{id}\n"))?;
            File::open(&next)?.sync_all()?;
            std::fs::rename(&next, &id_path)?;
            Ok(id)
        }
    }
}

/// The rotated files of the log at `path` (`audit.log.YYYYMMDDTHHMMSS.mmmZ[-N]`), oldest
/// first.
fn rotated_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(Vec::new());
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let mut rotated: Vec<(String, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let stamp = file_name.strip_prefix(&prefix)?;
            let is_rotated = stamp.len() >= 16
                && stamp.bytes().take(8).all(|b| b.is_ascii_digit())
                && stamp.as_bytes().get(8) == Some(&b'T');
            is_rotated.then(|| (rotation_order(stamp), entry.path()))
        })
        .collect();
    rotated.sort();
    Ok(rotated.into_iter().map(|(_, path)| path).collect())
}

/// Sorts `stamp-N` after `stamp` and `stamp-2` before `stamp-10`.
fn rotation_order(stamp: &str) -> String {
    match stamp.split_once('-') {
        Some((time, n)) => format!("{time}-{n:0>8}"),
        None => stamp.to_owned(),
    }
}

/// The index entry of one audit log line; `None` for a line that is not a record.
pub fn indexed_event(line: &[u8]) -> Option<IndexedEvent> {
    let text = std::str::from_utf8(line).ok()?.trim_end();
    let record: Value = serde_json::from_str(text).ok()?;
    let field = |name: &str| record.get(name).and_then(Value::as_str);
    let event_time = OffsetDateTime::parse(field("eventTime")?, &Rfc3339)
        .ok()?
        .unix_timestamp();
    let event_name = field("eventName")?.to_owned();
    let event_source = field("eventSource")?.to_owned();
    let identity = record.get("userIdentity");
    let identity_field = |name: &str| identity.and_then(|i| i.get(name)).and_then(Value::as_str);
    Some(IndexedEvent {
        event_id: field("eventID")?.to_owned(),
        event_time,
        read_only: is_read_only(&event_source, &event_name),
        username: username(identity),
        access_key_id: identity_field("accessKeyId").map(str::to_owned),
        resources: resources(&record),
        event_name,
        event_source,
        record: text.to_owned(),
    })
}

/// Whether CloudTrail marks the event read-only: IAM's `Get*`, `List*` and `Simulate*`
/// calls, every STS call (they change no resource), CloudTrail's lookups, and the Keyspaces
/// front's reads.
fn is_read_only(source: &str, name: &str) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    match source {
        "iam.amazonaws.com" => starts(&["Get", "List", "Simulate"]),
        "sts.amazonaws.com" => true,
        "cloudtrail.amazonaws.com" => starts(&["Lookup", "Get", "List", "Describe"]),
        _ => starts(&["Get", "List", "Describe", "Select"]),
    }
}

/// CloudTrail's `Username`: an IAM user's name, `root`, a role session's or federated user's
/// name (the last part of its ARN), a web identity's user name.
fn username(identity: Option<&Value>) -> Option<String> {
    let identity = identity?;
    let field = |name: &str| identity.get(name).and_then(Value::as_str);
    match field("type")? {
        "Root" => Some("root".to_owned()),
        "IAMUser" | "WebIdentityUser" => field("userName").map(str::to_owned),
        "AssumedRole" | "FederatedUser" => field("arn")
            .and_then(|arn| arn.rsplit('/').next())
            .map(str::to_owned),
        _ => field("userName").map(str::to_owned),
    }
}

/// The resources CloudTrail names for an IAM or STS event, from the request's parameters and
/// the response's elements.
fn resources(record: &Value) -> Vec<(String, String)> {
    const REQUEST: &[(&str, &str)] = &[
        ("userName", "AWS::IAM::User"),
        ("groupName", "AWS::IAM::Group"),
        ("roleName", "AWS::IAM::Role"),
        ("roleArn", "AWS::IAM::Role"),
        ("policyArn", "AWS::IAM::Policy"),
        ("instanceProfileName", "AWS::IAM::InstanceProfile"),
        ("accessKeyId", "AWS::IAM::AccessKey"),
        ("serialNumber", "AWS::IAM::MFADevice"),
        ("openIDConnectProviderArn", "AWS::IAM::OIDCProvider"),
        ("sAMLProviderArn", "AWS::IAM::SAMLProvider"),
        ("serverCertificateName", "AWS::IAM::ServerCertificate"),
    ];
    let mut found: Vec<(String, String)> = Vec::new();
    let mut add = |kind: &str, name: Option<&str>| {
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            let entry = (kind.to_owned(), name.to_owned());
            if !found.contains(&entry) {
                found.push(entry);
            }
        }
    };
    let request = record.get("requestParameters");
    for (member, kind) in REQUEST {
        add(
            kind,
            request.and_then(|r| r.get(*member)).and_then(Value::as_str),
        );
    }
    let response = record.get("responseElements");
    let at = |path: &[&str]| {
        let mut value = response?;
        for step in path {
            value = value.get(*step)?;
        }
        value.as_str()
    };
    add("AWS::IAM::AccessKey", at(&["accessKey", "accessKeyId"]));
    add("AWS::IAM::AccessKey", at(&["credentials", "accessKeyId"]));
    add("AWS::STS::AssumedRole", at(&["assumedRoleUser", "arn"]));
    add("AWS::STS::FederatedUser", at(&["federatedUser", "arn"]));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{change_claim, AuditLog, AuditRecord, EventSource, Origin, UserIdentity};
    use crate::config::AuditSettings;
    use keyward_store::{EventQuery, SqliteStore};

    async fn write(log: &AuditLog, name: &str) {
        let record = AuditRecord::api_call(
            EventSource::Iam,
            name,
            "us-east-1",
            Origin::client("127.0.0.1".parse().unwrap(), "ua"),
            UserIdentity::unknown(Some("AKIAEXAMPLE")),
            "req",
        );
        let claim = log.claim(change_claim(0)).await.unwrap();
        log.record_durably(&record, claim).await.unwrap();
        // Each record its own batch, so each rotates the file.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    async fn indexed(store: &Arc<dyn Store>) -> Vec<String> {
        let query = EventQuery {
            filter: None,
            start: 0,
            end: i64::MAX,
            after: None,
            limit: 50,
        };
        let page = store.lookup_events(query).await.unwrap();
        page.events.into_iter().map(|(_, e)| e.event_name).collect()
    }

    /// Records in rotated files and in the current one are indexed once each; a new indexer
    /// (a restart) resumes at the stored position, through the files rotated meanwhile.
    #[tokio::test]
    async fn follows_rotations_and_resumes_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let settings = AuditSettings {
            rotate_bytes: 1,
            rotate_interval: None,
            retain: 0,
            reserve_bytes: 64 * 1024,
        };
        let (log, writer) = AuditLog::open(&path, settings).await.unwrap();
        let store: Arc<dyn Store> = Arc::new(SqliteStore::in_memory().unwrap());
        let mut indexer = AuditIndexer::new(Arc::clone(&store), &path, log.durable()).unwrap();
        indexer.catch_up().await.unwrap();
        assert!(indexed(&store).await.is_empty());
        for name in ["A", "B", "C"] {
            write(&log, name).await;
        }
        indexer.catch_up().await.unwrap();
        assert_eq!(indexed(&store).await, ["C", "B", "A"]);
        indexer.catch_up().await.unwrap();
        assert_eq!(indexed(&store).await.len(), 3);
        drop(indexer);

        for name in ["D", "E"] {
            write(&log, name).await;
        }
        let mut restarted = AuditIndexer::new(Arc::clone(&store), &path, log.durable()).unwrap();
        restarted.catch_up().await.unwrap();
        assert_eq!(indexed(&store).await, ["E", "D", "C", "B", "A"]);
        drop(log);
        writer.finish().await;
    }

    #[test]
    fn a_record_becomes_its_index_entry() {
        let line = br#"{"eventVersion":"1.08","eventTime":"2026-12-07T16:48:53Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/admin/alice","accessKeyId":"ASIAEXAMPLE"},"requestParameters":{"userName":"bob"},"responseElements":{"accessKey":{"accessKeyId":"AKIABOB","secretAccessKey":"HIDDEN_DUE_TO_SECURITY_REASONS"}},"eventID":"e-1"}
"#;
        let event = indexed_event(line).unwrap();
        assert_eq!(event.event_id, "e-1");
        assert_eq!(event.event_time, 1_796_662_133);
        assert!(!event.read_only);
        assert_eq!(event.username.as_deref(), Some("alice"));
        assert_eq!(event.access_key_id.as_deref(), Some("ASIAEXAMPLE"));
        assert_eq!(
            event.resources,
            [
                ("AWS::IAM::User".to_owned(), "bob".to_owned()),
                ("AWS::IAM::AccessKey".to_owned(), "AKIABOB".to_owned())
            ]
        );
        assert_eq!(event.record.as_bytes(), line.strip_suffix(b"\n").unwrap());
        assert!(indexed_event(b"{\"eventID\":\"x\"}\n").is_none());
        assert!(indexed_event(b"not json\n").is_none());
    }

    #[test]
    fn rotated_files_sort_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        for name in [
            "audit.log",
            "audit.log.20261207T100000.000Z-10",
            "audit.log.20261207T100000.000Z-2",
            "audit.log.20261207T100000.000Z",
            "audit.log.20261206T100000.000Z",
            "audit.log.torn",
            "audit.log.index-id",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let names: Vec<String> = rotated_files(&path)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "audit.log.20261206T100000.000Z",
                "audit.log.20261207T100000.000Z",
                "audit.log.20261207T100000.000Z-2",
                "audit.log.20261207T100000.000Z-10",
            ]
        );
    }
}
