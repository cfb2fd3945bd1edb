-- What a search filters its matches by, keyed by id: each match of the full-text index is
-- joined here (INDEXED BY in storage/sqlite/sqlite_store.cpp) instead of to its wide row in
-- innovations, so that a search reads a few megabytes of index rather than the whole table.
CREATE INDEX innovations_search_columns ON innovations
  (id, region_code, status, agency_id, type, form, maturity, stage, year, digital, main_affair,
   replicated_from);
