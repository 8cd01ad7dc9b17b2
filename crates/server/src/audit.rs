//! The audit log: one JSON line per event in CloudTrail's record shape, appended to a file in
//! the data directory. Every record is an [`AuditRecord`], serialized in the task that made it;
//! a bounded channel carries the lines to one writer, so a disk that falls behind slows the
//! requests down (backpressure) instead of growing memory or losing records.
//!
//! A change never goes unrecorded: before it runs it claims room for its record in space the
//! file holds allocated past its end (or is refused, uncommitted, when the disk has none), and
//! it is answered only once the record is written and synced. Records are written whole by one
//! writer; a failed write is cut back, and a crash's torn tail is moved aside at the next start.
//! The file rotates by size or age with a retention count, and reopens on request (SIGHUP).

use std::fs::File;
use std::io::Write as _;
use std::net::IpAddr;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use keyward_aws_model::{ServiceModel, REDACTED};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot, watch};

use crate::config::AuditSettings;
use crate::ids;
use crate::metrics::{metrics, AuditState};
use crate::protocol::xml::timestamp;

/// Lines that may wait for the writer before requests wait for it.
const QUEUE_LINES: usize = 4096;

/// The service an event belongs to, as CloudTrail's `eventSource` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventSource {
    /// IAM.
    Iam,
    /// STS.
    Sts,
    /// Amazon Keyspaces (the CQL front).
    Keyspaces,
    /// CloudTrail (`LookupEvents`).
    CloudTrail,
    /// AWS Organizations.
    Organizations,
    /// Console sign-in (`ConsoleLogin`).
    Signin,
    /// Another AWS service, through the authorization gateway, by its endpoint prefix
    /// (`s3` → `s3.amazonaws.com`).
    Gateway(&'static str),
}

impl Serialize for EventSource {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EventSource::Iam => serializer.serialize_str("iam.amazonaws.com"),
            EventSource::Sts => serializer.serialize_str("sts.amazonaws.com"),
            EventSource::Keyspaces => serializer.serialize_str("cassandra.amazonaws.com"),
            EventSource::CloudTrail => serializer.serialize_str("cloudtrail.amazonaws.com"),
            EventSource::Organizations => serializer.serialize_str("organizations.amazonaws.com"),
            EventSource::Signin => serializer.serialize_str("signin.amazonaws.com"),
            EventSource::Gateway(prefix) => {
                serializer.collect_str(&format_args!("{prefix}.amazonaws.com"))
            }
        }
    }
}

/// One CloudTrail-shaped record.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    event_version: &'static str,
    event_time: String,
    event_source: EventSource,
    event_name: String,
    aws_region: String,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: String,
    user_agent: String,
    user_identity: UserIdentity,
    request_parameters: Option<Value>,
    response_elements: Option<Value>,
    error_code: Option<String>,
    error_message: Option<String>,
    #[serde(rename = "requestID")]
    request_id: String,
    #[serde(rename = "eventID")]
    event_id: String,
    event_type: &'static str,
    recipient_account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resources: Option<Vec<AuditResource>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_category: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional_event_data: Option<Value>,
}

/// One entry of CloudTrail's `resources`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditResource {
    /// The resource's ARN.
    #[serde(rename = "ARN")]
    pub arn: String,
    /// The account that owns it.
    #[serde(rename = "accountId")]
    pub account_id: String,
    /// CloudTrail's resource type (`AWS::S3::Object`), where Keyward knows it.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

/// Who made the request, in CloudTrail's `userIdentity` shape.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    /// `Root`, `IAMUser`, `AssumedRole`, `FederatedUser`, `WebIdentityUser`, `AWSService`,
    /// `Role` (a session's issuer) or `Unknown`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The principal's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    /// The principal's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The principal's account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The access key the request was signed with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// The user's or role's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The AWS service acting (`AWSService`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoked_by: Option<String>,
    /// The identity provider of a web identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<String>,
    /// A session's issuer and attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_context: Option<SessionContext>,
}

impl UserIdentity {
    /// A caller that could not be authenticated, with the key it claimed if any.
    pub fn unknown(access_key_id: Option<&str>) -> Self {
        UserIdentity {
            kind: "Unknown",
            access_key_id: access_key_id.map(str::to_owned),
            ..UserIdentity::default()
        }
    }
}

/// CloudTrail's `sessionContext`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionContext {
    /// Who issued the session: the role, or the user or root that federated.
    pub session_issuer: Box<UserIdentity>,
    /// When the session began, and whether MFA was used.
    pub attributes: SessionAttributes,
}

/// CloudTrail's session `attributes`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionAttributes {
    /// When the session's credentials were issued.
    pub creation_date: Option<String>,
    /// `"true"` for a session obtained with an MFA code, `"false"` otherwise.
    pub mfa_authenticated: &'static str,
}

impl SessionAttributes {
    /// The attributes of a session issued at `issued`.
    pub fn issued(issued: Option<OffsetDateTime>) -> Self {
        SessionAttributes {
            creation_date: issued.map(timestamp),
            mfa_authenticated: "false",
        }
    }

