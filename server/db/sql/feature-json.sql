-- feature-json: shared projection of a feature row as GeoJSON Feature text (used by the
-- feature listing queries through a `{{FEATURE_JSON}}` placeholder; no values are spliced).
json_build_object(
  'type', 'Feature',
  'id', f.id,
  'geometry', ST_AsGeoJSON(f.geom, 7)::json,
  'properties', json_build_object(
    'id', f.id, 'kind', f.kind, 'name', f.name, 'category', f.category, 'widthM', f.width_m,
    'levels', f.levels, 'heightM', f.height_m, 'capacity', f.capacity, 'version', f.version,
    'osmRef', f.osm_ref, 'scenarioId', f.scenario_id, 'sourceId', f.source_id, 'props', f.props)
)::text AS feature
