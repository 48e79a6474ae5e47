-- count-users: how many accounts exist (none: the server offers a one-time setup link).
SELECT count(*)::int AS n FROM app_user;
