-- list-users: accounts with the communities each is assigned to, whether disabled, and the last
-- sign-in (no password hashes).
SELECT u.id, u.username, u.display_name AS "displayName", u.role,
       u.disabled_at IS NOT NULL AS disabled, u.last_login_at AS "lastLoginAt",
       coalesce((SELECT json_agg(a.community_id ORDER BY a.community_id)
                 FROM community_assignment a WHERE a.user_id = u.id), '[]'::json)::text AS communities
FROM app_user u ORDER BY u.id;
