-- get-feature: one feature as GeoJSON Feature text with its scenario's kind. $1 feature id.
SELECT {{FEATURE_JSON}}, s.kind AS "scenarioKind", f.scenario_id AS "scenarioId", f.version
FROM feature f
JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id
WHERE f.id = $1;
