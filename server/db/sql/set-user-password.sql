-- set-user-password: replace an account's bcrypt hash. $1 username, $2 bcrypt hash.
-- Returns the account's id, none if unknown.
UPDATE app_user SET password_hash = $2 WHERE username = $1 RETURNING id;
