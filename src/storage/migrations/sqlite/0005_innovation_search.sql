-- Full-text search over innovations (storage/sqlite/search_index.hpp): an FTS5 index read
-- through the tokenizer "lumbung" (folding and the Indonesian stemmer), which every connection
-- registers before it touches the index. The index keeps no copy of the texts: it reads them
-- from innovation_search_source when it needs them (snippets, rebuilds), and the store updates
-- it in the same transaction as the record.

CREATE VIEW innovation_search_source AS
SELECT i.id AS id, i.title AS title, i.product AS product, i.summary AS summary,
       t.description || char(10) || t.background || char(10) || t.design || char(10) ||
       t.goals || char(10) || t.benefits || char(10) || t.results || char(10) || t.drivers ||
       char(10) || t.obstacles || char(10) || t.process_steps || char(10) || t.outputs ||
       char(10) || t.outcomes || char(10) || t.replication_prerequisites AS body,
       a.name AS agency
FROM innovations i
JOIN innovation_texts t ON t.innovation_id = i.id
JOIN agencies a ON a.id = i.agency_id;

CREATE VIRTUAL TABLE innovation_search USING fts5 (
  title, product, summary, body, agency,
  content = 'innovation_search_source', content_rowid = 'id', tokenize = 'lumbung'
);

-- Relevance: BM25 with a word in the title worth ten in the narrative.
INSERT INTO innovation_search (innovation_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0, 2.0)');

INSERT INTO innovation_search (innovation_search) VALUES ('rebuild');
