-- insert-drawn-community: a community drawn (or promoted from a polygon) by a planner, with its
-- 现状 baseline. The boundary must already be valid (checked by geometry-problem.sql); it is
-- stored as a MultiPolygon. $1 district id, $2 name, $3 boundary (GeoJSON text).
WITH c AS (
  INSERT INTO community (district_id, name, geom)
  VALUES ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)))
  RETURNING district_id, id
), s AS (
  INSERT INTO scenario (district_id, community_id, kind, name)
  SELECT district_id, id, 'baseline', '现状' FROM c
  RETURNING id
)
SELECT c.id, s.id AS "baselineId" FROM c, s;
