-- geometry-problem: why PostGIS rejects a GeoJSON geometry, or NULL when it is valid.
-- $1 geometry (GeoJSON text).
SELECT CASE WHEN ST_IsValid(g) AND NOT ST_IsEmpty(g) THEN NULL
            WHEN ST_IsEmpty(g) THEN 'Empty geometry'
            ELSE ST_IsValidReason(g) END AS problem
FROM (SELECT ST_GeomFromGeoJSON($1) AS g) q;