    /// The same attributes, saying whether the session was obtained with an MFA code.
    pub fn mfa(self, authenticated: bool) -> Self {
        SessionAttributes {
            mfa_authenticated: if authenticated { "true" } else { "false" },
            ..self
        }
    }
}

/// Where a request came from.
#[derive(Clone, Debug)]
pub struct Origin {
    /// `sourceIPAddress`: the client's address, or the service principal acting.
    pub source: String,
    /// `userAgent`.
    pub user_agent: String,
}

impl Origin {
    /// A client at `ip`.
    pub fn client(ip: IpAddr, user_agent: &str) -> Self {
        Origin {
            source: ip.to_string(),
            user_agent: user_agent.to_owned(),
        }
    }
}

impl AuditRecord {
    /// The record of one API call (or CQL event) now, with a fresh event id.
    pub fn api_call(
        source: EventSource,
        name: &str,
        region: &str,
        origin: Origin,
        identity: UserIdentity,
        request_id: &str,
    ) -> Self {
        AuditRecord {
            event_version: "1.08",
            event_time: timestamp(OffsetDateTime::now_utc()),
            event_source: source,
            event_name: name.to_owned(),
            aws_region: region.to_owned(),
            source_ip_address: origin.source,
            user_agent: origin.user_agent,
            user_identity: identity,
            request_parameters: None,
            response_elements: None,
            error_code: None,
            error_message: None,
            request_id: request_id.to_owned(),
            event_id: ids::request_id(),
            event_type: "AwsApiCall",
            recipient_account_id: None,
            resources: None,
            read_only: None,
            event_category: None,
            additional_event_data: None,
        }
    }

    /// `requestParameters`.
    pub fn with_request(mut self, parameters: Option<Value>) -> Self {
        self.request_parameters = parameters;
        self
    }

    /// `responseElements`.
    pub fn with_response(mut self, elements: Option<Value>) -> Self {
        self.response_elements = elements;
        self
    }

    /// `errorCode` and `errorMessage`.
    pub fn with_error(mut self, code: &str, message: &str) -> Self {
        self.error_code = Some(code.to_owned());
        self.error_message = Some(message.to_owned());
        self
    }

    /// CloudTrail's `ConsoleLogin` record of one console sign-in by `identity`:
    /// `responseElements.ConsoleLogin` is `Success` or `Failure`, and a failure carries
    /// CloudTrail's `errorMessage` (`Failed authentication`) and no error code.
    pub fn console_login(
        origin: Origin,
        identity: UserIdentity,
        account: &str,
        success: bool,
    ) -> Self {
        let request_id = ids::request_id();
        let mut record = AuditRecord::api_call(
            EventSource::Signin,
            "ConsoleLogin",
            "us-east-1",
            origin,
            identity,
            &request_id,
        )
        .with_response(Some(serde_json::json!({
            "ConsoleLogin": if success { "Success" } else { "Failure" }
        })))
        .with_account(Some(account));
        record.event_type = "AwsConsoleSignIn";
        if !success {
            record.error_message = Some("Failed authentication".to_owned());
        }
        record
    }

    /// Marks the record as an event a service caused (`AwsServiceEvent`), not an API call.
    pub fn service_event(mut self) -> Self {
        self.event_type = "AwsServiceEvent";
        self
    }

    /// A gateway request's CloudTrail fields: `resources`, `readOnly`, `eventCategory`
    /// (`Management` or `Data`) and `additionalEventData` (Keyward's decision and the
    /// statements that made it).
    pub fn with_gateway(
        mut self,
        resources: Vec<AuditResource>,
        read_only: bool,
        data_event: bool,
        additional: Value,
    ) -> Self {
        self.resources = Some(resources);
        self.read_only = Some(read_only);
        self.event_category = Some(if data_event { "Data" } else { "Management" });
        self.additional_event_data = Some(additional);
        self
    }

    /// `additionalEventData`: Keyward's decisions on the request (the authorization trail).
    pub fn with_decisions(mut self, decisions: Option<Value>) -> Self {
        self.additional_event_data = decisions;
        self
    }

    /// `recipientAccountId`.
    pub fn with_account(mut self, account: Option<&str>) -> Self {
        self.recipient_account_id = account.map(str::to_owned);
        self
    }
}

/// Bytes claimed for the record of a change before the change runs: its parameters and
/// response as JSON stay within four times the request body (URL-encoding never shrinks a
/// value), plus room for the identity and the fixed fields.
pub fn change_claim(body_bytes: usize) -> u64 {
    16 * 1024 + 4 * body_bytes as u64
}

/// Room a readiness check claims (and gives back): one ordinary record.
const READINESS_CLAIM: u64 = 64 * 1024;

/// Lines written and synced together at most.
const MAX_BATCH: usize = 1024;

/// Why a record could not be claimed room for, or written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    /// The disk has no room for the record.
    #[error("no room for audit records: {0}")]
    NoRoom(String),
    /// Writing or syncing the file failed.
    #[error("audit log write failed: {0}")]
    Write(String),
    /// The writer has stopped (the server is shutting down).
    #[error("audit log writer has stopped")]
    Stopped,
}

