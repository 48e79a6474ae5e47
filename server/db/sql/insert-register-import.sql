-- insert-register-import: keep a ledger import's preview and plan until it expires, and drop
-- the district's expired ones. $1 district id, $2 token (32 hex), $3 user id, $4 file name,
-- $5 preview jsonb, $6 plan jsonb, $7 lifetime in seconds.
WITH gone AS (
  DELETE FROM register_import WHERE district_id = $1 AND expires_at < now() - interval '1 day'
)
INSERT INTO register_import (district_id, token, user_id, file_name, preview, plan, expires_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, now() + make_interval(secs => $7))
RETURNING expires_at AS "expiresAt";
