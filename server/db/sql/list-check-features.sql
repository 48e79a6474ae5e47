-- list-check-features: what a scenario's fire-lane check reads: the scenario's own features plus
-- the district's public roads and gates from other baselines within ~250 m of them (a lane must
-- connect to the network around the 小区). GeoJSON Feature text. $1 scenario id.
WITH s AS (
  SELECT district_id, id, community_id FROM scenario WHERE id = $1
), area AS (
  SELECT ST_Expand(ST_Envelope(ST_Collect(f.geom)), 0.0025) AS box
  FROM feature f JOIN s ON f.district_id = s.district_id AND f.scenario_id = s.id
)
SELECT {{FEATURE_JSON}}
FROM feature f JOIN s ON f.district_id = s.district_id AND f.scenario_id = s.id
UNION ALL
SELECT {{FEATURE_JSON}}
FROM s, area, feature f
JOIN scenario b ON b.district_id = f.district_id AND b.id = f.scenario_id AND b.kind = 'baseline'
WHERE f.district_id = s.district_id
  AND b.community_id IS DISTINCT FROM s.community_id
  AND f.kind IN ('road', 'gate')
  AND f.geom && area.box;
