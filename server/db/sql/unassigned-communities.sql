-- unassigned-communities: of the given communities, those the user is not assigned to (a
-- planner may change only their own). $1 community ids, $2 user id.
SELECT c.id FROM community c
WHERE c.id = ANY ($1::bigint[])
  AND NOT EXISTS (SELECT 1 FROM community_assignment a
                  WHERE a.district_id = c.district_id AND a.community_id = c.id AND a.user_id = $2)
ORDER BY c.id;
