-- One GIN index for the search, not two. The index of region and document (0003) answers a
-- search without a region as well, since a GIN index over several columns serves a condition
-- on any of them. The index of the document alone doubled the work of every save, each
-- document's words going into both trees, inside the writers' turn: at a national registry's
-- size that turn was the queue every save waited in on deadline day.
DROP INDEX innovation_search_document;
