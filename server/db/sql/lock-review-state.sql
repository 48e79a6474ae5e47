-- lock-review-state: a step that keeps the state (a comment) still checks and locks it.
-- $1 scenario id, $2 expected state, $3 the same state (unused but typed, as transition-review).
SELECT district_id AS "districtId" FROM scenario
WHERE id = $1 AND kind = 'proposal' AND review_state = $2 AND $3::text = $2
FOR UPDATE;
