-- list-stories: stories of a district (or all when $1 is NULL), newest first, with view counts.
SELECT s.id, s.district_id AS "districtId", s.community_id AS "communityId", s.title, s.version,
       s.updated_at AS "updatedAt",
       (SELECT count(*) FROM story_view v
        WHERE v.district_id = s.district_id AND v.story_id = s.id)::int AS "viewCount"
FROM story s
WHERE $1::bigint IS NULL OR s.district_id = $1
ORDER BY s.updated_at DESC, s.id DESC;
