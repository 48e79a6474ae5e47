-- 020_register_cache: the district register as a cached lookup that is never stale (issue 13
-- item 2).
--
-- district_change is an append-only log: every transaction that writes a row the register reads
-- (community, scenario, feature, register_item, rule_override, parking_survey, or the district's
-- own project context) appends one row for each district it touches. A row trigger does it, so
-- no write path can forget; its WHEN clause compares the row's district with a
-- transaction-local setting (rpm.changed_district) and the trigger function runs only when the
-- district differs from the last one logged in this transaction: a bulk import of a million
-- features into one district logs one row, not a million. Appending never blocks another
-- writer (no shared counter row to lock).
--
-- The cache key of a district is (count(*), max(rev)) of its log rows, read BEFORE the register
-- is computed: a change committed later, even one with a smaller rev (a long transaction that
-- began first), raises the count, so the next read recomputes. Rows are never deleted while
-- their district exists (about 40 bytes per write transaction); a deleted district's rows are
-- removed by the district delete trigger below.
--
-- register_cache keeps one computed register per district and key (the key also names the
-- asOf date, the rules-table fingerprint and the code's register version, computed by the
-- server). Shared by every API process, since it lives in the database.

CREATE SEQUENCE district_change_rev;

CREATE TABLE district_change (
  district_id bigint NOT NULL,
  rev bigint NOT NULL DEFAULT nextval('district_change_rev'),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, rev)
);

CREATE TABLE register_cache (
  district_id bigint NOT NULL REFERENCES district (id) ON DELETE CASCADE,
  cache_key text NOT NULL,
  changes bigint NOT NULL,
  last_rev bigint NOT NULL,
  payload text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  compute_ms double precision NOT NULL,
  PRIMARY KEY (district_id, cache_key)
);

CREATE FUNCTION log_district_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  d bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    d := OLD.district_id;
  ELSE
    d := NEW.district_id;
  END IF;
  INSERT INTO district_change (district_id) VALUES (d);
  PERFORM set_config('rpm.changed_district', d::text, true);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

-- One trigger per table and event (a WHEN clause may not name NEW on DELETE nor OLD on INSERT).
-- BEFORE, not AFTER: an AFTER row trigger's WHEN is evaluated as each row changes but its
-- function runs at the end of the statement, so the setting would not yet be there for the
-- statement's other rows. The log row is written in the writer's transaction either way, so a
-- statement that fails later rolls it back with everything else.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['community', 'scenario', 'feature', 'register_item', 'rule_override',
                           'parking_survey'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %1$s_change_ins BEFORE INSERT ON %1$I FOR EACH ROW
         WHEN (NEW.district_id::text IS DISTINCT FROM current_setting(''rpm.changed_district'', true))
         EXECUTE FUNCTION log_district_change()', t);
    EXECUTE format(
      'CREATE TRIGGER %1$s_change_upd BEFORE UPDATE ON %1$I FOR EACH ROW
         WHEN (NEW.district_id::text IS DISTINCT FROM current_setting(''rpm.changed_district'', true))
         EXECUTE FUNCTION log_district_change()', t);
    EXECUTE format(
      'CREATE TRIGGER %1$s_change_del BEFORE DELETE ON %1$I FOR EACH ROW
         WHEN (OLD.district_id::text IS DISTINCT FROM current_setting(''rpm.changed_district'', true))
         EXECUTE FUNCTION log_district_change()', t);
  END LOOP;
END
$$;

-- The district's own row: its project context (new build / renovation) and name feed the
-- register; a deleted district takes its log with it.
CREATE FUNCTION log_district_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM district_change WHERE district_id = OLD.id;
  ELSE
    INSERT INTO district_change (district_id) VALUES (NEW.id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER district_change_upd BEFORE UPDATE ON district FOR EACH ROW
  EXECUTE FUNCTION log_district_row_change();
CREATE TRIGGER district_change_del BEFORE DELETE ON district FOR EACH ROW
  EXECUTE FUNCTION log_district_row_change();
