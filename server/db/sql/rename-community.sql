-- rename-community: a planner's name for a community; it is no longer provisional (name_basis cleared).
-- $1 community id, $2 name. The caller has locked the row and checked its version.
UPDATE community
SET name = $2, name_basis = NULL, version = version + 1
WHERE id = $1
RETURNING id, version;
