-- list-review-events: a proposal's state changes and comments, oldest first. $1 scenario id.
SELECT e.id, e.action, e.from_state AS "fromState", e.to_state AS "toState", e.body,
       e.user_id AS "userId", e.username, u.display_name AS "displayName", u.role,
       CASE WHEN e.geom IS NULL THEN NULL
            ELSE json_build_array(ST_X(e.geom), ST_Y(e.geom))::text END AS at,
       e.created_at AS "createdAt"
FROM review_event e
JOIN scenario s ON s.district_id = e.district_id AND s.id = e.scenario_id
LEFT JOIN app_user u ON u.id = e.user_id
WHERE s.id = $1
ORDER BY e.id;
