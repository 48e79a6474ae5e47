-- insert-district: one 片区 from an import. $1 name, $2 source, $3..$6 bbox west, south, east, north (degrees).
INSERT INTO district (name, source, geom)
VALUES ($1, $2, ST_MakeEnvelope($3, $4, $5, $6, 4326))
RETURNING id;
