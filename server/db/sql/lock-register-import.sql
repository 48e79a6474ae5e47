-- lock-register-import: a stored ledger import, locked for its commit (a second commit of the
-- same token waits, then sees it committed). $1 district id, $2 token.
SELECT user_id AS "userId", plan::text AS plan, preview::text AS preview,
       expires_at < now() AS expired, committed_at IS NOT NULL AS committed
FROM register_import
WHERE district_id = $1 AND token = $2
FOR UPDATE;
