-- check-register-features: of the given feature ids, those that are not features of the
-- community's scenarios (baseline or proposals). $1 community id, $2 feature ids.
SELECT i.id FROM unnest($2::bigint[]) AS i(id)
WHERE NOT EXISTS (
  SELECT 1 FROM feature f JOIN scenario s ON s.district_id = f.district_id AND s.id = f.scenario_id
  WHERE f.id = i.id AND s.community_id = $1)
ORDER BY i.id;
