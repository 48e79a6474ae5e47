-- 007_survey_import: the survey import wizard's server state (issue #11 item 1).
--
-- survey_upload: an uploaded survey file (DXF, zipped Shapefile, GeoPackage, KML, GeoJSON, CSV)
-- kept as bytes so whichever API process receives the preview or commit can read it again with
-- GDAL; gone after 24 h (expires_at; expired rows are deleted on the next upload).
-- survey_layer_mapping: the office's remembered mapping of a layer name (CAD layer, shapefile
-- or GPKG table) to a feature kind and attribute fields, written on every successful commit so
-- the next import of a file from the same surveyor is one click. One office per installation,
-- so the layer name alone is the key.

CREATE TABLE survey_upload (
  id uuid PRIMARY KEY,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  format text NOT NULL CHECK (format IN ('dxf', 'shapefile', 'gpkg', 'kml', 'geojson', 'csv')),
  bytes bytea NOT NULL,
  -- what the upload answer said (layers, crs, bounds, units), so preview need not re-scan it
  summary jsonb NOT NULL,
  created_by bigint REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours'
);
CREATE INDEX survey_upload_expires_idx ON survey_upload (expires_at);

CREATE TABLE survey_layer_mapping (
  layer_name text PRIMARY KEY CHECK (length(layer_name) BETWEEN 1 AND 255),
  -- { kind, category?, fields? } as the preview/commit body's mapping entry
  mapping jsonb NOT NULL,
  updated_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
