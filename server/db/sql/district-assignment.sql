-- district-assignment: whether the district exists and whether the user is assigned to any of
-- its communities (who may draw a new one there). $1 district id, $2 user id.
SELECT EXISTS (SELECT 1 FROM community_assignment a WHERE a.district_id = d.id AND a.user_id = $2)
         AS assigned
FROM district d WHERE d.id = $1;
