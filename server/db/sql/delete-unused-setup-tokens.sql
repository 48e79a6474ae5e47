-- delete-unused-setup-tokens: drop setup links not used yet (a new one replaces them).
DELETE FROM setup_token WHERE used_at IS NULL;
