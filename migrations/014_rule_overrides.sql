-- 014_rule_overrides: a district's project-level overrides of rules-table numbers (issue 12 §1):
-- a city's stricter local rules, each with its source (the local standard and clause), who set
-- it and when. The server's engine runs (compliance report, sheet, scenario indicators) and the
-- client's live checks read them through withOverrides (domain/standards/with-overrides.ts),
-- which also validates the key and the value's range; the table only keeps them sane.
--
-- rule_key is a path into RULES, `group.key` (e.g. 'fireLane.minClearWidthM'). A PUT replaces
-- the district's whole set; the audit log keeps the history.
--
-- The project context (新建 new build / 既有改造 renovation, passed to ruleValue) is a column of
-- the district: one context per project.

CREATE TABLE rule_override (
  district_id bigint NOT NULL REFERENCES district (id) ON DELETE CASCADE,
  rule_key text NOT NULL CHECK (rule_key ~ '^[a-zA-Z0-9]+\.[a-zA-Z0-9]+$'),
  value double precision NOT NULL CHECK (value >= 0 AND value < 1e9),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, rule_key)
);

ALTER TABLE district
  ADD COLUMN project_context text NOT NULL DEFAULT 'new-build'
    CHECK (project_context IN ('new-build', 'renovation'));
