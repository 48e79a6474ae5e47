-- copy-community-assignments: planners of one community also get another (the new half of a
-- split), and optionally one user more (the planner who drew it). $1 from community id or
-- NULL, $2 to community id, $3 user id or NULL.
INSERT INTO community_assignment (district_id, community_id, user_id)
SELECT c.district_id, c.id, u.user_id
FROM community c,
     (SELECT a.user_id FROM community_assignment a WHERE a.community_id = $1
      UNION SELECT $3::bigint WHERE $3::bigint IS NOT NULL) u
WHERE c.id = $2
ON CONFLICT DO NOTHING;
