-- update-district-extent: a district's extent (its communities and the features inside the
-- clip, computed by the importer). $1 district id, $2..$5 west, south, east, north (degrees).
UPDATE district SET geom = ST_MakeEnvelope($2, $3, $4, $5, 4326) WHERE id = $1;
