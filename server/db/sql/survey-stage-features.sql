-- survey-stage-features: the staged survey features as the preview draws them (WGS84 GeoJSON,
-- 9 decimals ≈ 0.1 mm), valid or repaired, in file order.
SELECT ST_AsGeoJSON(g, 9) AS geometry, kind, name, category, levels, width_m, height_m,
       households, layer, idx
FROM survey_fixed
WHERE g IS NOT NULL
ORDER BY ord;
