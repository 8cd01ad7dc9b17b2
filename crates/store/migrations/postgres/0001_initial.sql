-- Keyward's PostgreSQL schema, version 1: the same tables as the embedded SQLite store.
-- Every text column compares byte-wise (COLLATE "C"), as SQLite's BINARY collation does, so
-- listings are ordered, and markers compare, exactly as in the embedded store whatever the
-- database's default collation is. Names are unique case-insensitively through `name_key`,
-- the lower-cased name computed by Keyward.

CREATE TABLE users (
    user_id     TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL,
    name_key    TEXT COLLATE "C" NOT NULL UNIQUE,
    path        TEXT COLLATE "C" NOT NULL,
    create_date BIGINT NOT NULL
);
CREATE INDEX users_path ON users (path);

CREATE TABLE user_tags (
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    key_key TEXT COLLATE "C" NOT NULL,
    key     TEXT COLLATE "C" NOT NULL,
    value   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, key_key)
);

CREATE TABLE access_keys (
    access_key_id     TEXT COLLATE "C" PRIMARY KEY,
    owner             TEXT COLLATE "C" NOT NULL,
    status            TEXT COLLATE "C" NOT NULL,
    create_date       BIGINT NOT NULL,
    secret            BYTEA NOT NULL,
    last_used_date    BIGINT,
    last_used_service TEXT COLLATE "C",
    last_used_region  TEXT COLLATE "C"
);
CREATE INDEX access_keys_owner ON access_keys (owner);

CREATE TABLE settings (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE entities (
    entity_id   TEXT COLLATE "C" PRIMARY KEY,
    kind        TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    name_key    TEXT COLLATE "C" NOT NULL,
    path        TEXT COLLATE "C" NOT NULL,
    create_date BIGINT NOT NULL,
    UNIQUE (kind, name_key)
);

CREATE TABLE entity_attributes (
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (entity_id) ON DELETE CASCADE,
    name      TEXT COLLATE "C" NOT NULL,
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, name)
);

CREATE TABLE entity_tags (
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (entity_id) ON DELETE CASCADE,
    key_key   TEXT COLLATE "C" NOT NULL,
    key       TEXT COLLATE "C" NOT NULL,
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, key_key)
);

CREATE TABLE relations (
    kind      TEXT COLLATE "C" NOT NULL,
    from_kind TEXT COLLATE "C" NOT NULL,
    from_id   TEXT COLLATE "C" NOT NULL,
    to_kind   TEXT COLLATE "C" NOT NULL,
    to_id     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, from_id, to_id)
);
CREATE INDEX relations_to ON relations (kind, to_id, from_id);
CREATE INDEX relations_from ON relations (from_id);

CREATE TABLE documents (
    owner_kind  TEXT COLLATE "C" NOT NULL,
    owner_id    TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    create_date BIGINT NOT NULL,
    is_default  BOOLEAN NOT NULL,
    PRIMARY KEY (owner_id, kind, name)
);

CREATE TABLE document_sequences (
    owner_id TEXT COLLATE "C" NOT NULL,
    kind     TEXT COLLATE "C" NOT NULL,
    next     BIGINT NOT NULL,
    PRIMARY KEY (owner_id, kind)
);

-- Bumped by every write transaction, first thing, which also makes writers take turns (see
-- src/postgres.rs); replicas watch it to drop their caches.
CREATE TABLE change_counter (
    id    SMALLINT PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
