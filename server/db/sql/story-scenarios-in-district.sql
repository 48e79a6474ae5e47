-- story-scenarios-in-district: which of the given scenario ids belong to the district.
-- $1 district id, $2 scenario id[].
SELECT id FROM scenario WHERE district_id = $1 AND id = ANY ($2::bigint[]);
