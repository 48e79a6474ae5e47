-- apply-feature-moves: move baseline features to their new baselines (see plan-feature-moves)
-- and keep the open proposals consistent with their lineage: the (unchanged, checked by
-- move-conflicts.sql) copies in proposals of the baseline a feature leaves are deleted, and every
-- draft or returned proposal of the baseline it joins gets an unchanged copy of it, so the
-- proposal's diff shows neither a removal nor an addition. $1 district id, $2 JSON array
-- [{id, fromScenario, toScenario}]. Rows: the moved feature ids.
WITH m AS (
  SELECT * FROM json_to_recordset($2::json) AS m(id bigint, "fromScenario" bigint, "toScenario" bigint)
), dropped AS (
  DELETE FROM feature c
  USING m, scenario p
  WHERE c.district_id = $1 AND c.source_id = m.id AND c.scenario_id = p.id
    AND p.district_id = $1 AND p.kind = 'proposal' AND p.base_scenario_id = m."fromScenario"
  RETURNING c.id
), copied AS (
  INSERT INTO feature (district_id, scenario_id, kind, source_id, osm_ref, name, category, width_m,
                       levels, height_m, capacity, props, geom)
  SELECT f.district_id, p.id, f.kind, f.id, f.osm_ref, f.name, f.category, f.width_m, f.levels,
         f.height_m, f.capacity, f.props, f.geom
  FROM m
  JOIN feature f ON f.district_id = $1 AND f.id = m.id
  JOIN scenario p ON p.district_id = $1 AND p.kind = 'proposal' AND p.base_scenario_id = m."toScenario"
                 AND p.review_state IN ('draft', 'returned')
  ORDER BY p.id, f.id
  RETURNING id
)
UPDATE feature f
SET scenario_id = m."toScenario", updated_at = now()
FROM m
WHERE f.district_id = $1 AND f.id = m.id
RETURNING f.id;
