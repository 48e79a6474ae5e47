-- list-communities: 小区 as GeoJSON Feature text, optionally filtered by district and bbox.
-- $1 district id or NULL, $2..$5 bbox west, south, east, north or NULLs, $6 community id or NULL.
SELECT json_build_object(
  'type', 'Feature',
  'id', c.id,
  'geometry', ST_AsGeoJSON(c.geom, 7)::json,
  'bbox', json_build_array(ST_XMin(c.geom), ST_YMin(c.geom), ST_XMax(c.geom), ST_YMax(c.geom)),
  'properties', json_build_object(
    'id', c.id, 'districtId', c.district_id, 'name', c.name, 'nameEn', c.name_en,
    'osmRef', c.osm_ref, 'builtYear', c.built_year, 'households', c.households,
    'householdsEstimated', c.households_estimated, 'buildingCount', c.building_count,
    'floorAreaSqM', c.floor_area_sqm, 'floorAreaEstimated', c.floor_area_estimated,
    'stage', c.stage, 'budgetWan', c.budget_wan,
    'nameProvisional', c.name_basis IS NOT NULL, 'nameBasis', c.name_basis,
    'version', c.version,
    'baselineScenarioId', (SELECT s.id FROM scenario s
                           WHERE s.district_id = c.district_id AND s.community_id = c.id
                             AND s.kind = 'baseline'))
)::text AS feature
FROM community c
WHERE ($1::bigint IS NULL OR c.district_id = $1)
  AND ($6::bigint IS NULL OR c.id = $6)
  AND ($2::float8 IS NULL OR c.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
ORDER BY c.district_id, c.name, c.id;
