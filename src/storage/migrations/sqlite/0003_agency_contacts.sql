-- How the public reaches an agency, for example to ask about replicating an innovation.
-- Institutional addresses only: a person's contact details never stand here.

ALTER TABLE agencies ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN phone   TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN email   TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN website TEXT NOT NULL DEFAULT '';
