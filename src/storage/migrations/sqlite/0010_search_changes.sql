-- Which innovations changed, in the order their changes were committed, for the copy of the
-- search index each server process keeps in memory (storage/search_memory.hpp): before
-- it answers, a process reads what changed since it last looked and indexes those records
-- again. Triggers write it, so no path that changes a record can leave it out. It keeps the
-- last 100,000 changes (a save writes two: the record and its texts); a process that fell
-- further behind reads every record again.

CREATE TABLE search_changes (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  innovation_id INTEGER NOT NULL
);

CREATE TRIGGER search_changes_innovation_insert AFTER INSERT ON innovations
  BEGIN INSERT INTO search_changes (innovation_id) VALUES (NEW.id); END;
CREATE TRIGGER search_changes_innovation_update AFTER UPDATE ON innovations
  BEGIN INSERT INTO search_changes (innovation_id) VALUES (NEW.id); END;
CREATE TRIGGER search_changes_innovation_delete AFTER DELETE ON innovations
  BEGIN INSERT INTO search_changes (innovation_id) VALUES (OLD.id); END;
CREATE TRIGGER search_changes_text_insert AFTER INSERT ON innovation_texts
  BEGIN INSERT INTO search_changes (innovation_id) VALUES (NEW.innovation_id); END;
CREATE TRIGGER search_changes_text_update AFTER UPDATE ON innovation_texts
  BEGIN INSERT INTO search_changes (innovation_id) VALUES (NEW.innovation_id); END;
-- The agency's name is searched with each of its innovations.
CREATE TRIGGER search_changes_agency_rename AFTER UPDATE OF name ON agencies
  WHEN NEW.name IS NOT OLD.name
  BEGIN INSERT INTO search_changes (innovation_id)
        SELECT id FROM innovations WHERE agency_id = NEW.id; END;
CREATE TRIGGER search_changes_kept AFTER INSERT ON search_changes
  BEGIN DELETE FROM search_changes WHERE seq <= NEW.seq - 100000; END;
