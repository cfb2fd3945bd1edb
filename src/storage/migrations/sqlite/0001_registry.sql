-- The innovation registry: regions (tenants), their agencies, and innovations.

CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('provinsi', 'kabupaten', 'kota')),
  parent_code TEXT REFERENCES regions (code),
  time_zone   TEXT NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
  demo        INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
) STRICT;

-- AUTOINCREMENT: an id is never handed out twice, so nothing that named a deleted agency or
-- innovation (a role, an audit entry, a replication) can come to name another.
CREATE TABLE agencies (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code TEXT NOT NULL REFERENCES regions (code),
  name        TEXT NOT NULL,
  -- The name folded to lower case with single spaces, so "DINAS  Kesehatan" matches.
  name_key    TEXT NOT NULL,
  short_name  TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES agencies (id),
  echelon     INTEGER,
  version     INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (region_code, name_key)
) STRICT;

CREATE INDEX agencies_parent ON agencies (parent_id);

CREATE TABLE innovations (
  -- The columns lists filter and sort by come first, so SQLite finds them at a row's start.
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code               TEXT NOT NULL REFERENCES regions (code),
  agency_id                 INTEGER NOT NULL REFERENCES agencies (id),
  status                    TEXT NOT NULL,
  type                      TEXT,
  form                      TEXT,
  maturity                  TEXT NOT NULL,
  stage                     TEXT NOT NULL,
  continuation              TEXT NOT NULL,
  digital                   INTEGER NOT NULL,
  year                      INTEGER,
  implementation_year       INTEGER,
  replicated_from           INTEGER REFERENCES innovations (id),
  version                   INTEGER NOT NULL,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  title                     TEXT NOT NULL,
  product                   TEXT NOT NULL,
  summary                   TEXT NOT NULL,
  unit                      TEXT NOT NULL,
  initiator_kind            TEXT NOT NULL,
  initiator_names           TEXT NOT NULL,
  main_affair               TEXT NOT NULL,
  trial_date                TEXT NOT NULL,
  implementation_date       TEXT NOT NULL,
  replication_method        TEXT,
  rejection_reason          TEXT NOT NULL,
  source                    TEXT NOT NULL,
  source_ref                TEXT NOT NULL,
  video_url                 TEXT NOT NULL,
  location                  TEXT NOT NULL,
  team_members              TEXT NOT NULL,  -- JSON array of names
  other_affairs             TEXT NOT NULL,  -- JSON array
  themes                    TEXT NOT NULL,  -- JSON array
  transfer_kinds            TEXT NOT NULL,  -- JSON array
  budget                    TEXT NOT NULL,  -- JSON array of {year, amount}
  evidence                  TEXT NOT NULL,  -- JSON array of {title, url}
  partners                  TEXT NOT NULL   -- JSON array of {name, kind}
) STRICT;

-- The narrative sections (Markdown), apart from the rows that lists scan: an innovation's
-- texts run to several kilobytes, and keeping them here keeps filtering and counting fast.
CREATE TABLE innovation_texts (
  innovation_id             INTEGER PRIMARY KEY REFERENCES innovations (id) ON DELETE CASCADE,
  description               TEXT NOT NULL,
  background                TEXT NOT NULL,
  design                    TEXT NOT NULL,
  goals                     TEXT NOT NULL,
  benefits                  TEXT NOT NULL,
  results                   TEXT NOT NULL,
  drivers                   TEXT NOT NULL,
  obstacles                 TEXT NOT NULL,
  process_steps             TEXT NOT NULL,
  outputs                   TEXT NOT NULL,
  outcomes                  TEXT NOT NULL,
  replication_prerequisites TEXT NOT NULL
) STRICT;

CREATE INDEX innovations_updated ON innovations (updated_at DESC, id DESC);
CREATE INDEX innovations_region_updated ON innovations (region_code, updated_at DESC, id DESC);
-- Every filter of the list in one narrow index, so that counting the matches of a filter never
-- reads the table itself.
CREATE INDEX innovations_filters ON innovations
  (region_code, status, type, form, maturity, stage, year, digital, agency_id, updated_at);
CREATE INDEX innovations_title ON innovations (title COLLATE NOCASE, id);
CREATE INDEX innovations_region_title ON innovations (region_code, title COLLATE NOCASE, id);
CREATE INDEX innovations_year ON innovations (year DESC, id DESC);
CREATE INDEX innovations_region_year ON innovations (region_code, year DESC, id DESC);
CREATE INDEX innovations_agency ON innovations (agency_id);
CREATE INDEX innovations_replicated_from ON innovations (replicated_from)
  WHERE replicated_from IS NOT NULL;
CREATE UNIQUE INDEX innovations_source_ref ON innovations (region_code, source_ref)
  WHERE source_ref <> '';

-- One counter that every committed change to the records moves, so that a reader can tell
-- cheaply whether what it derived from the data (a cached page) is still current.
CREATE TABLE change_counter (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  counter INTEGER NOT NULL
) STRICT;
INSERT INTO change_counter (id, counter) VALUES (1, 0);

CREATE TRIGGER regions_changed_insert AFTER INSERT ON regions
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER regions_changed_update AFTER UPDATE ON regions
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER regions_changed_delete AFTER DELETE ON regions
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER agencies_changed_insert AFTER INSERT ON agencies
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER agencies_changed_update AFTER UPDATE ON agencies
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER agencies_changed_delete AFTER DELETE ON agencies
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER innovations_changed_insert AFTER INSERT ON innovations
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER innovations_changed_update AFTER UPDATE ON innovations
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
CREATE TRIGGER innovations_changed_delete AFTER DELETE ON innovations
  BEGIN UPDATE change_counter SET counter = counter + 1; END;
