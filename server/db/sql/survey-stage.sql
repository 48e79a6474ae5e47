-- survey-stage: the staging tables of one survey preview or commit, gone at the end of its
-- transaction. survey_stage takes the worker's rows by COPY (STAGE_COLUMNS in
-- server/survey/build-survey-features.ts: geometry as GeoJSON in the chosen CRS);
-- survey_fixed holds them reprojected to WGS84, checked and repaired (survey-stage-fix.sql).
CREATE TEMP TABLE survey_stage (
  ord integer NOT NULL,
  layer text NOT NULL,
  idx integer NOT NULL,
  kind text NOT NULL,
  name text,
  category text,
  levels integer,
  width_m numeric,
  height_m numeric,
  households integer,
  gj text NOT NULL
) ON COMMIT DROP;
CREATE TEMP TABLE survey_fixed (
  ord integer NOT NULL,
  layer text NOT NULL,
  idx integer NOT NULL,
  kind text NOT NULL,
  name text,
  category text,
  levels integer,
  width_m numeric,
  height_m numeric,
  households integer,
  -- why PostGIS rejects the reprojected geometry (NULL: valid as it is)
  problem text,
  -- the geometry to write: as read, or repaired; NULL: refused
  g geometry(Geometry, 4326)
) ON COMMIT DROP;
