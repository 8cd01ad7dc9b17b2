-- Version 2: entities (groups, roles, managed policies, …), their attributes and tags, the
-- relations between entities and the documents they own. Statements as in the former inline schema.

CREATE TABLE entities (
    entity_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    path        TEXT NOT NULL,
    create_date INTEGER NOT NULL,
    UNIQUE (kind, name_key)
);
CREATE TABLE entity_attributes (
    entity_id TEXT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
);
CREATE TABLE entity_tags (
    entity_id TEXT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    key_key   TEXT NOT NULL,
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (entity_id, key_key)
);
CREATE TABLE relations (
    kind      TEXT NOT NULL,
    from_kind TEXT NOT NULL,
    from_id   TEXT NOT NULL,
    to_kind   TEXT NOT NULL,
    to_id     TEXT NOT NULL,
    PRIMARY KEY (kind, from_id, to_id)
);
CREATE INDEX relations_to ON relations(kind, to_id, from_id);
CREATE TABLE documents (
    owner_kind  TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    text        TEXT NOT NULL,
    create_date INTEGER NOT NULL,
    is_default  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, kind, name)
);
CREATE TABLE document_sequences (
    owner_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    next     INTEGER NOT NULL,
    PRIMARY KEY (owner_id, kind)
);
