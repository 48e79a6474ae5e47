-- polygon-feature: a feature's polygonal part as GeoJSON text, to promote it to a community.
-- NULL geometry when the feature has no area (a point or a line). $1 feature id.
SELECT f.district_id AS "districtId", f.name,
       CASE WHEN ST_Dimension(f.geom) = 2
            THEN ST_AsGeoJSON(ST_CollectionExtract(f.geom, 3)) END AS geometry
FROM feature f
WHERE f.id = $1;
