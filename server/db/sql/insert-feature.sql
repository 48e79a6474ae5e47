-- insert-feature: one new feature in a scenario: "added" (no lineage), or, with $11, a copy of a
-- baseline feature restored (an undone delete keeps its lineage; the route checks $11 first).
-- $1 scenario id, $2 kind, $3 geometry (GeoJSON text, WGS84), $4 name, $5 category, $6 width_m,
-- $7 levels, $8 height_m, $9 capacity, $10 props (jsonb text), $11 source feature id or NULL.
INSERT INTO feature (district_id, scenario_id, kind, geom, name, category, width_m, levels, height_m,
                     capacity, props, source_id)
SELECT s.district_id, s.id, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), $4, $5, $6, $7, $8, $9,
       coalesce($10::jsonb, '{}'::jsonb), $11::bigint
FROM scenario s
WHERE s.id = $1
RETURNING id;
