-- list-user-communities: the communities of a district a user is assigned to (a planner imports
-- the items of these). $1 district id, $2 user id.
SELECT community_id AS id FROM community_assignment
WHERE district_id = $1 AND user_id = $2
ORDER BY community_id;
