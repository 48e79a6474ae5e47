-- insert-setup-token: a new one-time setup link; older unused links are dropped first by
-- delete-unused-setup-tokens.sql. $1 SHA-256 of the token (hex), $2 lifetime in seconds.
INSERT INTO setup_token (token_sha256, expires_at)
VALUES ($1, now() + make_interval(secs => $2::float8))
RETURNING expires_at AS "expiresAt";
