-- A search within one region (a city's own portal) looks only at that region's documents. The
-- region stands beside each document, and one GIN index holds both: PostgreSQL intersects the
-- region's few entries with a word's many without reading any document that is not a match.
-- Without it, a region's search either reads every document of the nation holding the word, or
-- unpacks each of the region's documents to test it (the documents live out of line, in TOAST).
-- btree_gin is a trusted extension shipped with PostgreSQL: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE innovation_search ADD COLUMN region_code text;
UPDATE innovation_search s SET region_code = i.region_code
  FROM innovations i WHERE i.id = s.innovation_id;
ALTER TABLE innovation_search ALTER COLUMN region_code SET NOT NULL;
CREATE INDEX innovation_search_region ON innovation_search USING gin (region_code, document)
  WITH (fastupdate = off);
