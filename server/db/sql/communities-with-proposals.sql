-- communities-with-proposals: of the given communities, those that have any proposal (a merge
-- must not drop them with the community). $1 community ids.
SELECT DISTINCT community_id AS id FROM scenario
WHERE kind = 'proposal' AND community_id = ANY ($1::bigint[])
ORDER BY 1;
