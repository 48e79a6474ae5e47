-- Issue 18: who made a story (only they or an admin change or delete it; others copy it), and
-- failed sign-ins kept in the database so throttling holds across API processes.
ALTER TABLE story ADD COLUMN created_by bigint REFERENCES app_user (id) ON DELETE SET NULL;

CREATE TABLE login_failure (
  -- 'user:<name>' or 'ip:<address>': both are throttled.
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  first_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz
);

-- Requests counted per key in fixed windows (anonymous analysis calls per address, issue 18).
CREATE TABLE rate_window (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);
