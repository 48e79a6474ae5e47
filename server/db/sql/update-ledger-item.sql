-- update-ledger-item: a ledger row's values for an existing register item, if its version is
-- still the one the preview saw (linked features are kept). $1 district id, $2 item id,
-- $3 version seen, $4 category, $5 quantity, $6 unit, $7 budget 万元, $8 phase, $9 progress %,
-- $10 accepted on. No row: the item is gone or was changed since the preview.
UPDATE register_item SET category = $4, quantity = $5, unit = $6, budget_wan = $7, phase = $8,
  progress_pct = $9, accepted_on = $10::date, version = version + 1, updated_at = now()
WHERE district_id = $1 AND id = $2 AND version = $3
RETURNING id;
