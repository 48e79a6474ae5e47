-- update-community-stats: building count, floor area and households of each community of a
-- district from its baseline buildings. Floor area = footprint (geodesic m²) × levels; where
-- OSM has no building:levels the rules table's default is used and the figure is flagged as an
-- estimate. Households are estimated from floor area only where none were recorded.
-- $1 district id, $2 default levels, $3 floor area per household (m²).
WITH stats AS (
  SELECT s.community_id,
         count(*) AS n,
         sum(ST_Area(f.geom::geography) * coalesce(f.levels, $2)) AS floor_area,
         bool_or(f.levels IS NULL) AS estimated
  FROM scenario s
  JOIN feature f ON f.district_id = s.district_id AND f.scenario_id = s.id AND f.kind = 'building'
  WHERE s.district_id = $1 AND s.kind = 'baseline' AND s.community_id IS NOT NULL
  GROUP BY s.community_id
)
UPDATE community c
SET building_count = coalesce(stats.n, 0),
    floor_area_sqm = round(coalesce(stats.floor_area, 0)::numeric, 1),
    floor_area_estimated = coalesce(stats.estimated, false),
    households = CASE WHEN c.households IS NULL OR c.households_estimated
                      THEN round(coalesce(stats.floor_area, 0) / $3)::integer ELSE c.households END,
    households_estimated = c.households IS NULL OR c.households_estimated
FROM community c2
LEFT JOIN stats ON stats.community_id = c2.id
WHERE c.district_id = $1 AND c2.district_id = c.district_id AND c2.id = c.id;
