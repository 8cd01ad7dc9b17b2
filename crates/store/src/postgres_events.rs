//! The event index on PostgreSQL (see [`crate::events`]): every replica indexes its own audit
//! log into the shared tables, so a lookup on any replica sees every replica's events.

use deadpool_postgres::GenericClient;
use tokio_postgres::Row;

use crate::events::{
    page_of, read_only_text, resource_keys, resources_from_text, resources_text, EventCursor,
    EventPage, EventQuery, FilterColumn, IndexedEvent, LogPosition,
};
use crate::postgres::{execute, query, query_opt, Failure};

const EVENT_COLUMNS: &str = "e.seq, e.event_id, e.event_time, e.event_name, e.event_source, \
                             e.read_only, e.username, e.access_key_id, e.resources, e.record";

fn event_from_row(row: &Row) -> Result<(EventCursor, IndexedEvent), Failure> {
    let event_time: i64 = row.try_get(2)?;
    let read_only: String = row.try_get(5)?;
    let resources: String = row.try_get(8)?;
    Ok((
        EventCursor {
            event_time,
            seq: row.try_get(0)?,
        },
        IndexedEvent {
            event_id: row.try_get(1)?,
            event_time,
            event_name: row.try_get(3)?,
            event_source: row.try_get(4)?,
            read_only: read_only == "true",
            username: row.try_get(6)?,
            access_key_id: row.try_get(7)?,
            resources: resources_from_text(&resources),
            record: row.try_get(9)?,
        },
    ))
}

/// Adds `events` (each once, by event id) and moves `log_id`'s position, in `tx`.
pub(crate) async fn index<C: GenericClient>(
    tx: &C,
    log_id: &str,
    position: &LogPosition,
    events: &[IndexedEvent],
) -> Result<(), Failure> {
    for event in events {
        let resources = resources_text(event);
        let inserted = query_opt(
            tx,
            "INSERT INTO events (event_id, event_time, event_name, event_source, read_only,
                                 username, access_key_id, resources, record)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (event_id) DO NOTHING RETURNING seq",
            &[
                &event.event_id,
                &event.event_time,
                &event.event_name,
                &event.event_source,
                &read_only_text(event.read_only),
                &event.username,
                &event.access_key_id,
                &resources,
                &event.record,
            ],
        )
        .await?;
        let Some(row) = inserted else { continue };
        let seq: i64 = row.try_get(0)?;
        for (attribute, value) in resource_keys(event) {
            execute(
                tx,
                "INSERT INTO event_resources (attribute, value, event_time, seq)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&attribute, &value, &event.event_time, &seq],
            )
            .await?;
        }
    }
    let offset = i64::try_from(position.offset).unwrap_or(i64::MAX);
    execute(
        tx,
        "INSERT INTO event_log_positions (log_id, file, byte_offset) VALUES ($1, $2, $3)
         ON CONFLICT (log_id) DO UPDATE SET file = excluded.file,
                                            byte_offset = excluded.byte_offset",
        &[&log_id, &position.file, &offset],
    )
    .await?;
    Ok(())
}

/// How far `log_id` has been indexed.
pub(crate) async fn position<C: GenericClient>(
    c: &C,
    log_id: &str,
) -> Result<Option<LogPosition>, Failure> {
    let row = query_opt(
        c,
        "SELECT file, byte_offset FROM event_log_positions WHERE log_id = $1",
        &[&log_id],
    )
    .await?;
    match row {
        Some(row) => {
            let offset: i64 = row.try_get(1)?;
            Ok(Some(LogPosition {
                file: row.try_get(0)?,
                offset: u64::try_from(offset).unwrap_or(0),
            }))
        }
        None => Ok(None),
    }
}

/// One page of `query`, newest first.
pub(crate) async fn lookup<C: GenericClient>(
    c: &C,
    lookup: &EventQuery,
) -> Result<EventPage, Failure> {
    let (before_time, before_seq) = match lookup.after {
        Some(cursor) => (cursor.event_time, cursor.seq),
        // Every seq is below the largest: the first page starts at `end` inclusive.
        None => (lookup.end, i64::MAX),
    };
    let limit = i64::try_from(lookup.limit.saturating_add(1)).unwrap_or(i64::MAX);
    let rows = match lookup.filter.as_ref().map(|f| f.column()) {
        None => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 WHERE e.event_time >= $1 AND (e.event_time, e.seq) < ($2, $3)
                 ORDER BY e.event_time DESC, e.seq DESC LIMIT $4"
            );
            query(c, &sql, &[&lookup.start, &before_time, &before_seq, &limit]).await?
        }
        Some(FilterColumn::Column(column, value)) => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 WHERE e.{column} = $1 AND e.event_time >= $2 AND (e.event_time, e.seq) < ($3, $4)
                 ORDER BY e.event_time DESC, e.seq DESC LIMIT $5"
            );
            query(
                c,
                &sql,
                &[&value, &lookup.start, &before_time, &before_seq, &limit],
            )
            .await?
        }
        Some(FilterColumn::Resource(attribute, value)) => {
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM event_resources r JOIN events e ON e.seq = r.seq
                 WHERE r.attribute = $1 AND r.value = $2 AND r.event_time >= $3
                   AND (r.event_time, r.seq) < ($4, $5)
                 ORDER BY r.event_time DESC, r.seq DESC LIMIT $6"
            );
            query(
                c,
                &sql,
                &[
                    &attribute,
                    &value,
                    &lookup.start,
                    &before_time,
                    &before_seq,
                    &limit,
                ],
            )
            .await?
        }
    };
    let events = rows
        .iter()
        .map(event_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page_of(events, lookup.limit))
}
