-- delete-register-item: remove an item if its version is the one the user saw. $1 id, $2 version.
DELETE FROM register_item WHERE id = $1 AND version = $2 RETURNING id;
