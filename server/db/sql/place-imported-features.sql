-- place-imported-features: after a streamed import, move each feature of the context baseline
-- that lies in a community into the 现状 baseline of the smallest community containing a point
-- on it (the rule insert-imported-features.sql applies row by row). Only those rows are
-- rewritten: each community finds its features through feature_geom_gix, so run ANALYZE feature
-- and community first, inside the transaction, or the planner thinks they are empty.
-- $1 district id, $2 context scenario id.
WITH target AS (
  SELECT DISTINCT ON (f.id) f.id, s.id AS scenario_id
  FROM community c
  JOIN scenario s ON s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline'
  JOIN feature f ON f.district_id = c.district_id AND f.scenario_id = $2 AND f.geom && c.geom
  WHERE c.district_id = $1 AND ST_Intersects(c.geom, ST_PointOnSurface(f.geom))
  ORDER BY f.id, ST_Area(c.geom)
)
UPDATE feature f
SET scenario_id = target.scenario_id
FROM target
WHERE f.district_id = $1 AND f.id = target.id
