-- The innovation clinic's journal, and the yearly target each region sets its agencies.

-- The region's target rule as JSON (domain TargetRule); '{}' is the default rule: one
-- innovation a year, at least at trial, verified, due on 31 December.
ALTER TABLE regions ADD COLUMN target_rule TEXT NOT NULL DEFAULT '{}';

-- The activity that carried a replication's transfer of knowledge (symposium, workshop, ...).
ALTER TABLE innovations ADD COLUMN transfer_activity TEXT;

-- Append-only: validations, design plans, launches, monitoring visits, display events and stage
-- changes, each with who recorded it. What an entry holds beyond its kind, stage and date is
-- in `details` (JSON), since it differs by kind.
CREATE TABLE clinic_entries (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  innovation_id INTEGER NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  kind          TEXT NOT NULL,
  stage         TEXT NOT NULL,
  entry_date    TEXT NOT NULL,
  details       TEXT NOT NULL,
  user_id       INTEGER,
  actor_name    TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX clinic_entries_innovation ON clinic_entries (innovation_id, id);
CREATE INDEX clinic_entries_region ON clinic_entries (region_code, kind);
