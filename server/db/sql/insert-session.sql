-- insert-session: a new session. $1 SHA-256 of the cookie token (hex), $2 user id, $3 lifetime in seconds.
INSERT INTO user_session (token_sha256, user_id, expires_at)
VALUES ($1, $2, now() + make_interval(secs => $3::float8))
RETURNING expires_at AS "expiresAt";
