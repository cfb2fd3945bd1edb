-- Accounts, roles, sessions and API tokens; the workflow's history; the audit trail.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  username      TEXT NOT NULL,
  username_key  TEXT NOT NULL UNIQUE,  -- lower case, for sign-in without regard to case
  display_name  TEXT NOT NULL,
  email         TEXT NOT NULL,         -- personal data: never shown to the public
  password_hash TEXT NOT NULL,         -- argon2id, or empty when no password is set
  disabled      INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- A role held by a user, scoped to a region, an agency, or (for jurors) a competition.
CREATE TABLE user_roles (
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'region_admin', 'agency_operator',
                                               'agency_head', 'facilitator', 'juror')),
  region_code    TEXT NOT NULL DEFAULT '' ,
  agency_id      INTEGER NOT NULL DEFAULT 0,
  competition_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, role, region_code, agency_id, competition_id)
) STRICT;

-- Server-side sessions; the cookie holds the id, the table only its digest.
CREATE TABLE sessions (
  id_digest   TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,  -- seconds since the epoch
  last_seen   INTEGER NOT NULL,
  address     TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

-- API tokens for integrations; only the digest is kept.
CREATE TABLE api_tokens (
  id          INTEGER PRIMARY KEY,
  digest      TEXT NOT NULL UNIQUE,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  scope       TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  expires_at  INTEGER NOT NULL,  -- seconds since the epoch
  revoked     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
) STRICT;

-- Whether an agency head must approve a submission before the region verifies it.
ALTER TABLE regions ADD COLUMN requires_head_approval INTEGER NOT NULL DEFAULT 0;

ALTER TABLE innovations ADD COLUMN approved_at TEXT NOT NULL DEFAULT '';

-- Every workflow step of an innovation: who, when, why.
CREATE TABLE innovation_events (
  id            INTEGER PRIMARY KEY,
  innovation_id INTEGER NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
  action        TEXT NOT NULL,
  from_status   TEXT NOT NULL,
  to_status     TEXT NOT NULL,
  user_id       INTEGER,
  actor_name    TEXT NOT NULL,
  reason        TEXT NOT NULL,
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX innovation_events_innovation ON innovation_events (innovation_id, id);

-- The audit trail: every change to any record, each entry chained to the one before by hash.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  user_id      INTEGER,
  actor_name   TEXT NOT NULL,
  address      TEXT NOT NULL,
  action       TEXT NOT NULL,   -- create, update, delete, transition, sign_in, ...
  record_type  TEXT NOT NULL,   -- region, agency, innovation, user, token
  record_id    TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  before       TEXT NOT NULL,   -- JSON, or empty
  after        TEXT NOT NULL,   -- JSON, or empty
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_region ON audit_log (region_code, id);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, id);

-- Append-only: no statement may change or remove an entry.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
