-- The catalogue's index: a region's records by status, newest first, carrying every value a
-- list filters or counts by. A count and the facets of a region read it alone (an index-only
-- scan), and a page finds its ids there before reading only its own rows. Before, counting a
-- region's records of one type and year read every one of its records from the table: some
-- four hundred pages at national scale, 30 ms and more when they were not in memory. It takes
-- the place of innovations_region_status, whose columns it begins with.
CREATE INDEX innovations_catalogue ON innovations (region_code, status, updated_at DESC, id DESC)
  INCLUDE (agency_id, type, form, maturity, stage, year, main_affair, digital);
DROP INDEX innovations_region_status;
