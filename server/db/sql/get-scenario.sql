-- get-scenario: one scenario with its feature counts by kind. $1 scenario id.
SELECT s.id, s.district_id AS "districtId", s.community_id AS "communityId", s.kind, s.name,
       s.base_scenario_id AS "baseScenarioId", s.version,
       s.created_at AS "createdAt", s.updated_at AS "updatedAt",
       (SELECT coalesce(json_object_agg(k.kind, k.n), '{}'::json)::text
        FROM (SELECT f.kind, count(*) AS n FROM feature f
              WHERE f.district_id = s.district_id AND f.scenario_id = s.id GROUP BY f.kind) k) AS counts
FROM scenario s
WHERE s.id = $1;
