-- Version 2: the index of audit events behind CloudTrail's LookupEvents, fed by every
-- replica from its own audit log into these shared tables, so a lookup on any replica sees
-- every replica's events. Newest first is (event_time, seq) descending; every filterable
-- column has an index that ends in (event_time, seq), so a lookup reads one index range in
-- order and stops at the page's end.

CREATE TABLE events (
    seq           BIGSERIAL PRIMARY KEY,
    event_id      TEXT COLLATE "C" NOT NULL UNIQUE,
    event_time    BIGINT NOT NULL,
    event_name    TEXT COLLATE "C" NOT NULL,
    event_source  TEXT COLLATE "C" NOT NULL,
    read_only     TEXT COLLATE "C" NOT NULL,
    username      TEXT COLLATE "C",
    access_key_id TEXT COLLATE "C",
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
    attribute  TEXT COLLATE "C" NOT NULL,
    value      TEXT COLLATE "C" NOT NULL,
    event_time BIGINT NOT NULL,
    seq        BIGINT NOT NULL,
    PRIMARY KEY (attribute, value, event_time, seq)
);

-- How far each replica's audit log has been indexed.
CREATE TABLE event_log_positions (
    log_id      TEXT COLLATE "C" PRIMARY KEY,
    file        TEXT COLLATE "C" NOT NULL,
    byte_offset BIGINT NOT NULL
);
