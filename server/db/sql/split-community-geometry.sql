-- split-community-geometry: the pieces a drawn line cuts a community boundary into, largest
-- first (geodesic m²). A line that does not cross the boundary from outside to outside leaves
-- one piece. $1 community id, $2 line (GeoJSON LineString text).
SELECT ST_AsGeoJSON(d.geom) AS geometry,
       ST_Area(d.geom::geography) AS "areaSqM"
FROM community c,
     ST_Dump(ST_Split(c.geom, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))) AS d
WHERE c.id = $1
ORDER BY ST_Area(d.geom::geography) DESC, ST_XMin(d.geom), ST_YMin(d.geom);
