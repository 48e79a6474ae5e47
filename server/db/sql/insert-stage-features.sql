-- insert-stage-features: one batch of a streamed import's staged features (create-import-stage.sql)
-- into feature, set-based: each geometry is parsed, repaired where invalid (ST_MakeValid,
-- keeping the original dimension; a feature whose repair is empty is dropped and not counted)
-- and written to the district's context baseline; place-imported-features.sql moves the ones
-- inside a community at the end. Rows go in staging order (a freshly filled temporary heap is
-- scanned in insertion order). The CTE is MATERIALIZED so each geometry is parsed, checked and
-- repaired once (inlined, the planner repeated the parse in every use: 5 a row).
-- $1 district id, $2 context scenario id. Returns the number of features written.
WITH fixed AS MATERIALIZED (
  SELECT parsed.*,
         CASE WHEN ST_IsValid(g0) THEN g0
              ELSE ST_CollectionExtract(ST_MakeValid(g0), ST_Dimension(g0) + 1) END AS g
  FROM (
    SELECT s.kind, s.osm_ref, s.name, s.category, s.width_m, s.width_estimated, s.levels,
           s.height_m, s.capacity, s.props, ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326) AS g0
    FROM import_stage s
    OFFSET 0 -- not flattened: g0 is parsed once, not once per use in the CASE
  ) parsed
), written AS (
  INSERT INTO feature (district_id, scenario_id, kind, osm_ref, name, category, width_m, levels,
                       height_m, capacity, props, geom)
  SELECT $1, $2, fixed.kind, fixed.osm_ref, fixed.name, fixed.category,
         fixed.width_m, fixed.levels, fixed.height_m, fixed.capacity,
         coalesce(fixed.props, '{}'::jsonb)
           || CASE WHEN fixed.width_estimated THEN '{"widthEstimated": true}'::jsonb
                   ELSE '{}'::jsonb END,
         fixed.g
  FROM fixed
  WHERE NOT ST_IsEmpty(fixed.g)
  RETURNING 1
)
SELECT count(*)::int AS n FROM written
