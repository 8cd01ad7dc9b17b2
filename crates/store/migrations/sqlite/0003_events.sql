-- Version 3: the index of audit events behind CloudTrail's LookupEvents, fed from the audit
-- log. Newest first is (event_time, seq) descending; every filterable column has an index
-- that ends in (event_time, seq), so a lookup reads one index range in order and stops at
-- the page's end, whatever the table's size.

CREATE TABLE events (
    seq           INTEGER PRIMARY KEY,
    event_id      TEXT NOT NULL UNIQUE,
    event_time    INTEGER NOT NULL,
    event_name    TEXT NOT NULL,
    event_source  TEXT NOT NULL,
    read_only     TEXT NOT NULL,
    username      TEXT,
    access_key_id TEXT,
    resources     TEXT NOT NULL,
    record        TEXT NOT NULL
);
CREATE INDEX events_by_time ON events (event_time, seq);
CREATE INDEX events_by_name ON events (event_name, event_time, seq);
CREATE INDEX events_by_read_only ON events (read_only, event_time, seq);
CREATE INDEX events_by_username ON events (username, event_time, seq);
CREATE INDEX events_by_source ON events (event_source, event_time, seq);
CREATE INDEX events_by_access_key ON events (access_key_id, event_time, seq);

-- Each resource type and name an event names, once ('type' or 'name').
CREATE TABLE event_resources (
    attribute  TEXT NOT NULL,
    value      TEXT NOT NULL,
    event_time INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (attribute, value, event_time, seq)
) WITHOUT ROWID;

-- How far each audit log (one per server process's data directory) has been indexed.
CREATE TABLE event_log_positions (
    log_id      TEXT PRIMARY KEY,
    file        TEXT NOT NULL,
    byte_offset INTEGER NOT NULL
);
