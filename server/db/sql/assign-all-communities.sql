-- assign-all-communities: assign a user to every community (the demo planner). $1 user id.
INSERT INTO community_assignment (district_id, community_id, user_id)
SELECT c.district_id, c.id, $1 FROM community c
ON CONFLICT DO NOTHING;
