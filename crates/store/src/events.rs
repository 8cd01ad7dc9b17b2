//! The index of audit events behind CloudTrail's `LookupEvents`: one row per event with the
//! columns a lookup filters on, the resources it names, and how far each audit log has been
//! indexed. The audit log stays the durable record; this index is fed from it.

/// One audit event as indexed: the filterable fields and the record itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedEvent {
    /// `eventID`, unique: indexing the same record twice keeps one row.
    pub event_id: String,
    /// `eventTime`, in seconds since the epoch.
    pub event_time: i64,
    /// `eventName`.
    pub event_name: String,
    /// `eventSource` (`iam.amazonaws.com`).
    pub event_source: String,
    /// Whether the call only reads.
    pub read_only: bool,
    /// The name CloudTrail shows as `Username`, if the caller has one.
    pub username: Option<String>,
    /// The access key the request was signed with.
    pub access_key_id: Option<String>,
    /// The resources the event names, as (`ResourceType`, `ResourceName`).
    pub resources: Vec<(String, String)>,
    /// The audit record, as written to the log (already redacted).
    pub record: String,
}

/// The one attribute a lookup filters on (CloudTrail allows one per call).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventFilter {
    /// `EventId`.
    EventId(String),
    /// `EventName`.
    EventName(String),
    /// `ReadOnly`.
    ReadOnly(bool),
    /// `Username`.
    Username(String),
    /// `ResourceType`.
    ResourceType(String),
    /// `ResourceName`.
    ResourceName(String),
    /// `EventSource`.
    EventSource(String),
    /// `AccessKeyId`.
    AccessKeyId(String),
}

/// Where a page of events starts: strictly older than this event in the index's order
/// (newest first: by time, then by the order events were indexed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventCursor {
    /// The last returned event's time.
    pub event_time: i64,
    /// The last returned event's position in the index.
    pub seq: i64,
}

/// One lookup: an optional filter, an inclusive time range, a page size and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventQuery {
    /// The attribute filter, if any.
    pub filter: Option<EventFilter>,
    /// Earliest event time, inclusive (seconds).
    pub start: i64,
    /// Latest event time, inclusive (seconds).
    pub end: i64,
    /// Where the page starts; `None` for the newest event.
    pub after: Option<EventCursor>,
    /// Events per page.
    pub limit: usize,
}

/// One page of a lookup, newest first, with the cursor of the next page if there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventPage {
    /// The events with their index positions.
    pub events: Vec<(EventCursor, IndexedEvent)>,
    /// Set when more events match.
    pub next: Option<EventCursor>,
}

/// How far one audit log has been indexed: the file (by identity, so a rotated file is
/// recognised) and the byte offset after the last indexed record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogPosition {
    /// The file's identity (`device:inode`).
    pub file: String,
    /// Bytes of the file indexed.
    pub offset: u64,
}

/// `ReadOnly`'s stored form.
pub(crate) fn read_only_text(read_only: bool) -> &'static str {
    if read_only {
        "true"
    } else {
        "false"
    }
}

/// The resource rows of an event: each type and each name once, so a lookup by either finds
/// the event once.
pub(crate) fn resource_keys(event: &IndexedEvent) -> Vec<(&'static str, &str)> {
    let mut keys: Vec<(&'static str, &str)> = Vec::new();
    for (kind, name) in &event.resources {
        for key in [("type", kind.as_str()), ("name", name.as_str())] {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The column (or resource attribute) and value a filter compares.
pub(crate) enum FilterColumn<'a> {
    /// A column of `events`.
    Column(&'static str, &'a str),
    /// A row of `event_resources` with this attribute.
    Resource(&'static str, &'a str),
}

impl EventFilter {
    pub(crate) fn column(&self) -> FilterColumn<'_> {
        match self {
            EventFilter::EventId(v) => FilterColumn::Column("event_id", v),
            EventFilter::EventName(v) => FilterColumn::Column("event_name", v),
            EventFilter::ReadOnly(v) => FilterColumn::Column("read_only", read_only_text(*v)),
            EventFilter::Username(v) => FilterColumn::Column("username", v),
            EventFilter::EventSource(v) => FilterColumn::Column("event_source", v),
            EventFilter::AccessKeyId(v) => FilterColumn::Column("access_key_id", v),
            EventFilter::ResourceType(v) => FilterColumn::Resource("type", v),
            EventFilter::ResourceName(v) => FilterColumn::Resource("name", v),
        }
    }
}

/// The resources column's text: a JSON array of `[type, name]` pairs.
pub(crate) fn resources_text(event: &IndexedEvent) -> String {
    let pairs: Vec<[&str; 2]> = event
        .resources
        .iter()
        .map(|(kind, name)| [kind.as_str(), name.as_str()])
        .collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned())
}

/// The resources column read back.
pub(crate) fn resources_from_text(text: &str) -> Vec<(String, String)> {
    serde_json::from_str::<Vec<(String, String)>>(text).unwrap_or_default()
}

/// The page that `limit + 1` rows fetched for `query` make.
pub(crate) fn page_of(mut rows: Vec<(EventCursor, IndexedEvent)>, limit: usize) -> EventPage {
    let next = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|(cursor, _)| *cursor)
    } else {
        None
    };
    EventPage { events: rows, next }
}
