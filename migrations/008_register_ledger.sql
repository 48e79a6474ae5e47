-- 008_register_ledger: what the district's Excel ledger (改造台账 / 项目库) carries that the
-- community register lacked, and the server-side previews of a ledger import (issue #11 item 2).
--
-- Community: the register code (小区编码, unique within a district when present), the street
-- (所属街道), the funding source (资金来源) and the scope of works as written in the ledger
-- (改造内容, free text; the typed items stay in register_item). Built year, households,
-- buildings, floor area, stage and budget (万元) already exist since 001.
--
-- register_import: a parsed ledger waiting for confirmation. The preview (what the official
-- saw) and the plan (the writes, each with the values it expects to overwrite) live in the
-- database, so whichever server process receives the commit can apply it, in one transaction,
-- until it expires. Keyed on (district_id, token) like every district table.

ALTER TABLE community
  ADD COLUMN code text CHECK (code IS NULL OR (length(code) BETWEEN 1 AND 64 AND code = btrim(code))),
  ADD COLUMN street text CHECK (street IS NULL OR length(street) BETWEEN 1 AND 100),
  ADD COLUMN funding_source text CHECK (funding_source IS NULL OR length(funding_source) BETWEEN 1 AND 200),
  ADD COLUMN renewal_content text CHECK (renewal_content IS NULL OR length(renewal_content) <= 4000);

CREATE UNIQUE INDEX community_code_unique ON community (district_id, code) WHERE code IS NOT NULL;

CREATE TABLE register_import (
  district_id bigint NOT NULL REFERENCES district (id) ON DELETE CASCADE,
  -- 128-bit random, hex; the only handle the client gets.
  token text NOT NULL CHECK (token ~ '^[0-9a-f]{32}$'),
  user_id bigint REFERENCES app_user (id) ON DELETE CASCADE,
  file_name text CHECK (length(file_name) <= 255),
  preview jsonb NOT NULL,
  plan jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  committed_at timestamptz,
  PRIMARY KEY (district_id, token)
);
CREATE INDEX register_import_expires_idx ON register_import (expires_at);
