-- update-story: retitle and bump the version if the caller saw the current one.
-- $1 id, $2 version, $3 title.
UPDATE story SET title = $3, version = version + 1, updated_at = now()
WHERE id = $1 AND version = $2
RETURNING id, district_id AS "districtId";
