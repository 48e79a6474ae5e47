-- 005_import_communities: provisional community names and the complete import warning list
-- (issue 17: every residential area a community, warnings downloadable as CSV).

-- NULL: the name came from OSM or from a person. Otherwise the importer made it up from
-- 'address' (the buildings' addr:street / addr:housenumber), 'road' (the nearest named road and
-- the side the area lies on) or 'numbered' (nothing to go by); the UI marks it 暂定名 until a
-- planner renames the community (a rename sets it back to NULL).
ALTER TABLE community
  ADD COLUMN name_basis text CHECK (name_basis IN ('address', 'road', 'numbered'));

-- Every object the import of a district skipped, repaired or kept in part, with the rule that
-- decided it (domain/osm/import-warning.ts), in osm_ref order (seq).
CREATE TABLE import_warning (
  district_id bigint NOT NULL REFERENCES district (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  rule text NOT NULL,
  action text NOT NULL CHECK (action IN ('skipped', 'kept', 'repaired')),
  osm_ref text NOT NULL,
  name text,
  detail text NOT NULL,
  PRIMARY KEY (district_id, seq)
);
