-- list-import-warnings: every import warning of a district, in import order. $1 district id.
SELECT rule, action, osm_ref AS "osmRef", name, detail
FROM import_warning
WHERE district_id = $1
ORDER BY seq;
