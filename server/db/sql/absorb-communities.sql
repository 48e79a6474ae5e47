-- absorb-communities: after a merge, hand what hangs on the absorbed communities to the one
-- that remains — register items, stories, planner assignments — then delete them (their
-- baselines are empty by now: plan-feature-moves moved every feature). $1 surviving community
-- id, $2 absorbed community ids. Rows: the deleted community ids.
WITH items AS (
  UPDATE register_item SET community_id = $1 WHERE community_id = ANY ($2::bigint[]) RETURNING id
), stories AS (
  UPDATE story SET community_id = $1 WHERE community_id = ANY ($2::bigint[]) RETURNING id
), assigned AS (
  INSERT INTO community_assignment (district_id, community_id, user_id)
  SELECT DISTINCT a.district_id, $1::bigint, a.user_id
  FROM community_assignment a WHERE a.community_id = ANY ($2::bigint[])
  ON CONFLICT DO NOTHING
  RETURNING user_id
)
DELETE FROM community WHERE id = ANY ($2::bigint[])
RETURNING id;
