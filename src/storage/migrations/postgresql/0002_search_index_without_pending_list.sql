-- The full-text index takes each document into its tree at once. With GIN's pending list (the
-- default), inserts are cheaper until the list fills, and then one unlucky writer merges it all
-- into the tree while every search in the meantime reads the whole list: at a national
-- registry's size, seconds of both. Deadline day wants every save and every search steady.
ALTER INDEX innovation_search_document SET (fastupdate = off);
