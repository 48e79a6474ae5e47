-- setup-token-used-by: record which account a setup link created. $1 SHA-256 (hex), $2 user id.
UPDATE setup_token SET used_by = $2 WHERE token_sha256 = $1;
