-- One GIN index for the search, not two. The index of region and document (0003) answers a
-- search without a region as well, since a GIN index over several columns serves a condition
-- on any of them. With the index of the document alone beside it, every save wrote each
-- document's words into both trees, inside the writers' turn that every other save waits for.
DROP INDEX innovation_search_document;
