-- list-district-register: one row per community of a district with its register figures and the
-- scenario its metrics come from: the latest proposal (most recently updated), else the baseline.
-- $1 district id.
SELECT c.id, c.name, c.built_year AS "builtYear", c.households, c.building_count AS "buildingCount",
       c.floor_area_sqm::float8 AS "floorAreaSqM", c.stage, c.budget_wan::float8 AS "communityBudgetWan",
       b.id AS "baselineId",
       p.id AS "proposalId", p.name AS "proposalName", p.review_state AS "reviewState",
       ST_X(ST_PointOnSurface(c.geom)) AS lon, ST_Y(ST_PointOnSurface(c.geom)) AS lat,
       json_build_array(ST_XMin(c.geom), ST_YMin(c.geom), ST_XMax(c.geom), ST_YMax(c.geom))::text AS bbox,
       coalesce((SELECT json_agg({{ITEM}}::json ORDER BY r.id) FROM register_item r
                 WHERE r.district_id = c.district_id AND r.community_id = c.id), '[]'::json)::text
         AS items
FROM community c
LEFT JOIN scenario b ON b.district_id = c.district_id AND b.community_id = c.id
  AND b.kind = 'baseline'
LEFT JOIN LATERAL (
  SELECT s.id, s.name, s.review_state FROM scenario s
  WHERE s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'proposal'
  ORDER BY s.updated_at DESC, s.id DESC LIMIT 1
) p ON true
WHERE c.district_id = $1
ORDER BY c.name, c.id;
