-- district-change-stamp: how many write transactions have touched a district and the newest
-- one's rev (migration 020): the register cache's key. Read before the register is computed.
-- $1 district id.
SELECT count(*)::bigint AS changes, coalesce(max(rev), 0)::bigint AS "lastRev"
FROM district_change
WHERE district_id = $1;
