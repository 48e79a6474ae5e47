-- delete-story: delete if the caller saw the current version (views cascade). $1 id, $2 version.
DELETE FROM story WHERE id = $1 AND version = $2
RETURNING id;
