//! CloudTrail's `LookupEvents`, answered from the store's event index (fed from the audit log
//! by the indexer): one lookup attribute, a time range within the last 90 days, pages of at
//! most 50 events, newest first, with a sealed `NextToken` bound to the request's parameters.
//! Each event's `CloudTrailEvent` is its audit record exactly as written to `audit.log`.

use base64::Engine as _;
use keyward_aws_model::Value;
use keyward_store::{EventCursor, EventFilter, EventQuery, IndexedEvent, SealedSecret};
use time::{Duration, OffsetDateTime};

use crate::state::AppState;

/// How far back lookups reach, as on AWS.
const LOOKBACK: Duration = Duration::days(90);

/// Events per page when `MaxResults` is not given, and at most.
const MAX_RESULTS: i64 = 50;

/// The IAM action `LookupEvents` needs, on `*`.
pub const ACTION: &str = "cloudtrail:LookupEvents";

/// Why a lookup is refused, one variant per CloudTrail error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// `InvalidLookupAttributesException`.
    InvalidLookupAttributes(String),
    /// `InvalidTimeRangeException`.
    InvalidTimeRange(String),
    /// `InvalidMaxResultsException`.
    InvalidMaxResults(String),
    /// `InvalidNextTokenException`.
    InvalidNextToken(String),
    /// `InvalidEventCategoryException`.
    InvalidEventCategory(String),
    /// `ValidationException`: a constraint of the model (a value of the wrong type).
    Validation(String),
    /// `InternalFailure`: the store failed.
    InternalFailure,
}

impl LookupError {
    /// CloudTrail's error code (`__type`).
    pub fn code(&self) -> &'static str {
        match self {
            LookupError::InvalidLookupAttributes(_) => "InvalidLookupAttributesException",
            LookupError::InvalidTimeRange(_) => "InvalidTimeRangeException",
            LookupError::InvalidMaxResults(_) => "InvalidMaxResultsException",
            LookupError::InvalidNextToken(_) => "InvalidNextTokenException",
            LookupError::InvalidEventCategory(_) => "InvalidEventCategoryException",
            LookupError::Validation(_) => "ValidationException",
            LookupError::InternalFailure => "InternalFailure",
        }
    }

    /// The message, in AWS's words where known.
    pub fn message(&self) -> String {
        match self {
            LookupError::InvalidLookupAttributes(m)
            | LookupError::InvalidTimeRange(m)
            | LookupError::InvalidMaxResults(m)
            | LookupError::InvalidNextToken(m)
            | LookupError::InvalidEventCategory(m)
            | LookupError::Validation(m) => m.clone(),
            LookupError::InternalFailure => {
                "An internal error occurred; try again later.".to_owned()
            }
        }
    }

    /// The HTTP status: 500 for a failure of Keyward's, 400 otherwise.
    pub fn status(&self) -> u16 {
        match self {
            LookupError::InternalFailure => 500,
            _ => 400,
        }
    }
}

/// The lookup a request asks for, checked.
struct Lookup {
    filter: Option<EventFilter>,
    /// `StartTime` and `EndTime` as given (seconds), which a `NextToken` is bound to.
    given: (Option<i64>, Option<i64>),
    insight: bool,
    limit: usize,
    after: Option<EventCursor>,
}

/// Answers `LookupEvents` with input `members` (decoded with CloudTrail's model; `violations`
/// is the model's report of them) at `now`.
pub async fn lookup_events(
    state: &AppState,
    members: &Value,
    violations: Option<String>,
    now: OffsetDateTime,
) -> Result<Value, LookupError> {
    let lookup = checked(state, members, violations)?;
    if lookup.insight {
        // Keyward raises no Insights events: there are none to find.
        return Ok(Value::structure().with("Events", Vec::<Value>::new()));
    }
    let now_secs = now.unix_timestamp();
    let floor = (now - LOOKBACK).unix_timestamp();
    let query = EventQuery {
        filter: lookup.filter.clone(),
        start: lookup.given.0.unwrap_or(floor).max(floor),
        end: lookup.given.1.unwrap_or(now_secs),
        after: lookup.after,
        limit: lookup.limit,
    };
    let page = state.store.lookup_events(query).await.map_err(|e| {
        tracing::error!(error = %e, "event lookup failed");
        LookupError::InternalFailure
    })?;
    let events: Vec<Value> = page.events.iter().map(|(_, e)| event(e)).collect();
    let mut output = Value::structure().with("Events", events);
    if let Some(next) = page.next {
        output = output.with("NextToken", seal_token(state, &lookup, next)?);
    }
    Ok(output)
}

