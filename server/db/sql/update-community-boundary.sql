-- update-community-boundary: replace a community's boundary and bump its version.
-- $1 community id, $2 boundary (GeoJSON text, valid), $3 new name or NULL (keep the name).
UPDATE community
SET geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)),
    name = coalesce($3::text, name),
    name_basis = CASE WHEN $3::text IS NULL THEN name_basis END,
    version = version + 1
WHERE id = $1
RETURNING id, version;
