-- insert-story: a new story in a district. $1 district id, $2 community id (or NULL), $3 title.
INSERT INTO story (district_id, community_id, title) VALUES ($1, $2, $3)
RETURNING id;
