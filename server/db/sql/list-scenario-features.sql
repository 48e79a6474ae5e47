-- list-scenario-features: one scenario's features as GeoJSON Feature text.
-- $1 scenario id, $2 kinds (text[]) or NULL for all, $3..$6 bbox west, south, east, north or NULLs.
SELECT {{FEATURE_JSON}}
FROM feature f
WHERE f.scenario_id = $1
  AND ($2::text[] IS NULL OR f.kind = ANY ($2::text[]))
  AND ($3::float8 IS NULL OR f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326))
ORDER BY f.kind, f.id;
