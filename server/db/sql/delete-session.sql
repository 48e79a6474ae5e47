-- delete-session: log out (and sweep this user's expired sessions). $1 SHA-256 of the cookie token.
WITH gone AS (DELETE FROM user_session WHERE token_sha256 = $1 RETURNING user_id)
DELETE FROM user_session s USING gone WHERE s.user_id = gone.user_id AND s.expires_at <= now();