/// Room claimed in the audit file for one record not written yet; given back when dropped
/// (a request that ends before its record is written leaves no claim behind).
pub struct Claim {
    bytes: u64,
    shared: Arc<Shared>,
}

impl Claim {
    /// Adds another claim's room to this one.
    fn absorb(&mut self, mut other: Claim) {
        self.bytes += other.bytes;
        other.bytes = 0;
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut budget = lock(&self.shared.budget);
        budget.claimed = budget.claimed.saturating_sub(self.bytes);
    }
}

/// One line for the writer, with its claim and whoever waits for it to be durable.
struct Entry {
    line: Vec<u8>,
    claim: Claim,
    durable: Option<oneshot::Sender<Result<(), AuditError>>>,
}

/// Disk space accounting of the current file.
#[derive(Debug)]
struct Budget {
    /// Bytes of the file allocated on disk: its size and the reserve past it.
    allocated: u64,
    /// The file's size: every byte written.
    written: u64,
    /// Bytes claimed by records not written yet.
    claimed: u64,
    /// Whether the file system preallocates (`fallocate`); otherwise free space is checked.
    preallocates: bool,
}

impl Budget {
    fn free(&self) -> u64 {
        self.allocated
            .saturating_sub(self.written)
            .saturating_sub(self.claimed)
    }
}

/// The open file and when it was opened (for rotation by time).
struct Sink {
    file: File,
    opened: Instant,
}

/// What the handles and the writer share.
struct Shared {
    path: PathBuf,
    settings: AuditSettings,
    /// `None` for a log that discards. Lock order: `sink` before `budget`.
    sink: Mutex<Option<Sink>>,
    budget: Mutex<Budget>,
    /// Records not written: read-only calls' for want of room, and any lost to a failed write.
    dropped: AtomicU64,
    /// The last write failure, until a write succeeds.
    failure: Mutex<Option<String>>,
    /// Signalled to reopen the file at its path (SIGHUP, after an external rotation).
    reopen: tokio::sync::Notify,
    /// How much of which file is written and synced, for readers that follow the log.
    durable: watch::Sender<DurableLength>,
}

/// The part of the audit log that is written and synced: readers that follow the log (the
/// event index) read no further, so they never see a record a crash or a failed write could
/// still take back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DurableLength {
    /// The current file's identity ([`file_identity`]).
    pub file: String,
    /// Its bytes written and synced.
    pub len: u64,
}

/// A file's identity across renames (`device:inode`): how a follower recognises a rotated
/// file.
pub fn file_identity(metadata: &std::fs::Metadata) -> String {
    format!("{}:{}", metadata.dev(), metadata.ino())
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Handle to the audit log. A change claims room for its record before it runs
/// ([`AuditLog::claim`]) and is answered only once its record is written and synced
/// ([`AuditLog::record_durably`]); read-only calls are recorded when there is room
/// ([`AuditLog::record`]), and every record dropped is counted and logged.
#[derive(Clone)]
pub struct AuditLog {
    tx: mpsc::Sender<Entry>,
    shared: Arc<Shared>,
}

/// Resolves when every record sent before the log was dropped is written and synced.
pub struct AuditWriter(tokio::task::JoinHandle<()>);

impl AuditWriter {
    /// Waits for the writer to drain.
    pub async fn finish(self) {
        if let Err(e) = self.0.await {
            tracing::error!(error = %e, "audit writer failed");
        }
    }
}

/// Runs blocking file work off the I/O threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AuditError> + Send + 'static,
) -> Result<T, AuditError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AuditError::Write(e.to_string()))?
}

impl AuditLog {
    /// Opens (appending) the log file, moves a torn last record left by a crash aside, holds
    /// the reserve and starts the writer. A disk without room for the reserve does not stop
    /// the start: changes are refused until there is room, and readiness says why.
    pub async fn open(
        path: &Path,
        settings: AuditSettings,
    ) -> std::io::Result<(AuditLog, AuditWriter)> {
        let at = path.to_owned();
        let (file, len) = tokio::task::spawn_blocking(move || open_file(&at))
            .await
            .map_err(std::io::Error::other)??;
        let durable = DurableLength {
            file: file_identity(&file.metadata()?),
            len,
        };
        let shared = Arc::new(Shared {
            path: path.to_owned(),
            settings,
            sink: Mutex::new(Some(Sink {
                file,
                opened: Instant::now(),
            })),
            budget: Mutex::new(Budget {
                allocated: len,
                written: len,
                claimed: 0,
                preallocates: true,
            }),
            dropped: AtomicU64::new(0),
            failure: Mutex::new(None),
            reopen: tokio::sync::Notify::new(),
            durable: watch::Sender::new(durable),
        });
        let reserving = Arc::clone(&shared);
        if let Err(e) = blocking(move || reserving.grow(0)).await {
            tracing::warn!(error = %e, "audit log reserve not held; changes wait for room");
        }
        Ok(Self::start(shared))
    }

