-- get-story: one story with its views in order, as JSON text. $1 story id.
SELECT json_build_object(
  'id', s.id, 'districtId', s.district_id, 'communityId', s.community_id, 'title', s.title,
  'version', s.version, 'createdBy', s.created_by, 'createdAt', s.created_at, 'updatedAt', s.updated_at,
  'views', coalesce((
    SELECT json_agg(json_build_object(
      'camera', json_build_object('center', json_build_array(v.center_lon, v.center_lat),
                                  'zoom', v.zoom, 'bearing', v.bearing, 'pitch', v.pitch),
      'layers', to_json(v.layers), 'scenarioId', v.scenario_id, 'compareMode', v.compare_mode,
      'caption', v.caption) ORDER BY v.position)
    FROM story_view v WHERE v.district_id = s.district_id AND v.story_id = s.id), '[]'::json)
)::text AS story
FROM story s
WHERE s.id = $1;
