-- copy-features-with-lineage: copy every feature of scenario $2 into scenario $3 (same district
-- $1), each copy remembering the feature it came from in source_id, so removed / added /
-- changed between baseline and proposal are exact.
INSERT INTO feature (district_id, scenario_id, kind, source_id, osm_ref, name, category, width_m,
                     levels, height_m, capacity, props, geom)
SELECT f.district_id, $3, f.kind, f.id, f.osm_ref, f.name, f.category, f.width_m, f.levels,
       f.height_m, f.capacity, f.props, f.geom
FROM feature f
WHERE f.district_id = $1 AND f.scenario_id = $2
ORDER BY f.id;
