-- list-audit: the latest writes, newest first, optionally of one scenario, with the account's
-- role now (NULL for a deleted account or an anonymous caller). $1 scenario id or NULL, $2 limit.
SELECT a.id, a.at, a.user_id AS "userId", a.username, u.role, a.method, a.route, a.status,
       a.entity, a.entity_id AS "entityId", a.scenario_id AS "scenarioId",
       a.community_id AS "communityId", a.summary::text AS summary
FROM audit_log a
LEFT JOIN app_user u ON u.id = a.user_id
WHERE ($1::bigint IS NULL OR a.scenario_id = $1)
ORDER BY a.id DESC LIMIT $2;
