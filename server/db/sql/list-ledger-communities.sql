-- list-ledger-communities: the recorded figures of every community of a district, as a ledger
-- import compares against them and the register export writes them. $1 district id.
SELECT c.id, c.name, c.code, c.street, c.built_year AS "builtYear", c.households,
       c.households_estimated AS "householdsEstimated", c.building_count AS buildings,
       c.floor_area_sqm::float8 AS "floorAreaSqM", c.floor_area_estimated AS "floorAreaEstimated",
       c.stage, c.budget_wan::float8 AS "budgetWan", c.funding_source AS "fundingSource",
       c.renewal_content AS "renewalContent"
FROM community c
WHERE c.district_id = $1
ORDER BY c.name, c.id;
