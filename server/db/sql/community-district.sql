-- community-district: the district of a community, to check a story's community. $1 community id.
SELECT district_id AS "districtId" FROM community WHERE id = $1;