/// Checks the input as CloudTrail does, in its order: the page size, the category, the lookup
/// attribute, the time range, then the token.
fn checked(
    state: &AppState,
    members: &Value,
    violations: Option<String>,
) -> Result<Lookup, LookupError> {
    let limit = match members.get("MaxResults") {
        None => MAX_RESULTS,
        Some(Value::Integer(n)) if (1..=MAX_RESULTS).contains(n) => *n,
        Some(Value::Integer(n)) => {
            return Err(LookupError::InvalidMaxResults(format!(
                "A max results value of {n} is invalid. Specify max results between 1 and 50."
            )))
        }
        Some(_) => return Err(LookupError::Validation(violations.unwrap_or_default())),
    };
    let insight = match members.get("EventCategory") {
        None => false,
        Some(Value::String(category)) if category == "insight" => true,
        Some(other) => {
            return Err(LookupError::InvalidEventCategory(format!(
                "Event category {} is not valid. Valid value is insight.",
                other.as_str().unwrap_or_default()
            )))
        }
    };
    let filter = match members.get("LookupAttributes") {
        None => None,
        Some(Value::List(attributes)) => match attributes.as_slice() {
            [] => None,
            [attribute] => Some(filter_of(attribute)?),
            _ => {
                return Err(LookupError::InvalidLookupAttributes(
                    "You cannot specify more than one lookup attribute.".to_owned(),
                ))
            }
        },
        Some(_) => return Err(LookupError::Validation(violations.unwrap_or_default())),
    };
    // Anything else the model refuses (a value of the wrong type).
    if let Some(message) = violations {
        return Err(LookupError::Validation(message));
    }
    let time = |name| match members.get(name) {
        Some(Value::Timestamp(t)) => Some(t.unix_timestamp()),
        _ => None,
    };
    let given = (time("StartTime"), time("EndTime"));
    if let (Some(start), Some(end)) = given {
        if start > end {
            return Err(LookupError::InvalidTimeRange(
                "Start time must be before or equal to end time.".to_owned(),
            ));
        }
    }
    let mut lookup = Lookup {
        filter,
        given,
        insight,
        limit: usize::try_from(limit).unwrap_or(50),
        after: None,
    };
    if let Some(token) = members.get("NextToken").and_then(Value::as_str) {
        lookup.after = Some(open_token(state, &lookup, token)?);
    }
    Ok(lookup)
}

/// The filter one `LookupAttribute` asks for.
fn filter_of(attribute: &Value) -> Result<EventFilter, LookupError> {
    let key = attribute
        .get("AttributeKey")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let value = attribute
        .get("AttributeValue")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if value.is_empty() || value.chars().count() > 2000 {
        return Err(LookupError::InvalidLookupAttributes(format!(
            "Lookup attribute value is not valid: the value of {key} must be 1 to 2000 characters."
        )));
    }
    let value = value.to_owned();
    Ok(match key {
        "EventId" => EventFilter::EventId(value),
        "EventName" => EventFilter::EventName(value),
        "ReadOnly" => match value.as_str() {
            "true" => EventFilter::ReadOnly(true),
            "false" => EventFilter::ReadOnly(false),
            _ => {
                return Err(LookupError::InvalidLookupAttributes(
                    "ReadOnly lookup attribute value must be true or false.".to_owned(),
                ))
            }
        },
        "Username" => EventFilter::Username(value),
        "ResourceType" => EventFilter::ResourceType(value),
        "ResourceName" => EventFilter::ResourceName(value),
        "EventSource" => EventFilter::EventSource(value),
        "AccessKeyId" => EventFilter::AccessKeyId(value),
        _ => {
            return Err(LookupError::InvalidLookupAttributes(format!(
                "Lookup attribute key {key} is not valid. Valid keys: EventId, EventName, \
                 ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId."
            )))
        }
    })
}

/// What a token is bound to: the parameters of the call that made it.
fn token_context(lookup: &Lookup) -> String {
    let filter = match &lookup.filter {
        Some(filter) => format!("{filter:?}"),
        None => String::new(),
    };
    format!(
        "cloudtrail:LookupEvents:{filter}:{:?}:{:?}:{}",
        lookup.given.0, lookup.given.1, lookup.insight
    )
}

/// An opaque `NextToken`: the cursor sealed with the master key, bound to the parameters.
fn seal_token(state: &AppState, lookup: &Lookup, next: EventCursor) -> Result<String, LookupError> {
    let cursor = format!("{}:{}", next.event_time, next.seq);
    let sealed = state
        .master
        .seal(&cursor, &token_context(lookup))
        .map_err(|e| {
            tracing::error!(error = %e, "NextToken not sealed");
            LookupError::InternalFailure
        })?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sealed.as_bytes()))
}

/// The cursor of a token this server made for the same parameters; anything else is refused.
fn open_token(state: &AppState, lookup: &Lookup, token: &str) -> Result<EventCursor, LookupError> {
    let invalid = || LookupError::InvalidNextToken("Invalid NextToken.".to_owned());
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| invalid())?;
    let cursor = state
        .master
        .open(&SealedSecret::from_bytes(bytes), &token_context(lookup))
        .map_err(|_| invalid())?;
    let (time, seq) = cursor.split_once(':').ok_or_else(invalid)?;
    Ok(EventCursor {
        event_time: time.parse().map_err(|_| invalid())?,
        seq: seq.parse().map_err(|_| invalid())?,
    })
}

/// One `Event` of the response.
fn event(indexed: &IndexedEvent) -> Value {
    let mut event = Value::structure()
        .with("EventId", indexed.event_id.as_str())
        .with("EventName", indexed.event_name.as_str())
        .with("ReadOnly", if indexed.read_only { "true" } else { "false" });
    if let Some(key) = &indexed.access_key_id {
        event = event.with("AccessKeyId", key.as_str());
    }
    if let Ok(time) = OffsetDateTime::from_unix_timestamp(indexed.event_time) {
        event = event.with("EventTime", time);
    }
    event = event.with("EventSource", indexed.event_source.as_str());
    if let Some(name) = &indexed.username {
        event = event.with("Username", name.as_str());
    }
    let resources: Vec<Value> = indexed
        .resources
        .iter()
        .map(|(kind, name)| {
            Value::structure()
                .with("ResourceType", kind.as_str())
                .with("ResourceName", name.as_str())
        })
        .collect();
    event
        .with("Resources", resources)
        .with("CloudTrailEvent", indexed.record.as_str())
}
