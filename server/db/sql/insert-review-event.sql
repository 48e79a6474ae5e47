-- insert-review-event: one state change or comment. $1 district id, $2 scenario id, $3 user id,
-- $4 username, $5 action, $6 from state, $7 to state, $8 text or NULL, $9 lon, $10 lat (or NULLs).
INSERT INTO review_event (district_id, scenario_id, user_id, username, action, from_state,
                          to_state, body, geom)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
        CASE WHEN $9::float8 IS NULL THEN NULL
             ELSE ST_SetSRID(ST_MakePoint($9::float8, $10::float8), 4326) END)
RETURNING id;
