-- survey-stage-fix: one set-based pass over the staged survey rows: reproject to WGS84 (PROJ,
-- inside PostGIS), check validity the way the feature table does (ST_IsValid, not empty), and
-- repair the invalid with ST_MakeValid, kept only when the repair is one geometry of the same
-- dimension (a bow-tie building becomes one polygon; a repair that splits it in two or collapses
-- it to a line is refused, g NULL).
-- $1 SRID of the staged GeoJSON (4326 when the worker already converted GCJ-02/BD-09/WGS84).
INSERT INTO survey_fixed
WITH src AS MATERIALIZED (
  SELECT r.*, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(r.gj), $1::integer), 4326) AS g0
  FROM survey_stage r
), chk AS (
  SELECT src.*, NOT ST_IsEmpty(g0) AND ST_IsValid(g0) AS ok FROM src
), rep AS (
  SELECT chk.*,
         CASE WHEN NOT ok THEN ST_CollectionExtract(ST_MakeValid(g0),
                CASE ST_Dimension(g0) WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 3 END) END AS r
  FROM chk
)
SELECT ord, layer, idx, kind, name, category, levels, width_m, height_m, households,
       CASE WHEN ok THEN NULL WHEN ST_IsEmpty(g0) THEN 'Empty geometry' ELSE ST_IsValidReason(g0) END,
       CASE WHEN ok THEN g0
            WHEN ST_NumGeometries(r) = 1 AND NOT ST_IsEmpty(r) AND ST_IsValid(ST_GeometryN(r, 1))
            THEN ST_GeometryN(r, 1) END
FROM rep;
