-- resolve-scope: the community, scenario kind and review state a write touches, and whether the
-- user is assigned to that community (for 'district': to any community of the district). $1 scope
-- ('baseline' | 'scenario' | 'feature' | 'community' | 'register-item' | 'district'), $2 the
-- route's id, $3 user id. No row when the id does not exist.
WITH target AS (
  SELECT s.district_id, s.community_id, s.id AS scenario_id, s.kind, s.review_state
  FROM scenario s WHERE $1 IN ('baseline', 'scenario') AND s.id = $2
  UNION ALL
  SELECT s.district_id, s.community_id, s.id, s.kind, s.review_state
  FROM feature f JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id
  WHERE $1 = 'feature' AND f.id = $2
  UNION ALL
  SELECT c.district_id, c.id, NULL, NULL, NULL FROM community c
  WHERE $1 = 'community' AND c.id = $2
  UNION ALL
  SELECT r.district_id, r.community_id, NULL, NULL, NULL FROM register_item r
  WHERE $1 = 'register-item' AND r.id = $2
  UNION ALL
  SELECT d.id, NULL, NULL, NULL, NULL FROM district d
  WHERE $1 = 'district' AND d.id = $2
)
SELECT t.community_id AS "communityId", t.scenario_id AS "scenarioId", t.kind,
       t.review_state AS "reviewState",
       EXISTS (SELECT 1 FROM community_assignment a
               WHERE a.district_id = t.district_id
                 AND (a.community_id = t.community_id OR $1 = 'district')
                 AND a.user_id = $3) AS assigned
FROM target t LIMIT 1;
