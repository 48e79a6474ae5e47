-- set-user-disabled: disable (keeping the first time) or enable an account.
-- $1 username, $2 true to disable, false to enable. Returns the account's id, none if unknown.
UPDATE app_user
SET disabled_at = CASE WHEN $2::boolean THEN coalesce(disabled_at, now()) ELSE NULL END
WHERE username = $1
RETURNING id;
