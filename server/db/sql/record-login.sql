-- record-login: remember when an account last signed in. $1 user id.
UPDATE app_user SET last_login_at = now() WHERE id = $1;
