-- insert-parking-survey: record a survey count (现状调查) for a parking_area or road; a copy in a
-- proposal records it on its baseline source (the survey describes today). Returns the feature
-- the survey landed on, or no row when $1 is not a parking_area / road.
-- $1 feature id, $2 stall count, $3 note or NULL, $4 user id or NULL.
WITH target AS (
  SELECT coalesce(src.district_id, f.district_id) AS district_id,
         coalesce(src.id, f.id) AS feature_id
  FROM feature f
  LEFT JOIN feature src ON src.district_id = f.district_id AND src.id = f.source_id
  WHERE f.id = $1 AND f.kind IN ('parking_area', 'road')
)
INSERT INTO parking_survey (district_id, feature_id, stall_count, note, user_id)
SELECT t.district_id, t.feature_id, $2, $3, $4 FROM target t
RETURNING feature_id AS "featureId", id AS "surveyId", recorded_at AS "recordedAt";
