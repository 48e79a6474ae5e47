-- insert-register-item: a new item of a community. $1 community id, $2 name, $3 category,
-- $4 quantity, $5 unit, $6 budget 万元, $7 feature ids, $8 phase, $9 progress %, $10 accepted on.
INSERT INTO register_item (district_id, community_id, name, category, quantity, unit, budget_wan,
                           feature_ids, phase, progress_pct, accepted_on)
SELECT c.district_id, c.id, $2, $3, $4, $5, $6, $7::bigint[], $8, $9, $10::date
FROM community c WHERE c.id = $1
RETURNING id;
