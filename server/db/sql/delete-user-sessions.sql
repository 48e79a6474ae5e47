-- delete-user-sessions: end every session of an account (disabled, or its password changed).
-- $1 user id.
DELETE FROM user_session WHERE user_id = $1;
