-- The region's programme: the clinic's sessions and the training it holds, the implementation
-- teams set by decree, the yearly monitoring and evaluation, and since when and why an
-- innovation runs, rests or has stopped.

ALTER TABLE innovations ADD COLUMN continuation_date TEXT NOT NULL DEFAULT '';
ALTER TABLE innovations ADD COLUMN continuation_reason TEXT NOT NULL DEFAULT '';

-- A consultation or a training. The agencies it served ([{"agency_id", "participants"}]) and
-- the innovations it discussed ([id, ...]) are JSON lists: they are read and written whole.
CREATE TABLE activities (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  activity_date TEXT NOT NULL,
  place         TEXT NOT NULL,
  agencies      TEXT NOT NULL,
  innovations   TEXT NOT NULL,
  advice        TEXT NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX activities_region_date ON activities (region_code, activity_date);

-- An implementation team set by decree: the region's (no agency) or an agency's. Its members
-- ([{"name", "position", "role"}]) are a JSON list.
CREATE TABLE teams (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  agency_id     INTEGER REFERENCES agencies (id),
  decree_number TEXT NOT NULL,
  decree_date   TEXT NOT NULL,
  members       TEXT NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX teams_region ON teams (region_code);

-- One innovation's monitoring and evaluation of one year.
CREATE TABLE evaluations (
  innovation_id INTEGER NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  progress      TEXT NOT NULL,
  report        TEXT NOT NULL,
  advice        TEXT NOT NULL,
  user_id       INTEGER,
  actor_name    TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (innovation_id, year)
) STRICT;
CREATE INDEX evaluations_region_year ON evaluations (region_code, year);
