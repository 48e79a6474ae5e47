-- tile-features: the same tile as tile-mvt.sql, for engines without ST_AsMVT (PGlite). PostGIS
-- still does the geometry work (bbox filter, clip to the buffered tile, simplify to half a pixel,
-- transform to 0..4096 tile coordinates with y down, snap to the integer grid); the server only
-- encodes the protobuf. Polygons are forced clockwise before the y flip so exterior rings have
-- the positive area the MVT 2 spec requires. Geometry comes back as GeoJSON text (PGlite returns
-- bytea as slow hex text).
-- $1 z, $2 x, $3 y, $4 kinds (text[]).
WITH b AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS benv
), t AS (
  SELECT benv, 4096.0 / (ST_XMax(env) - ST_XMin(env)) AS s, ST_XMin(env) AS x0, ST_YMax(env) AS y0,
         (ST_XMax(env) - ST_XMin(env)) / 8192.0 AS half_px
  FROM b
), g AS (
  SELECT f.kind, f.id, f.name, f.category, f.levels, f.width_m::float8 AS width_m,
         ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
           CASE WHEN ST_Dimension(f.geom_3857) = 0 THEN f.geom_3857
                ELSE ST_ClipByBox2D(ST_Simplify(
                       CASE WHEN ST_Dimension(f.geom_3857) = 2 THEN ST_ForcePolygonCW(f.geom_3857)
                            ELSE f.geom_3857 END, t.half_px, true), t.benv::box2d) END,
           t.s, 0, 0, -t.s, -t.x0 * t.s, t.y0 * t.s), 1)) AS geom
  FROM t, feature f
  JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id AND s.kind = 'baseline'
  WHERE f.geom_3857 && t.benv AND f.kind = ANY ($4::text[])
)
SELECT kind, id, name, category, levels, width_m, ST_AsGeoJSON(geom, 0) AS geom
FROM g
WHERE NOT ST_IsEmpty(geom)
ORDER BY kind, id;
