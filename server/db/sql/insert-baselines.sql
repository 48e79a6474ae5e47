-- insert-baselines: the district's context baseline (community_id NULL) and one 现状 baseline
-- per community that has none yet. $1 district id.
INSERT INTO scenario (district_id, community_id, kind, name)
SELECT $1, NULL, 'baseline', '片区现状'
WHERE NOT EXISTS (
  SELECT 1 FROM scenario WHERE district_id = $1 AND community_id IS NULL AND kind = 'baseline')
UNION ALL
SELECT $1, c.id, 'baseline', '现状'
FROM community c
WHERE c.district_id = $1
  AND NOT EXISTS (
    SELECT 1 FROM scenario s WHERE s.district_id = $1 AND s.community_id = c.id AND s.kind = 'baseline');
