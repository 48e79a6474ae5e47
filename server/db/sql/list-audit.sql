-- list-audit: the latest writes, newest first, optionally of one scenario. $1 scenario id or NULL,
-- $2 limit.
SELECT id, at, user_id AS "userId", username, method, route, status, entity,
       entity_id AS "entityId", scenario_id AS "scenarioId", community_id AS "communityId",
       summary::text AS summary
FROM audit_log
WHERE ($1::bigint IS NULL OR scenario_id = $1)
ORDER BY id DESC LIMIT $2;
