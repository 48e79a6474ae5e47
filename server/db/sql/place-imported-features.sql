-- place-imported-features: after a streamed import, move each feature of the context baseline
-- into the 现状 baseline of the smallest community containing a point on it (the same rule
-- insert-imported-features.sql applies row by row); features outside every community stay.
-- One pass over the district's features, no self-join: inside the import's transaction the
-- planner's statistics still say the table is empty, and a join planned on that was O(n²).
-- $1 district id, $2 context scenario id.
UPDATE feature f
SET scenario_id = coalesce((
  SELECT s.id
  FROM community c
  JOIN scenario s ON s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline'
  WHERE c.district_id = $1 AND ST_Intersects(c.geom, ST_PointOnSurface(f.geom))
  ORDER BY ST_Area(c.geom)
  LIMIT 1), f.scenario_id)
WHERE f.district_id = $1 AND f.scenario_id = $2;
