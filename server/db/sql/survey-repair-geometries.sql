-- survey-repair-geometries: ST_MakeValid of the invalid geometries of a survey import, kept
-- only when the repair is one geometry of the same dimension (a bow-tie building becomes one
-- polygon; a repair that splits it in two or collapses it to a line is refused).
-- $1 JSON array of GeoJSON geometries; returns (index 0-based, repaired GeoJSON or NULL).
SELECT (q.ord - 1)::int AS index,
       CASE WHEN ST_NumGeometries(q.r) = 1 AND NOT ST_IsEmpty(q.r) AND ST_IsValid(ST_GeometryN(q.r, 1))
            THEN ST_AsGeoJSON(ST_GeometryN(q.r, 1), 9) END AS repaired
FROM (SELECT e.ord,
             ST_CollectionExtract(ST_MakeValid(ST_GeomFromGeoJSON(e.value::text)),
                                  CASE ST_Dimension(ST_GeomFromGeoJSON(e.value::text))
                                    WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 3 END) AS r
      FROM json_array_elements($1::json) WITH ORDINALITY AS e(value, ord)) q
ORDER BY q.ord;
