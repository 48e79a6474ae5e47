-- geometry-problems-batch: which geometries of a JSON array PostGIS rejects, and why.
-- $1 JSON array of GeoJSON geometries; returns (index 0-based, problem) for the invalid ones.
SELECT (q.ord - 1)::int AS index,
       CASE WHEN ST_IsEmpty(q.g) THEN 'Empty geometry' ELSE ST_IsValidReason(q.g) END AS problem
FROM (SELECT ST_GeomFromGeoJSON(e.value::text) AS g, e.ord
      FROM json_array_elements($1::json) WITH ORDINALITY AS e(value, ord)) q
WHERE NOT ST_IsValid(q.g) OR ST_IsEmpty(q.g)
ORDER BY q.ord;
