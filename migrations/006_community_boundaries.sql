-- 006_community_boundaries: planners draw, edit, split and merge community boundaries (红线)
-- (issue 17). A boundary write names the version the user saw, as feature writes do, so a
-- stale edit answers 409 and changes nothing. name_provisional is shared with migration 005
-- (generated names of unnamed OSM areas); guarded so either migration may add it first. A
-- rename clears it.

ALTER TABLE community ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE community ADD COLUMN IF NOT EXISTS name_provisional boolean NOT NULL DEFAULT false;
