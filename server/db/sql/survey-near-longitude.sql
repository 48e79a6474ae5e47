-- survey-near-longitude: where a survey without zone prefix probably lies: the longitude of the
-- target scenario's community centre, else of the centre of all communities.
-- $1 scenario id or NULL.
SELECT coalesce(
  (SELECT ST_X(ST_Centroid(c.geom)) FROM scenario s JOIN community c
     ON c.district_id = s.district_id AND c.id = s.community_id WHERE s.id = $1),
  (SELECT ST_X(ST_Centroid(ST_Collect(ST_Centroid(geom)))) FROM community)) AS lon;
