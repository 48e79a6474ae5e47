-- update-district-extent: a district's extent is that of its communities, whole, and of its
-- other features inside the clip (issue 17 item 3). $2..$5 (west, south, east, north, degrees)
-- are the importer's extent of the features cut to the clip (--bbox / --boundary, else the
-- file's <bounds>: whole ways reach far beyond an export); a community is never cut, so one
-- whose outline runs past <bounds> is inside the first view. Returns the stored extent.
-- $1 district id.
WITH parts AS (
  SELECT ST_MakeEnvelope($2, $3, $4, $5, 4326) AS g
  UNION ALL
  SELECT geom FROM community WHERE district_id = $1
), box AS (
  SELECT ST_Extent(g) AS b FROM parts
)
UPDATE district d
SET geom = ST_MakeEnvelope(ST_XMin(box.b), ST_YMin(box.b), ST_XMax(box.b), ST_YMax(box.b), 4326)
FROM box
WHERE d.id = $1
RETURNING ST_XMin(box.b) AS west, ST_YMin(box.b) AS south, ST_XMax(box.b) AS east,
          ST_YMax(box.b) AS north
