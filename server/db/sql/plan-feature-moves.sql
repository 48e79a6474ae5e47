-- plan-feature-moves: which baseline features change scenario after a boundary change, by the
-- import's rule (insert-imported-features.sql): a feature belongs to the baseline of the
-- smallest community whose boundary contains ST_PointOnSurface of it, else to the district's
-- context baseline. Considered: every feature of the changed communities' baselines, and every
-- baseline feature of the district whose point lies in the changed area (old ∪ new boundaries).
-- Nothing is written.
-- $1 district id, $2 changed community ids, $3 community ids about to be deleted (never a
-- target), $4 JSON array of the changed boundaries before the change (GeoJSON).
WITH area AS (
  SELECT ST_Union(g) AS g FROM (
    SELECT geom AS g FROM community WHERE district_id = $1 AND id = ANY ($2::bigint[])
    UNION ALL
    SELECT ST_SetSRID(ST_GeomFromGeoJSON(j::text), 4326) FROM json_array_elements($4::json) j
  ) parts
), context AS (
  SELECT id FROM scenario WHERE district_id = $1 AND community_id IS NULL AND kind = 'baseline'
), candidates AS (
  SELECT f.id, f.scenario_id, s.community_id, ST_PointOnSurface(f.geom) AS p
  FROM feature f
  JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id AND s.kind = 'baseline'
  CROSS JOIN area
  WHERE f.district_id = $1
    AND (s.community_id = ANY ($2::bigint[]) OR ST_Intersects(area.g, ST_PointOnSurface(f.geom)))
), placed AS (
  SELECT cand.*,
         coalesce((
           SELECT s.id
           FROM community c
           JOIN scenario s ON s.district_id = c.district_id AND s.community_id = c.id AND s.kind = 'baseline'
           WHERE c.district_id = $1 AND NOT c.id = ANY ($3::bigint[]) AND ST_Intersects(c.geom, cand.p)
           ORDER BY ST_Area(c.geom), c.id
           LIMIT 1), (SELECT id FROM context)) AS target
  FROM candidates cand
)
SELECT p.id, p.scenario_id AS "fromScenario", p.community_id AS "fromCommunity",
       p.target AS "toScenario", t.community_id AS "toCommunity", f.kind
FROM placed p
JOIN scenario t ON t.district_id = $1 AND t.id = p.target
JOIN feature f ON f.district_id = $1 AND f.id = p.id
WHERE p.target IS DISTINCT FROM p.scenario_id
ORDER BY p.id;
