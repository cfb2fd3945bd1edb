-- Which innovations changed, for the copy of the search index each server process keeps in
-- memory (storage/search_memory.hpp): before it answers, a process reads what changed since it
-- last looked and reads those records again. Triggers write it, so no path that changes a
-- record can leave it out.
--
-- Each change moves the change counter and is logged at the value the counter took. Writers
-- move the counter's one row in turn (each holds the row until it commits), so positions are
-- logged in the order their changes commit: whoever reads the counter at some value can read
-- every change logged at or below it. The log keeps the last 1,000,000 positions (pruned every
-- thousandth); a process that fell further behind reads every record again.

CREATE TABLE search_changes (
  position      bigint NOT NULL,
  innovation_id bigint NOT NULL,
  PRIMARY KEY (position, innovation_id)
);

-- Moves the counter and logs the innovation at its new value.
CREATE FUNCTION log_search_change(changed bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  at bigint;
BEGIN
  UPDATE change_counter SET counter = counter + 1 RETURNING counter INTO at;
  INSERT INTO search_changes (position, innovation_id) VALUES (at, changed);
  IF at % 1000 = 0 THEN
    DELETE FROM search_changes WHERE position <= at - 1000000;
  END IF;
END
$$;

-- The innovation's own change moves the counter here, where count_change moved it before.
CREATE FUNCTION innovation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM log_search_change(OLD.id);
  ELSE
    PERFORM log_search_change(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER innovations_changed ON innovations;
CREATE TRIGGER innovations_changed AFTER INSERT OR UPDATE OR DELETE ON innovations
  FOR EACH ROW EXECUTE FUNCTION innovation_changed();

CREATE FUNCTION innovation_texts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM log_search_change(NEW.innovation_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER innovation_texts_changed AFTER INSERT OR UPDATE ON innovation_texts
  FOR EACH ROW EXECUTE FUNCTION innovation_texts_changed();

-- The agency's name is searched with each of its innovations: all of them at one position.
CREATE FUNCTION agency_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  at bigint;
BEGIN
  UPDATE change_counter SET counter = counter + 1 RETURNING counter INTO at;
  INSERT INTO search_changes (position, innovation_id)
    SELECT at, id FROM innovations WHERE agency_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER agencies_renamed AFTER UPDATE OF name ON agencies
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION agency_renamed();
