-- find-user-by-name: an account and its password hash for login. $1 username.
SELECT id, username, display_name AS "displayName", role, password_hash AS "passwordHash",
       disabled_at IS NOT NULL AS disabled
FROM app_user WHERE username = $1;
