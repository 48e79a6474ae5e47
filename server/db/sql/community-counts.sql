-- community-counts: the figures a boundary change reports before and after, and the number of
-- baseline features of each community. $1 community ids.
SELECT c.id, c.name, c.version, c.building_count AS "buildingCount", c.households,
       c.floor_area_sqm AS "floorAreaSqM",
       (SELECT count(*) FROM scenario s JOIN feature f ON f.district_id = s.district_id AND f.scenario_id = s.id
        WHERE s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline')::int AS features
FROM community c
WHERE c.id = ANY ($1::bigint[])
ORDER BY c.id;
