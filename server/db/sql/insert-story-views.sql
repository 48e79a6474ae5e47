-- insert-story-views: a story's views from parallel arrays, position = array index − 1.
-- $1 district id, $2 story id, $3 center_lon[], $4 center_lat[], $5 zoom[], $6 bearing[],
-- $7 pitch[], $8 layers (JSON array of arrays of text), $9 scenario_id[], $10 compare_mode[],
-- $11 caption[]. Scenario ids must belong to the district (composite foreign key).
INSERT INTO story_view (district_id, story_id, position, center_lon, center_lat, zoom, bearing,
                        pitch, layers, scenario_id, compare_mode, caption)
SELECT $1, $2, (v.ord - 1)::int, v.lon, v.lat, v.zoom, v.bearing, v.pitch,
       ARRAY(SELECT json_array_elements_text(($8::json) -> (v.ord::int - 1))),
       v.scenario, v.mode, v.caption
FROM unnest($3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $9::bigint[],
            $10::text[], $11::text[])
     WITH ORDINALITY AS v(lon, lat, zoom, bearing, pitch, scenario, mode, caption, ord);
