-- delete-rule-overrides: drop a district's rule overrides before a PUT writes the new set (014).
-- $1 district id.
DELETE FROM rule_override WHERE district_id = $1;
