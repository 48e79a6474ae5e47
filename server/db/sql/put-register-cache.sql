-- put-register-cache: keep a computed register under its key and the change stamp read before
-- it was computed; entries of the district's other stamps are dropped (at most one entry per
-- district and key; another asOf date keeps its own row until its district changes).
-- $1 district id, $2 cache key, $3 changes, $4 last rev, $5 payload (JSON text), $6 compute ms.
WITH gone AS (
  DELETE FROM register_cache
  WHERE district_id = $1 AND cache_key <> $2
    AND (changes, last_rev) IS DISTINCT FROM ($3::bigint, $4::bigint)
)
INSERT INTO register_cache (district_id, cache_key, changes, last_rev, payload, compute_ms)
SELECT $1, $2, $3, $4, $5, $6
WHERE EXISTS (SELECT 1 FROM district WHERE id = $1)
ON CONFLICT (district_id, cache_key) DO UPDATE
SET changes = EXCLUDED.changes, last_rev = EXCLUDED.last_rev, payload = EXCLUDED.payload,
    computed_at = now(), compute_ms = EXCLUDED.compute_ms;
