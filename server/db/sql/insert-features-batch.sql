-- insert-features-batch: many new features in one scenario in one statement (a generated lot's
-- stalls). Geometry validity is checked beforehand (geometry-problems-batch.sql).
-- $1 scenario id, $2 JSON array [{kind, geometry, name, category, widthM, levels, heightM,
-- capacity, props, sourceId}] (sourceId checked by the route); returns the new ids in input order.
INSERT INTO feature (district_id, scenario_id, kind, geom, name, category, width_m, levels, height_m,
                     capacity, props, source_id)
SELECT s.district_id, s.id, e.f ->> 'kind',
       ST_SetSRID(ST_GeomFromGeoJSON((e.f -> 'geometry')::text), 4326),
       e.f ->> 'name', e.f ->> 'category', (e.f ->> 'widthM')::numeric, (e.f ->> 'levels')::integer,
       (e.f ->> 'heightM')::numeric, (e.f ->> 'capacity')::integer,
       coalesce((e.f -> 'props')::jsonb, '{}'::jsonb), (e.f ->> 'sourceId')::bigint
FROM scenario s, json_array_elements($2::json) WITH ORDINALITY AS e(f, ord)
WHERE s.id = $1
ORDER BY e.ord
RETURNING id;
