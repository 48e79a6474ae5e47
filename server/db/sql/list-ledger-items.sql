-- list-ledger-items: every register item of a district's communities (register_item), in
-- community and id order, as the ledger import matches and the export writes them.
-- $1 district id.
SELECT r.id, r.community_id AS "communityId", r.name, r.category, r.quantity::float8 AS quantity,
       r.unit, r.budget_wan::float8 AS "budgetWan", r.phase, r.progress_pct::float8 AS "progressPct",
       to_char(r.accepted_on, 'YYYY-MM-DD') AS "acceptedOn", r.version
FROM register_item r
WHERE r.district_id = $1
ORDER BY r.community_id, r.id;