    /// A log whose records are encoded and then discarded: for state built without a disk.
    pub fn discard() -> (AuditLog, AuditWriter) {
        Self::start(Arc::new(Shared {
            path: PathBuf::new(),
            settings: AuditSettings::default(),
            sink: Mutex::new(None),
            budget: Mutex::new(Budget {
                allocated: u64::MAX,
                written: 0,
                claimed: 0,
                preallocates: false,
            }),
            dropped: AtomicU64::new(0),
            failure: Mutex::new(None),
            reopen: tokio::sync::Notify::new(),
            durable: watch::Sender::new(DurableLength::default()),
        }))
    }

    fn start(shared: Arc<Shared>) -> (AuditLog, AuditWriter) {
        let (tx, rx) = mpsc::channel::<Entry>(QUEUE_LINES);
        let task = tokio::spawn(write_lines(Arc::clone(&shared), rx));
        (AuditLog { tx, shared }, AuditWriter(task))
    }

    /// Claims room for a record of up to `bytes`, growing the file's allocation if the
    /// reserve is spent; fails when the disk has no room.
    pub async fn claim(&self, bytes: u64) -> Result<Claim, AuditError> {
        {
            let mut budget = lock(&self.shared.budget);
            if budget.free() >= bytes {
                budget.claimed += bytes;
                return Ok(Claim {
                    bytes,
                    shared: Arc::clone(&self.shared),
                });
            }
        }
        let shared = Arc::clone(&self.shared);
        blocking(move || shared.grow(bytes)).await?;
        Ok(Claim {
            bytes,
            shared: Arc::clone(&self.shared),
        })
    }

    /// Appends the record of a read-only call (or of a front's event) when there is room; a
    /// record without room is dropped, counted ([`AuditLog::dropped`]) and logged.
    pub async fn record(&self, record: &AuditRecord) {
        let Some(line) = encode(record) else { return };
        match self.claim(line.len() as u64).await {
            Ok(claim) => {
                let entry = Entry {
                    line,
                    claim,
                    durable: None,
                };
                if self.tx.send(entry).await.is_err() {
                    self.note_dropped(&record.event_name, &AuditError::Stopped);
                }
            }
            Err(e) => self.note_dropped(&record.event_name, &e),
        }
    }

    /// Appends the record of a change in the room claimed for it, and resolves once it is
    /// written and synced: only then may the change be acknowledged.
    pub async fn record_durably(
        &self,
        record: &AuditRecord,
        mut claim: Claim,
    ) -> Result<(), AuditError> {
        let line =
            encode(record).ok_or_else(|| AuditError::Write("record not encodable".to_owned()))?;
        let len = line.len() as u64;
        if len > claim.bytes {
            // The change is done: its record is written even if the extra room is not found.
            match self.claim(len - claim.bytes).await {
                Ok(more) => claim.absorb(more),
                Err(e) => tracing::warn!(error = %e, "audit record larger than its claim"),
            }
        }
        let (done, durable) = oneshot::channel();
        let entry = Entry {
            line,
            claim,
            durable: Some(done),
        };
        self.tx.send(entry).await.map_err(|_| AuditError::Stopped)?;
        durable.await.map_err(|_| AuditError::Stopped)?
    }

    /// The log file's path.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// Follows how much of the log is written and synced; changes after every batch and at
    /// every rotation or reopen.
    pub fn durable(&self) -> watch::Receiver<DurableLength> {
        self.shared.durable.subscribe()
    }

    /// Asks the writer to reopen the file at its path (after an external rotation renamed it).
    pub fn reopen(&self) {
        self.shared.reopen.notify_one();
    }

    /// Records not written since the start: those of read-only calls that found no room, and
    /// any a failed write lost (whose changes were answered with an error).
    pub fn dropped(&self) -> u64 {
        self.shared.dropped.load(Ordering::Relaxed)
    }

    /// The backlog now: records queued for the writer, bytes claimed and not written, and
    /// records dropped since the start.
    pub fn backlog(&self) -> AuditState {
        AuditState {
            queued_records: self.tx.max_capacity() - self.tx.capacity(),
            pending_bytes: lock(&self.shared.budget).claimed,
            dropped_records: self.dropped(),
        }
    }

    /// Readiness: whether the last write succeeded and a record can claim room now.
    pub async fn check(&self) -> Result<(), AuditError> {
        if let Some(failure) = lock(&self.shared.failure).clone() {
            return Err(AuditError::Write(failure));
        }
        self.claim(READINESS_CLAIM).await.map(drop)
    }

    fn note_dropped(&self, event: &str, why: &AuditError) {
        self.shared.note_dropped(event, why);
    }
}

fn encode(record: &AuditRecord) -> Option<Vec<u8>> {
    match serde_json::to_vec(record) {
        Ok(mut line) => {
            line.push(b'\n');
            Some(line)
        }
        Err(e) => {
            tracing::error!(error = %e, event = %record.event_name, "audit record not encodable");
            None
        }
    }
}

impl Shared {
    /// Counts a record not written and logs it: the first drops, then every thousandth, so a
    /// full disk does not flood the log as well.
    fn note_dropped(&self, event: &str, why: &AuditError) {
        let total = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
        if total.is_power_of_two() || total.is_multiple_of(1000) {
            tracing::warn!(event, dropped_total = total, error = %why, "audit record dropped");
        }
    }

