-- The search tokenizer now reads words Indonesians spell two ways (ijin and izin, akte and
-- akta, sertipikat and sertifikat, ...) as one: the index is built again with it.
INSERT INTO innovation_search (innovation_search) VALUES ('rebuild');
