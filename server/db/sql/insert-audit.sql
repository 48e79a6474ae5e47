-- insert-audit: one write through the API. $1 user id, $2 username, $3 method, $4 route pattern,
-- $5 status, $6 entity, $7 entity id, $8 scenario id, $9 community id, $10 summary (jsonb text).
INSERT INTO audit_log (user_id, username, method, route, status, entity, entity_id, scenario_id,
                       community_id, summary)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb);
