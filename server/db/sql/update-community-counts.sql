-- update-community-counts: building count, floor area and households of the given communities
-- from their baseline buildings, after a boundary change (update-community-stats.sql's rule:
-- footprint geodesic m² × levels, the rules table's default storeys where OSM has none, flagged
-- as an estimate). Households are re-estimated from floor area where they were an estimate, and
-- where buildings moved in or out ($4): a recorded figure no longer describes the new area.
-- $1 community ids, $2 default levels, $3 floor area per household (m²), $4 community ids whose
-- buildings changed.
WITH stats AS (
  SELECT c.id,
         count(f.id) AS n,
         coalesce(sum(ST_Area(f.geom::geography) * coalesce(f.levels, $2)), 0) AS floor_area,
         coalesce(bool_or(f.levels IS NULL), false) AS estimated
  FROM community c
  JOIN scenario s ON s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline'
  LEFT JOIN feature f ON f.district_id = s.district_id AND f.scenario_id = s.id AND f.kind = 'building'
  WHERE c.id = ANY ($1::bigint[])
  GROUP BY c.id
)
UPDATE community c
SET building_count = stats.n,
    floor_area_sqm = round(stats.floor_area::numeric, 1),
    floor_area_estimated = stats.estimated,
    households = CASE WHEN c.households IS NULL OR c.households_estimated OR c.id = ANY ($4::bigint[])
                      THEN round(stats.floor_area / $3)::integer ELSE c.households END,
    households_estimated = c.households IS NULL OR c.households_estimated OR c.id = ANY ($4::bigint[])
FROM stats
WHERE c.id = stats.id
RETURNING c.id, c.name, c.version, c.building_count AS "buildingCount", c.households,
          c.floor_area_sqm AS "floorAreaSqM";
