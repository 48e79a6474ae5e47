-- check-lineage: which of the given source ids may be restored as copies in proposal $1: they
-- must be features of its baseline with no copy in the proposal yet. Returns the acceptable ids.
-- $1 proposal id, $2 bigint[] source ids.
SELECT b.id
FROM scenario s
JOIN feature b ON b.district_id = s.district_id AND b.scenario_id = s.base_scenario_id
WHERE s.id = $1
  AND b.id = ANY ($2::bigint[])
  AND NOT EXISTS (
    SELECT 1 FROM feature c
    WHERE c.district_id = s.district_id AND c.scenario_id = s.id AND c.source_id = b.id);
