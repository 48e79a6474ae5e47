-- move-conflicts: what in the proposals of the affected baselines forbids moving these baseline
-- features. A proposal under review or approved (submitted/approved) of a baseline that loses
-- or gains features is 'locked'. In a draft or returned proposal of the baseline a feature
-- leaves, the planner's copy of it must be unchanged (else 'modified'), and it must not have
-- been deleted there (no copy: 'deleted'): either is the planner's work, which would be lost.
-- $1 district id, $2 JSON array [{id, fromScenario, toScenario}].
WITH m AS (
  SELECT * FROM json_to_recordset($2::json) AS m(id bigint, "fromScenario" bigint, "toScenario" bigint)
), locked AS (
  SELECT DISTINCT p.id AS "proposalId", p.name, p.review_state AS "reviewState",
         NULL::bigint AS "featureId", 'locked' AS reason
  FROM scenario p
  JOIN m ON p.base_scenario_id IN (m."fromScenario", m."toScenario")
  WHERE p.district_id = $1 AND p.kind = 'proposal' AND p.review_state IN ('submitted', 'approved')
), copies AS (
  SELECT p.id AS "proposalId", p.name, p.review_state AS "reviewState", m.id AS "featureId",
         CASE
           WHEN c.id IS NULL THEN 'deleted'
           WHEN c.kind = f.kind AND ST_Equals(c.geom, f.geom)
                AND c.name IS NOT DISTINCT FROM f.name
                AND c.category IS NOT DISTINCT FROM f.category
                AND c.width_m IS NOT DISTINCT FROM f.width_m
                AND c.levels IS NOT DISTINCT FROM f.levels
                AND c.height_m IS NOT DISTINCT FROM f.height_m
                AND c.capacity IS NOT DISTINCT FROM f.capacity
                AND c.props = f.props THEN NULL
           ELSE 'modified' END AS reason
  FROM m
  JOIN feature f ON f.district_id = $1 AND f.id = m.id
  JOIN scenario p ON p.district_id = $1 AND p.kind = 'proposal' AND p.base_scenario_id = m."fromScenario"
                 AND p.review_state IN ('draft', 'returned')
  LEFT JOIN feature c ON c.district_id = $1 AND c.scenario_id = p.id AND c.source_id = m.id
)
SELECT * FROM locked
UNION ALL
SELECT * FROM copies WHERE reason IS NOT NULL
ORDER BY "proposalId", "featureId";
