-- insert-user: a new account; nothing when the username is taken. $1 username, $2 display name,
-- $3 role, $4 bcrypt hash.
INSERT INTO app_user (username, display_name, role, password_hash)
VALUES ($1, $2, $3, $4)
ON CONFLICT (username) DO NOTHING
RETURNING id, username, display_name AS "displayName", role;
