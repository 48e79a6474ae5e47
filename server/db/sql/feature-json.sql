-- feature-json: shared projection of a feature row as GeoJSON Feature text (used by the
-- feature listing queries through a `{{FEATURE_JSON}}` placeholder; no values are spliced).
-- parkingSurvey (009): the newest survey count of the feature or, for a proposal copy, of its
-- baseline source; null for features without one (only parking areas and roads have any).
json_build_object(
  'type', 'Feature',
  'id', f.id,
  'geometry', ST_AsGeoJSON(f.geom, 7)::json,
  'properties', json_build_object(
    'id', f.id, 'kind', f.kind, 'name', f.name, 'category', f.category, 'widthM', f.width_m,
    'levels', f.levels, 'heightM', f.height_m, 'capacity', f.capacity, 'version', f.version,
    'osmRef', f.osm_ref, 'scenarioId', f.scenario_id, 'sourceId', f.source_id, 'props', f.props,
    'parkingSurvey', CASE WHEN f.kind IN ('parking_area', 'road') THEN (
      SELECT json_build_object('count', ps.stall_count, 'note', ps.note,
               'by', coalesce(u.display_name, u.username), 'at', ps.recorded_at)
      FROM parking_survey ps
      LEFT JOIN app_user u ON u.id = ps.user_id
      WHERE ps.district_id = f.district_id AND ps.feature_id IN (f.id, f.source_id)
      ORDER BY ps.id DESC
      LIMIT 1) END)
)::text AS feature
