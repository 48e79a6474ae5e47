-- lock-communities: the communities a boundary change touches, locked for the transaction.
-- $1 community ids. Rows: id, district, name, version, boundary as GeoJSON text.
SELECT c.id, c.district_id AS "districtId", c.name, c.version,
       ST_AsGeoJSON(c.geom) AS geometry
FROM community c
WHERE c.id = ANY ($1::bigint[])
ORDER BY c.id
FOR UPDATE;
