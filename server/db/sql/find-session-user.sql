-- find-session-user: the account of an unexpired session; none for a disabled account.
-- $1 SHA-256 of the cookie token (hex).
SELECT u.id, u.username, u.display_name AS "displayName", u.role
FROM user_session s JOIN app_user u ON u.id = s.user_id
WHERE s.token_sha256 = $1 AND s.expires_at > now() AND u.disabled_at IS NULL;
