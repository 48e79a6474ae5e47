-- get-review-state: a scenario's kind, name, community and review state. $1 scenario id.
SELECT district_id AS "districtId", community_id AS "communityId", kind, name,
       review_state AS "reviewState"
FROM scenario WHERE id = $1;
