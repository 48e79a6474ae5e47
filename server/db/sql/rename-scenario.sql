-- rename-scenario: rename if the caller saw the current version. $1 id, $2 version, $3 name.
UPDATE scenario SET name = $3, version = version + 1, updated_at = now()
WHERE id = $1 AND version = $2
RETURNING id;
