-- insert-proposal: a new 方案 for a baseline. $1 baseline scenario id, $2 name.
INSERT INTO scenario (district_id, community_id, kind, name, base_scenario_id)
SELECT s.district_id, s.community_id, 'proposal', $2, s.id
FROM scenario s
WHERE s.id = $1 AND s.kind = 'baseline'
RETURNING id, district_id AS "districtId";
