-- insert-story: a new story in a district. $1 district id, $2 community id (or NULL), $3 title,
-- $4 the account that makes it (or NULL).
INSERT INTO story (district_id, community_id, title, created_by) VALUES ($1, $2, $3, $4)
RETURNING id;
