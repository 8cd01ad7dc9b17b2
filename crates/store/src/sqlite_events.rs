//! The event index on the embedded store (see [`crate::events`]).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::events::{
    page_of, read_only_text, resource_keys, resources_from_text, resources_text, EventCursor,
    EventPage, EventQuery, FilterColumn, IndexedEvent, LogPosition,
};
use crate::sqlite::backend;
use crate::StoreError;

const EVENT_COLUMNS: &str = "e.seq, e.event_id, e.event_time, e.event_name, e.event_source, \
                             e.read_only, e.username, e.access_key_id, e.resources, e.record";

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<(EventCursor, IndexedEvent)> {
    let event_time: i64 = row.get(2)?;
    let read_only: String = row.get(5)?;
    let resources: String = row.get(8)?;
    Ok((
        EventCursor {
            event_time,
            seq: row.get(0)?,
        },
        IndexedEvent {
            event_id: row.get(1)?,
            event_time,
            event_name: row.get(3)?,
            event_source: row.get(4)?,
            read_only: read_only == "true",
            username: row.get(6)?,
            access_key_id: row.get(7)?,
            resources: resources_from_text(&resources),
            record: row.get(9)?,
        },
    ))
}

/// Adds `events` (each once, by event id) and moves `log_id`'s position, in `tx`.
pub(crate) fn index(
    tx: &Connection,
    log_id: &str,
    position: &LogPosition,
    events: &[IndexedEvent],
) -> Result<(), StoreError> {
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO events (event_id, event_time, event_name, event_source, read_only,
                                 username, access_key_id, resources, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (event_id) DO NOTHING RETURNING seq",
        )
        .map_err(backend)?;
    let mut resource = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO event_resources (attribute, value, event_time, seq)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(backend)?;
    for event in events {
        let seq: Option<i64> = insert
            .query_row(
                params![
                    event.event_id,
                    event.event_time,
                    event.event_name,
                    event.event_source,
                    read_only_text(event.read_only),
                    event.username,
                    event.access_key_id,
                    resources_text(event),
                    event.record,
                ],
                |r| r.get(0),
            )
            .optional()
            .map_err(backend)?;
        let Some(seq) = seq else { continue };
        for (attribute, value) in resource_keys(event) {
            resource
                .execute(params![attribute, value, event.event_time, seq])
                .map_err(backend)?;
        }
    }
    tx.execute(
        "INSERT INTO event_log_positions (log_id, file, byte_offset) VALUES (?1, ?2, ?3)
         ON CONFLICT (log_id) DO UPDATE SET file = excluded.file,
                                            byte_offset = excluded.byte_offset",
        params![
            log_id,
            position.file,
            i64::try_from(position.offset).unwrap_or(i64::MAX)
        ],
    )
    .map_err(backend)?;
    Ok(())
}

/// How far `log_id` has been indexed.
pub(crate) fn position(conn: &Connection, log_id: &str) -> Result<Option<LogPosition>, StoreError> {
    conn.query_row(
        "SELECT file, byte_offset FROM event_log_positions WHERE log_id = ?1",
        [log_id],
        |r| {
            let offset: i64 = r.get(1)?;
            Ok(LogPosition {
                file: r.get(0)?,
                offset: u64::try_from(offset).unwrap_or(0),
            })
        },
    )
    .optional()
    .map_err(backend)
}

/// One page of `query`, newest first.
pub(crate) fn lookup(conn: &Connection, query: &EventQuery) -> Result<EventPage, StoreError> {
    let (before_time, before_seq) = match query.after {
        Some(cursor) => (cursor.event_time, cursor.seq),
        // Every seq is below the largest: the first page starts at `end` inclusive.
        None => (query.end, i64::MAX),
    };
    let limit = i64::try_from(query.limit.saturating_add(1)).unwrap_or(i64::MAX);
    let rows = match query.filter.as_ref().map(|f| f.column()) {
        None => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 WHERE e.event_time >= ?1 AND (e.event_time, e.seq) < (?2, ?3)
                 ORDER BY e.event_time DESC, e.seq DESC LIMIT ?4"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(backend)?;
            let rows = stmt
                .query_map(
                    params![query.start, before_time, before_seq, limit],
                    event_from_row,
                )
                .map_err(backend)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(backend)?
        }
        Some(FilterColumn::Column(column, value)) => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 WHERE e.{column} = ?1 AND e.event_time >= ?2 AND (e.event_time, e.seq) < (?3, ?4)
                 ORDER BY e.event_time DESC, e.seq DESC LIMIT ?5"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(backend)?;
            let rows = stmt
                .query_map(
                    params![value, query.start, before_time, before_seq, limit],
                    event_from_row,
                )
                .map_err(backend)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(backend)?
        }
        Some(FilterColumn::Resource(attribute, value)) => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM event_resources r JOIN events e ON e.seq = r.seq
                 WHERE r.attribute = ?1 AND r.value = ?2 AND r.event_time >= ?3
                   AND (r.event_time, r.seq) < (?4, ?5)
                 ORDER BY r.event_time DESC, r.seq DESC LIMIT ?6"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(backend)?;
            let rows = stmt
                .query_map(
                    params![
                        attribute,
                        value,
                        query.start,
                        before_time,
                        before_seq,
                        limit
                    ],
                    event_from_row,
                )
                .map_err(backend)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(backend)?
        }
    };
    Ok(page_of(rows, query.limit))
}
