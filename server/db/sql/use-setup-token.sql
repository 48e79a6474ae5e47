-- use-setup-token: mark an unused, unexpired setup link as used, once. $1 SHA-256 of the token
-- (hex). Returns a row only for the first use of a valid link.
UPDATE setup_token SET used_at = now()
WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > now()
RETURNING token_sha256;
