-- delete-feature: remove a feature if the caller saw its current version. $1 id, $2 version.
DELETE FROM feature WHERE id = $1 AND version = $2 RETURNING id;
