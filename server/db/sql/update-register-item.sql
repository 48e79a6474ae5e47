-- update-register-item: replace an item's fields if its version is the one the user saw.
-- $1 id, $2 version seen, $3 name, $4 category, $5 quantity, $6 unit, $7 budget 万元,
-- $8 feature ids, $9 phase, $10 progress %, $11 accepted on. No row: missing or stale.
UPDATE register_item SET name = $3, category = $4, quantity = $5, unit = $6, budget_wan = $7,
  feature_ids = $8::bigint[], phase = $9, progress_pct = $10, accepted_on = $11::date,
  version = version + 1, updated_at = now()
WHERE id = $1 AND version = $2
RETURNING id;
