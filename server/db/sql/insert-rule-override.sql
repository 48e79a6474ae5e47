-- insert-rule-override: one rule override of a district (migration 014), already validated by
-- withOverrides. $1 district id, $2 rule key, $3 value, $4 source, $5 user id or NULL.
INSERT INTO rule_override (district_id, rule_key, value, source, user_id)
VALUES ($1, $2, $3, $4, $5);
