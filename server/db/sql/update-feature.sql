-- update-feature: change a feature if the caller saw its current version (optimistic
-- concurrency); fields passed as NULL keep their value unless listed in $11 (fields to clear).
-- Returns nothing when the version is stale or the feature is gone.
-- $1 id, $2 expected version, $3 geometry (GeoJSON text) or NULL, $4 name, $5 category,
-- $6 width_m, $7 levels, $8 height_m, $9 capacity, $10 props (jsonb text), $11 text[] to clear.
UPDATE feature f
SET geom = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), f.geom),
    name = CASE WHEN 'name' = ANY ($11::text[]) THEN NULL ELSE coalesce($4, f.name) END,
    category = CASE WHEN 'category' = ANY ($11::text[]) THEN NULL ELSE coalesce($5, f.category) END,
    width_m = CASE WHEN 'widthM' = ANY ($11::text[]) THEN NULL ELSE coalesce($6, f.width_m) END,
    levels = CASE WHEN 'levels' = ANY ($11::text[]) THEN NULL ELSE coalesce($7, f.levels) END,
    height_m = CASE WHEN 'heightM' = ANY ($11::text[]) THEN NULL ELSE coalesce($8, f.height_m) END,
    capacity = CASE WHEN 'capacity' = ANY ($11::text[]) THEN NULL ELSE coalesce($9, f.capacity) END,
    props = coalesce($10::jsonb, f.props),
    version = f.version + 1,
    updated_at = now()
WHERE f.id = $1 AND f.version = $2
RETURNING f.id;
