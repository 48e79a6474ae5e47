-- insert-communities: the 小区 of a district from a JSON array
-- [{name, nameEn, osmRef, builtYear, nameBasis, geometry}], geometry GeoJSON (Multi)Polygon in WGS84.
-- Invalid rings are repaired with ST_MakeValid and kept as polygons; empty results are skipped.
-- $1 district id, $2 JSON array.
WITH src AS (
  SELECT c.name, c."nameEn", c."osmRef", c."builtYear", c."nameBasis",
         ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(c.geometry::text), 4326)), 3) AS g
  FROM json_to_recordset($2::json) AS c(name text, "nameEn" text, "osmRef" text, "builtYear" integer,
                                            "nameBasis" text, geometry json)
)
INSERT INTO community (district_id, name, name_en, osm_ref, built_year, name_basis, geom)
SELECT $1, name, "nameEn", "osmRef", "builtYear", "nameBasis", ST_Multi(g)
FROM src
WHERE NOT ST_IsEmpty(g)
ORDER BY "osmRef"
RETURNING id;
