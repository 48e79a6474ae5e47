-- lock-ledger-communities: the current figures of the communities a ledger import writes, locked
-- until the transaction ends (the stale check compares them with what the preview saw).
-- $1 district id, $2 community ids.
SELECT c.id, c.code, c.street, c.built_year AS "builtYear", c.households,
       c.building_count AS buildings, c.floor_area_sqm::float8 AS "floorAreaSqM", c.stage,
       c.budget_wan::float8 AS "budgetWan", c.funding_source AS "fundingSource",
       c.renewal_content AS "renewalContent"
FROM community c
WHERE c.district_id = $1 AND c.id = ANY ($2::bigint[])
ORDER BY c.id
FOR UPDATE;
