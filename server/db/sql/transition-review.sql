-- transition-review: move a proposal from one review state to the next, only if it is still in
-- the state the caller saw. $1 scenario id, $2 from state, $3 to state. No row: not in $2 (or
-- not a proposal).
UPDATE scenario SET review_state = $3, updated_at = now()
WHERE id = $1 AND kind = 'proposal' AND review_state = $2
RETURNING district_id AS "districtId";
