-- survey-stage-insert: every staged survey feature that is valid or repaired, in file order,
-- into the scenario, in one statement. Typed columns were bounded by the worker; the layer and
-- index in the file go to props (source 'survey'). $1 scenario id; returns the count.
WITH ins AS (
  INSERT INTO feature (district_id, scenario_id, kind, geom, name, category, width_m, levels,
                       height_m, props)
  SELECT s.district_id, s.id, f.kind, f.g, f.name, f.category, f.width_m, f.levels, f.height_m,
         jsonb_build_object('source', 'survey', 'surveyLayer', f.layer, 'surveyIndex', f.idx)
           || CASE WHEN f.households IS NULL THEN '{}'::jsonb
                   ELSE jsonb_build_object('households', f.households) END
  FROM survey_fixed f, scenario s
  WHERE s.id = $1 AND f.g IS NOT NULL
  ORDER BY f.ord
  RETURNING 1
)
SELECT count(*)::integer AS n FROM ins;
