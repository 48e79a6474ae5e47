-- list-rule-overrides: a district's project context and its rule overrides (migration 014), with
-- who set each and when; one row per override, or one row with NULL ruleKey when there are none,
-- no row for an unknown district. $1 district id.
SELECT d.project_context AS "context", o.rule_key AS "ruleKey", o.value, o.source,
       coalesce(u.display_name, u.username) AS "by", o.updated_at AS "at"
FROM district d
LEFT JOIN rule_override o ON o.district_id = d.id
LEFT JOIN app_user u ON u.id = o.user_id
WHERE d.id = $1
ORDER BY o.rule_key;
