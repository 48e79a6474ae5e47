-- insert-staged-features: a batch of streamed import features, all into the district's context
-- baseline for now (place-imported-features.sql moves each into its community at the end, when
-- the communities are known). Invalid geometry is repaired (ST_MakeValid, keeping the original
-- dimension); features whose repair is empty are dropped and not counted. A width the
-- importer estimated from the road class is flagged in props as widthEstimated.
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
)
INSERT INTO feature (district_id, scenario_id, kind, osm_ref, name, category, width_m, levels,
                     height_m, capacity, props, geom)
SELECT $1, $3, kind, "osmRef", name, category, "widthM", levels, "heightM", capacity,
       coalesce(props, '{}'::jsonb)
         || CASE WHEN "widthEstimated" THEN '{"widthEstimated": true}'::jsonb ELSE '{}'::jsonb END, g
FROM fixed
WHERE NOT ST_IsEmpty(g);
