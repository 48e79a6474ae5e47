-- list-district-features: the baseline (现状) features of a whole 片区 as GeoJSON Feature text.
-- $1 district id, $2 kinds (text[]) or NULL for all, $3..$6 bbox west, south, east, north or NULLs.
SELECT {{FEATURE_JSON}}
FROM feature f
JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id AND s.kind = 'baseline'
WHERE f.district_id = $1
  AND ($2::text[] IS NULL OR f.kind = ANY ($2::text[]))
  AND ($3::float8 IS NULL OR f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326))
ORDER BY f.kind, f.id;
