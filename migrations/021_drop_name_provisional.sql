-- 021_drop_name_provisional: a community's name is provisional exactly when it has a name_basis
-- (migration 005: built from an address, a road or a number by the importer); the API always
-- derived nameProvisional from that, and the separate flag of migration 006 was written but
-- never read. One source of truth: the flag goes.
ALTER TABLE community DROP COLUMN IF EXISTS name_provisional;
