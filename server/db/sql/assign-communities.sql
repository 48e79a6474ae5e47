-- assign-communities: assign a user to the given communities. $1 user id, $2 community ids.
INSERT INTO community_assignment (district_id, community_id, user_id)
SELECT c.district_id, c.id, $1 FROM community c WHERE c.id = ANY($2::bigint[])
ON CONFLICT DO NOTHING;
