-- create-import-stage: the staging table a streamed OSM import COPYs its features into, batch
-- by batch. TEMPORARY (no WAL, no other session sees it), no index, no constraint, dropped when
-- the import's transaction ends either way; insert-stage-features.sql moves it into feature in
-- one statement once the communities are known. Columns as ImportedFeature; geojson is the
-- geometry as GeoJSON text, parsed and repaired by PostGIS in that one statement.
CREATE TEMPORARY TABLE import_stage (
  kind text NOT NULL,
  osm_ref text,
  name text,
  category text,
  width_m numeric,
  width_estimated boolean,
  levels integer,
  height_m numeric,
  capacity integer,
  props jsonb,
  geojson text NOT NULL
) ON COMMIT DROP
