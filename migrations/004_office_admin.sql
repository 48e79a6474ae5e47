-- 004_office_admin: what a new office needs on its first day (issue #17).
--
-- Accounts can be disabled (a disabled account cannot sign in and its sessions end) and keep
-- the time of their last sign-in (`npm run user -- list`).
ALTER TABLE app_user
  ADD COLUMN disabled_at timestamptz,
  ADD COLUMN last_login_at timestamptz;

-- One-time links that create the first admin of an install without accounts: the server prints
-- the random token on its console; only its SHA-256 is stored. A token works once (used_at) and
-- until expires_at; a newer link replaces older unused ones.
CREATE TABLE setup_token (
  token_sha256 text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by bigint REFERENCES app_user (id) ON DELETE SET NULL
);

-- A community's renewal stage is "not set" (NULL, 未设定) until someone sets it. Until now no
-- code path set a stage: every 'publicity' in an existing database is the old column default,
-- not a decision, so it becomes NULL; the other stages can only have been set on purpose.
ALTER TABLE community ALTER COLUMN stage DROP DEFAULT;
ALTER TABLE community ALTER COLUMN stage DROP NOT NULL;
UPDATE community SET stage = NULL WHERE stage = 'publicity';
