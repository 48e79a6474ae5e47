-- insert-imported-features: a batch of imported features into their baselines.
-- Each feature goes to the baseline of the smallest community containing a point on it, or to
-- the district's context baseline. Invalid geometry is repaired (ST_MakeValid, keeping the
-- original dimension); features whose repair is empty are dropped and not counted.
-- A width the importer estimated from the road class (OSM had no width tag) is flagged in props
-- as widthEstimated, so rules (e.g. the 4 m fire-lane width) can tell it from a measured one.
-- $1 district id, $2 JSON array of features (see ImportedFeature), $3 context scenario id.
WITH src AS (
  SELECT f.*, ST_SetSRID(ST_GeomFromGeoJSON(f.geometry::text), 4326) AS g0
  FROM json_to_recordset($2::json) AS f(
    kind text, geometry json, "osmRef" text, name text, category text, "widthM" numeric,
    levels integer, "heightM" numeric, capacity integer, props jsonb, "widthEstimated" boolean)
), fixed AS (
  SELECT src.*,
         CASE WHEN ST_IsValid(g0) THEN g0
              ELSE ST_CollectionExtract(ST_MakeValid(g0), ST_Dimension(g0) + 1) END AS g
  FROM src
), placed AS (
  SELECT fixed.*,
         coalesce((
           SELECT s.id
           FROM community c
           JOIN scenario s ON s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline'
           WHERE c.district_id = $1 AND ST_Intersects(c.geom, ST_PointOnSurface(fixed.g))
           ORDER BY ST_Area(c.geom)
           LIMIT 1), $3) AS scenario_id
  FROM fixed
  WHERE NOT ST_IsEmpty(g)
)
INSERT INTO feature (district_id, scenario_id, kind, osm_ref, name, category, width_m, levels,
                     height_m, capacity, props, geom)
SELECT $1, scenario_id, kind, "osmRef", name, category, "widthM", levels, "heightM", capacity,
       coalesce(props, '{}'::jsonb)
         || CASE WHEN "widthEstimated" THEN '{"widthEstimated": true}'::jsonb ELSE '{}'::jsonb END, g
FROM placed
ORDER BY "osmRef"
RETURNING id;
