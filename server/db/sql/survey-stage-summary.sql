-- survey-stage-summary: what a staged survey gives: counts per kind of the features that will
-- be written, their WGS84 extent, and the rejected geometries (repaired or refused) in file order.
SELECT json_build_object(
  'counts', (SELECT coalesce(json_object_agg(kind, n), '{}'::json)
             FROM (SELECT kind, count(*)::integer AS n FROM survey_fixed
                   WHERE g IS NOT NULL GROUP BY kind) k),
  'extent', (SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
             FROM (SELECT ST_Extent(g)::geometry AS e FROM survey_fixed) x WHERE e IS NOT NULL),
  'invalid', (SELECT coalesce(json_agg(json_build_object('layer', layer, 'index', idx,
                'problem', problem, 'repaired', g IS NOT NULL) ORDER BY ord), '[]'::json)
              FROM survey_fixed WHERE problem IS NOT NULL)
)::text AS summary;
