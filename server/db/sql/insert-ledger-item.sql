-- insert-ledger-item: a new register item from a ledger row (no linked features yet).
-- $1 district id, $2 community id, $3 name, $4 category, $5 quantity, $6 unit, $7 budget 万元,
-- $8 phase, $9 progress %, $10 accepted on (date or null).
INSERT INTO register_item (district_id, community_id, name, category, quantity, unit, budget_wan,
                           phase, progress_pct, accepted_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date)
RETURNING id;
