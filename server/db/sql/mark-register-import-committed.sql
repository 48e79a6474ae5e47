-- mark-register-import-committed: record that a ledger import was applied. $1 district id,
-- $2 token.
UPDATE register_import SET committed_at = now() WHERE district_id = $1 AND token = $2;
