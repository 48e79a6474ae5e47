-- insert-import-warnings: a batch of a district's import warnings from a JSON array
-- [{seq, rule, action, osmRef, name, detail}] (see domain/osm/import-warning.ts).
-- $1 district id, $2 JSON array.
INSERT INTO import_warning (district_id, seq, rule, action, osm_ref, name, detail)
SELECT $1, w.seq, w.rule, w.action, w."osmRef", w.name, w.detail
FROM json_to_recordset($2::json) AS w(seq integer, rule text, action text, "osmRef" text,
                                      name text, detail text);
