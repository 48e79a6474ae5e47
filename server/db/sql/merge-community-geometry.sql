-- merge-community-geometry: the union of several community boundaries, and how many separate
-- polygons it has (1 when they are adjacent or overlap). $1 community ids.
SELECT ST_AsGeoJSON(u.g) AS geometry, ST_NumGeometries(u.g) AS parts
FROM (SELECT ST_Multi(ST_Union(geom)) AS g FROM community WHERE id = ANY ($1::bigint[])) u;