    /// Claims `bytes`, allocating past the file's end what the claim and the reserve need.
    fn grow(&self, bytes: u64) -> Result<(), AuditError> {
        let sink = lock(&self.sink);
        let mut budget = lock(&self.budget);
        if let Some(sink) = sink.as_ref() {
            if budget.free() < bytes.max(1) {
                let end = budget.written + budget.claimed + bytes + self.settings.reserve_bytes;
                reserve(&sink.file, &mut budget, end)?;
            }
        }
        budget.claimed += bytes;
        Ok(())
    }

    /// Appends whole lines and syncs them; a failed write is cut back to the last whole
    /// record, so no torn record stays in the file.
    fn write(&self, bytes: &[u8]) -> Result<(), AuditError> {
        let mut sink = lock(&self.sink);
        let Some(sink) = sink.as_mut() else {
            return Ok(());
        };
        let start = lock(&self.budget).written;
        let result = (&sink.file)
            .write_all(bytes)
            .and_then(|()| sink.file.sync_data());
        let mut budget = lock(&self.budget);
        match result {
            Ok(()) => {
                budget.written = start + bytes.len() as u64;
                let written = budget.written;
                self.durable.send_modify(|durable| durable.len = written);
                *lock(&self.failure) = None;
                Ok(())
            }
            Err(e) => {
                if let Err(cut) = sink.file.set_len(start) {
                    tracing::error!(error = %cut, "audit log could not be cut back after a failed write");
                }
                budget.allocated = budget.allocated.min(start);
                let message = e.to_string();
                tracing::error!(error = %message, "audit log write failed");
                *lock(&self.failure) = Some(message.clone());
                Err(AuditError::Write(message))
            }
        }
    }

    /// Replaces the file: reopens the path (after an external rotation) or renames the file
    /// aside and starts a new one (built-in rotation). The new file holds the outstanding
    /// claims and the reserve before it replaces the old one, so no claimed record loses its
    /// room; without that room, the old file stays.
    fn swap(&self, rotate: bool) -> Result<(), AuditError> {
        let mut sink = lock(&self.sink);
        let Some(old) = sink.as_mut() else {
            return Ok(());
        };
        let mut budget = lock(&self.budget);
        if rotate && budget.written == 0 {
            old.opened = Instant::now();
            return Ok(());
        }
        let failed = |e: std::io::Error| AuditError::Write(e.to_string());
        let next = sibling(&self.path, ".next");
        let (file, len) = if rotate {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(&next)
                .map_err(failed)?;
            file.set_len(0).map_err(failed)?;
            (file, 0)
        } else {
            open_file(&self.path).map_err(failed)?
        };
        let mut fresh = Budget {
            allocated: len,
            written: len,
            claimed: budget.claimed,
            preallocates: budget.preallocates,
        };
        let end = len + budget.claimed + self.settings.reserve_bytes;
        if let Err(e) = reserve(&file, &mut fresh, end) {
            if rotate {
                let _ = std::fs::remove_file(&next);
            }
            return Err(e);
        }
        if rotate {
            let aside = rotated_name(&self.path);
            std::fs::rename(&self.path, &aside).map_err(failed)?;
            if let Err(e) = std::fs::rename(&next, &self.path) {
                let _ = std::fs::rename(&aside, &self.path);
                return Err(failed(e));
            }
            tracing::info!(file = %aside.display(), bytes = budget.written, "audit log rotated");
        } else {
            tracing::info!(path = %self.path.display(), "audit log reopened");
        }
        // The old file keeps what was written and gives back the room reserved past it
        // (growing first: some file systems skip a truncation to the same size).
        let kept = budget.written;
        if old
            .file
            .set_len(kept + 1)
            .and_then(|()| old.file.set_len(kept))
            .is_err()
        {
            tracing::warn!("audit log reserve of the previous file not given back");
        }
        if let Err(e) = old.file.sync_all() {
            tracing::error!(error = %e, "previous audit log file not synced");
        }
        let identity = file
            .metadata()
            .map(|m| file_identity(&m))
            .unwrap_or_default();
        *old = Sink {
            file,
            opened: Instant::now(),
        };
        self.durable.send_replace(DurableLength {
            file: identity,
            len: fresh.written,
        });
        *budget = fresh;
        drop(budget);
        drop(sink);
        if let Some(dir) = self.path.parent() {
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
            if rotate && self.settings.retain > 0 {
                prune(&self.path, self.settings.retain);
            }
        }
        Ok(())
    }
}

