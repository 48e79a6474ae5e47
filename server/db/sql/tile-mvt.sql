-- tile-mvt: one baseline (现状) tile as a Mapbox Vector Tile, built by PostGIS ST_AsMVT.
-- Server PostGIS only (PGlite's PostGIS has no protobuf: see tile-features.sql).
-- One MVT layer per feature kind; extent 4096, buffer 64; feature id = feature.id.
-- $1 z, $2 x, $3 y, $4 kinds (text[]).
WITH b AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS env,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS benv
), q AS (
  SELECT f.kind, f.id, f.name, f.category, f.levels, f.width_m::float8 AS width_m,
         ST_AsMVTGeom(f.geom_3857, b.env, 4096, 64, true) AS geom
  FROM b, feature f
  JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id AND s.kind = 'baseline'
  WHERE f.geom_3857 && b.benv AND f.kind = ANY ($4::text[])
)
SELECT coalesce(string_agg(layer, ''::bytea), ''::bytea) AS mvt
FROM (SELECT ST_AsMVT(q, q.kind, 4096, 'geom', 'id') AS layer
      FROM q WHERE q.geom IS NOT NULL GROUP BY q.kind) layers;
