-- get-register-cache: the cached register of a district for a key and change stamp, if any.
-- $1 district id, $2 cache key (asOf, rules fingerprint, code version), $3 changes, $4 last rev.
SELECT payload
FROM register_cache
WHERE district_id = $1 AND cache_key = $2 AND changes = $3 AND last_rev = $4;
