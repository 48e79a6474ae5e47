-- list-districts: every 片区 with its community count and extent [west, south, east, north].
SELECT d.id, d.name, d.name_en AS "nameEn", d.city, d.attribution,
       (SELECT count(*) FROM community c WHERE c.district_id = d.id) AS "communityCount",
       json_build_array(ST_XMin(d.geom), ST_YMin(d.geom), ST_XMax(d.geom), ST_YMax(d.geom))::text AS bbox
FROM district d
ORDER BY d.id;