/// Allocates the file up to `end` bytes (`fallocate` without changing its size); where the
/// file system cannot, checks that the disk has the room free.
fn reserve(file: &File, budget: &mut Budget, end: u64) -> Result<(), AuditError> {
    if end <= budget.allocated {
        return Ok(());
    }
    let from = budget.allocated.max(budget.written);
    if budget.preallocates {
        match rustix::fs::fallocate(
            file,
            rustix::fs::FallocateFlags::KEEP_SIZE,
            from,
            end - from,
        ) {
            Ok(()) => {
                budget.allocated = end;
                return Ok(());
            }
            Err(e) if e == rustix::io::Errno::OPNOTSUPP || e == rustix::io::Errno::NOSYS => {
                tracing::warn!(
                    "the audit log's file system cannot preallocate; checking free space instead"
                );
                budget.preallocates = false;
            }
            Err(e) => return Err(AuditError::NoRoom(std::io::Error::from(e).to_string())),
        }
    }
    let stat = rustix::fs::fstatvfs(file)
        .map_err(|e| AuditError::NoRoom(std::io::Error::from(e).to_string()))?;
    let free = stat.f_bavail.saturating_mul(stat.f_frsize);
    if free >= end - from {
        budget.allocated = end;
        Ok(())
    } else {
        Err(AuditError::NoRoom(format!(
            "{free} bytes free, {} needed",
            end - from
        )))
    }
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The name a rotated file takes: `audit.log.YYYYMMDDTHHMMSS.mmmZ` (UTC), with `-N` if that
/// exists.
fn rotated_name(path: &Path) -> PathBuf {
    let t = OffsetDateTime::now_utc();
    let stamp = format!(
        ".{:04}{:02}{:02}T{:02}{:02}{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    );
    let mut candidate = sibling(path, &stamp);
    let mut n = 1;
    while candidate.exists() {
        candidate = sibling(path, &format!("{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// Deletes the oldest rotated files past the `retain` newest.
fn prune(path: &Path, retain: usize) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // Oldest first: by when the file was last written (its last record), then by name.
    let mut rotated: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_prefix(&prefix).is_some_and(|stamp| {
                stamp.len() >= 16
                    && stamp.bytes().take(8).all(|b| b.is_ascii_digit())
                    && stamp.as_bytes().get(8) == Some(&b'T')
            })
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    rotated.sort();
    let excess = rotated.len().saturating_sub(retain);
    for (_, old) in rotated.into_iter().take(excess) {
        match std::fs::remove_file(&old) {
            Ok(()) => {
                tracing::info!(file = %old.display(), "rotated audit log deleted (retention)")
            }
            Err(e) => {
                tracing::warn!(file = %old.display(), error = %e, "rotated audit log not deleted")
            }
        }
    }
}

/// Opens the file for appending and returns it with its length, after moving a torn last
/// record (a crash in the middle of a write, never acknowledged) to `audit.log.torn`.
fn open_file(path: &Path) -> std::io::Result<(File, u64)> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)?;
    let len = file.metadata()?.len();
    let whole = whole_records(&file, len)?;
    if whole < len {
        let mut tail = vec![0; usize::try_from(len - whole).unwrap_or(0)];
        file.read_exact_at(&mut tail, whole)?;
        let mut torn = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(sibling(path, ".torn"))?;
        tail.push(b'\n');
        torn.write_all(&tail)?;
        torn.sync_all()?;
        file.set_len(whole)?;
        file.sync_all()?;
        tracing::warn!(
            bytes = len - whole,
            "audit log ended in a torn record; moved to {}",
            sibling(path, ".torn").display()
        );
    }
    Ok((file, whole))
}

/// The length of the file up to and with its last newline.
fn whole_records(file: &File, len: u64) -> std::io::Result<u64> {
    const CHUNK: u64 = 64 * 1024;
    let mut end = len;
    let mut buf = vec![0; CHUNK as usize];
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let chunk = buf
            .get_mut(..usize::try_from(end - start).unwrap_or(0))
            .unwrap_or_default();
        file.read_exact_at(chunk, start)?;
        if let Some(at) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(start + at as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// The writer: takes whatever is queued, writes and syncs it as one batch, tells the waiting
/// changes, and rotates or reopens the file between batches.
async fn write_lines(shared: Arc<Shared>, mut rx: mpsc::Receiver<Entry>) {
    loop {
        let rotate_at = shared.settings.rotate_interval.and_then(|every| {
            let sink = lock(&shared.sink);
            sink.as_ref()
                .map(|s| tokio::time::Instant::from_std(s.opened + every))
        });
        let rotation = async {
            match rotate_at {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        let first = tokio::select! {
            entry = rx.recv() => match entry {
                Some(entry) => entry,
                None => break,
            },
            () = shared.reopen.notified() => {
                swap(&shared, false).await;
                continue;
            }
            () = rotation => {
                swap(&shared, true).await;
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(entry) => batch.push(entry),
                Err(_) => break,
            }
        }
        let bytes: Vec<u8> = batch.iter().flat_map(|e| e.line.iter().copied()).collect();
        let writing = Arc::clone(&shared);
        let started = Instant::now();
        let result = blocking(move || writing.write(&bytes)).await;
        metrics().audit_write(started.elapsed());
        for Entry { claim, durable, .. } in batch {
            // The room is written (or the write failed): the claim is spent either way.
            drop(claim);
            if let Err(e) = &result {
                shared.note_dropped("(batch)", e);
            }
            if let Some(done) = durable {
                let _ = done.send(result.clone());
            }
        }
        let size_reached = {
            let budget = lock(&shared.budget);
            shared.settings.rotate_bytes > 0 && budget.written >= shared.settings.rotate_bytes
        };
        if size_reached {
            swap(&shared, true).await;
        }
    }
    let syncing = Arc::clone(&shared);
    let synced = blocking(move || match lock(&syncing.sink).as_ref() {
        Some(sink) => sink
            .file
            .sync_all()
            .map_err(|e| AuditError::Write(e.to_string())),
        None => Ok(()),
    })
    .await;
    if let Err(e) = synced {
        tracing::error!(error = %e, "audit log sync failed");
    }
}

async fn swap(shared: &Arc<Shared>, rotate: bool) {
    let swapping = Arc::clone(shared);
    if let Err(e) = blocking(move || swapping.swap(rotate)).await {
        tracing::error!(error = %e, rotate, "audit log not rotated or reopened; writing on to the current file");
        if rotate {
            // Try again at the next interval, not at once.
            if let Some(sink) = lock(&shared.sink).as_mut() {
                sink.opened = Instant::now();
            }
        }
    }
}

/// CloudTrail's `requestParameters`: the members of input shape `shape` as the model decoded
/// them, lowerCamel, with every member the model marks sensitive hidden. The model does not
/// mark MFA codes (`TokenCode`, and `AuthenticationCode1`/`2` of `EnableMFADevice` and
/// `ResyncMFADevice`); Keyward hides those as well.
pub fn request_parameters(
    model: &ServiceModel,
    shape: &str,
    members: &keyward_aws_model::Value,
) -> Option<Value> {
    let mut parameters = keyward_aws_model::audit_json(model, shape, members);
    let Value::Object(map) = &mut parameters else {
        return None;
    };
    for member in ["tokenCode", "authenticationCode1", "authenticationCode2"] {
        if let Some(code) = map.get_mut(member) {
            *code = Value::String(REDACTED.to_owned());
        }
    }
    (!map.is_empty()).then_some(parameters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> AuditRecord {
        AuditRecord::api_call(
            EventSource::Iam,
            "CreateUser",
            "us-east-1",
            Origin::client("127.0.0.1".parse().unwrap(), "ua"),
            UserIdentity::unknown(Some("AKIAEXAMPLE")),
            "req-1",
        )
    }

    #[test]
    fn record_has_cloudtrail_field_names() {
        let value = serde_json::to_value(record().with_error("E", "m")).unwrap();
        for key in [
            "eventVersion",
            "eventTime",
            "eventSource",
            "eventName",
            "awsRegion",
            "sourceIPAddress",
            "userAgent",
            "userIdentity",
            "requestParameters",
            "responseElements",
            "errorCode",
            "errorMessage",
            "requestID",
            "eventID",
            "eventType",
            "recipientAccountId",
        ] {
            assert!(value.get(key).is_some(), "{key} missing from {value}");
        }
        assert_eq!(value["eventSource"], "iam.amazonaws.com");
        assert_eq!(
            value["userIdentity"],
            serde_json::json!({"type": "Unknown", "accessKeyId": "AKIAEXAMPLE"})
        );
    }

    fn parameters(
        service: keyward_aws_model::Service,
        operation: &str,
        params: &[(&str, &str)],
    ) -> Option<Value> {
        let model = keyward_aws_model::embedded(service).unwrap();
        let input = keyward_aws_model::decode_query_input(model, operation, params).unwrap();
        let shape = &model
            .operation(operation)
            .unwrap()
            .input
            .as_ref()
            .unwrap()
            .shape;
        request_parameters(model, shape, &input.members)
    }

    /// What the model marks sensitive is hidden, wherever it is; the rest is kept, structured
    /// as CloudTrail writes it.
    #[test]
    fn sensitive_members_are_hidden_by_the_model() {
        use keyward_aws_model::Service::{Iam, Sts};
        let login = parameters(
            Iam,
            "CreateLoginProfile",
            &[("UserName", "bob"), ("Password", "hunter2")],
        )
        .unwrap();
        assert_eq!(login["userName"], "bob");
        assert_eq!(login["password"], REDACTED);
        let web = parameters(
            Sts,
            "AssumeRoleWithWebIdentity",
            &[
                ("RoleArn", "arn:aws:iam::123456789012:role/r"),
                ("RoleSessionName", "s"),
                ("WebIdentityToken", "eyJhbGciOi.x.y"),
            ],
        )
        .unwrap();
        assert_eq!(web["webIdentityToken"], REDACTED);
        assert_eq!(web["roleSessionName"], "s");
        let tagged = parameters(
            Iam,
            "TagUser",
            &[
                ("UserName", "bob"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
        )
        .unwrap();
        assert_eq!(
            tagged["tags"],
            serde_json::json!([{"key": "team", "value": "blue"}])
        );
    }

    /// The model does not mark MFA codes; they are hidden all the same.
    #[test]
    fn mfa_codes_are_hidden() {
        let params = parameters(
            keyward_aws_model::Service::Sts,
            "GetSessionToken",
            &[
                ("SerialNumber", "arn:aws:iam::123456789012:mfa/bob"),
                ("TokenCode", "123456"),
            ],
        )
        .unwrap();
        assert_eq!(params["tokenCode"], REDACTED);
        assert_eq!(params["serialNumber"], "arn:aws:iam::123456789012:mfa/bob");
        let enable = parameters(
            keyward_aws_model::Service::Iam,
            "EnableMFADevice",
            &[
                ("UserName", "bob"),
                ("SerialNumber", "arn:aws:iam::123456789012:mfa/bob"),
                ("AuthenticationCode1", "123456"),
                ("AuthenticationCode2", "654321"),
            ],
        )
        .unwrap();
        assert_eq!(enable["authenticationCode1"], REDACTED);
        assert_eq!(enable["authenticationCode2"], REDACTED);
        assert_eq!(enable["userName"], "bob");
        assert_eq!(
            parameters(keyward_aws_model::Service::Sts, "GetCallerIdentity", &[]),
            None
        );
    }

    /// A full queue makes the sender wait instead of dropping: with the writer stalled (its
    /// receiver not polled), the sender completes only once a line is taken.
    #[tokio::test]
    async fn a_full_queue_applies_backpressure() {
        let (discarding, _writer) = AuditLog::discard();
        let (tx, mut rx) = mpsc::channel::<Entry>(1);
        let log = AuditLog {
            tx,
            shared: discarding.shared,
        };
        let (first, second) = (record(), record());
        log.record(&first).await;
        let second = log.record(&second);
        tokio::pin!(second);
        let stalled = tokio::time::timeout(std::time::Duration::from_millis(50), &mut second).await;
        assert!(stalled.is_err(), "second record should wait for room");
        assert!(rx.recv().await.is_some());
        second.await;
        assert!(rx.recv().await.is_some());
    }

    fn settings(rotate_bytes: u64, retain: usize) -> AuditSettings {
        AuditSettings {
            rotate_bytes,
            rotate_interval: None,
            retain,
            reserve_bytes: 64 * 1024,
        }
    }

    fn lines(path: &Path) -> Vec<serde_json::Value> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    /// A change's record is in the file once `record_durably` resolves; its claim is given
    /// back, so claims do not pile up.
    #[tokio::test]
    async fn a_durable_record_is_in_the_file_when_acknowledged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let (log, writer) = AuditLog::open(&path, settings(0, 0)).await.unwrap();
        for _ in 0..3 {
            let claim = log.claim(change_claim(100)).await.unwrap();
            log.record_durably(&record(), claim).await.unwrap();
        }
        assert_eq!(lines(&path).len(), 3);
        assert_eq!(lock(&log.shared.budget).claimed, 0);
        let dropped = log.claim(1000).await.unwrap();
        drop(dropped);
        assert_eq!(lock(&log.shared.budget).claimed, 0);
        log.check().await.unwrap();
        drop(log);
        writer.finish().await;
    }

    /// A crash in the middle of a write leaves a torn last line; the next open moves it to
    /// `audit.log.torn` and appends after the last whole record.
    #[tokio::test]
    async fn a_torn_tail_is_moved_aside_at_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        std::fs::write(&path, "{\"a\":1}\n{\"b\":").unwrap();
        let (log, writer) = AuditLog::open(&path, settings(0, 0)).await.unwrap();
        let claim = log.claim(change_claim(0)).await.unwrap();
        log.record_durably(&record(), claim).await.unwrap();
        drop(log);
        writer.finish().await;
        let kept = lines(&path);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0]["a"], 1);
        assert_eq!(kept[1]["eventName"], "CreateUser");
        let torn = std::fs::read_to_string(dir.path().join("audit.log.torn")).unwrap();
        assert_eq!(torn, "{\"b\":\n");
    }

    /// Past `rotate_bytes` the file is renamed aside with a timestamp and a new one started;
    /// only the `retain` newest rotated files are kept; every record is in exactly one file.
    #[tokio::test]
    async fn rotation_by_size_keeps_the_newest_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let (log, writer) = AuditLog::open(&path, settings(1, 2)).await.unwrap();
        for _ in 0..4 {
            let claim = log.claim(change_claim(0)).await.unwrap();
            log.record_durably(&record(), claim).await.unwrap();
            // Each write is its own batch: the next record waits for the rotation.
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        drop(log);
        writer.finish().await;
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let rotated: Vec<&String> = names.iter().filter(|n| n.len() > 10).collect();
        assert_eq!(rotated.len(), 2, "{names:?}");
        assert!(names.contains(&"audit.log".to_owned()), "{names:?}");
        for name in rotated {
            assert_eq!(lines(&dir.path().join(name)).len(), 1, "{name}");
        }
    }

    /// After an external rotation renamed the file, `reopen` starts a new file at the path;
    /// records before it stay in the renamed file.
    #[tokio::test]
    async fn reopen_follows_an_external_rename() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let (log, writer) = AuditLog::open(&path, settings(0, 0)).await.unwrap();
        let claim = log.claim(change_claim(0)).await.unwrap();
        log.record_durably(&record(), claim).await.unwrap();
        let moved = dir.path().join("audit.log.1");
        std::fs::rename(&path, &moved).unwrap();
        log.reopen();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let claim = log.claim(change_claim(0)).await.unwrap();
        log.record_durably(&record(), claim).await.unwrap();
        drop(log);
        writer.finish().await;
        assert_eq!(lines(&moved).len(), 1);
        assert_eq!(lines(&path).len(), 1);
    }
}
