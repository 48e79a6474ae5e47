-- set-community-stage: set (or clear back to "not set") a community's renewal stage.
-- $1 community id, $2 stage text or NULL. Returns the stage before and after, none if unknown.
WITH old AS (
  SELECT district_id, id, stage FROM community WHERE id = $1 FOR UPDATE
)
UPDATE community c SET stage = $2
FROM old
WHERE c.district_id = old.district_id AND c.id = old.id
RETURNING c.id, c.district_id AS "districtId", old.stage AS "fromStage", c.stage AS "toStage";
