-- list-community-scenarios: a community's baseline first, then its proposals by creation.
-- $1 community id.
SELECT s.id, s.district_id AS "districtId", s.community_id AS "communityId", s.kind, s.name,
       s.base_scenario_id AS "baseScenarioId", s.version,
       s.created_at AS "createdAt", s.updated_at AS "updatedAt"
FROM scenario s
WHERE s.community_id = $1
ORDER BY s.kind = 'proposal', s.created_at, s.id;
