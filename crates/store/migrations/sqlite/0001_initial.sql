-- Keyward's SQLite schema, version 1: users, their tags, access keys and deployment settings.
-- Names are unique case-insensitively through `name_key`, the lower-cased name computed by
-- Keyward. The statements are those of the inline schema that data directories were created
-- with before migrations became files; their text must not change (it is what sqlite_master holds).

CREATE TABLE users (
    user_id     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,
    create_date INTEGER NOT NULL
);
CREATE INDEX users_path ON users(path);
CREATE TABLE user_tags (
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    key_key TEXT NOT NULL,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (user_id, key_key)
);
CREATE TABLE access_keys (
    access_key_id     TEXT PRIMARY KEY,
    owner             TEXT NOT NULL,
    status            TEXT NOT NULL,
    create_date       INTEGER NOT NULL,
    secret            BLOB NOT NULL,
    last_used_date    INTEGER,
    last_used_service TEXT,
    last_used_region  TEXT
);
CREATE INDEX access_keys_owner ON access_keys(owner);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
