-- survey-remember-mapping: the office's mapping of one layer name, replaced on every commit.
-- $1 layer name, $2 mapping JSON ({kind, category?, fields?}), $3 user id.
INSERT INTO survey_layer_mapping (layer_name, mapping, updated_by, updated_at)
VALUES ($1, $2::jsonb, $3, now())
ON CONFLICT (layer_name) DO UPDATE
  SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now();
