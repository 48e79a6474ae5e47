-- district-community-ids: every community of a district (their figures before a change).
-- $1 district id.
SELECT id FROM community WHERE district_id = $1 ORDER BY id;
