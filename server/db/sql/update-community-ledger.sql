-- update-community-ledger: write the ledger's figures of one community; only the keys present
-- in $3 are written (a blank ledger cell leaves the stored value). Households and floor area
-- from the ledger are records, no longer estimates. $1 district id, $2 community id, $3 jsonb
-- of the values (code, street, builtYear, households, buildings, floorAreaSqM, stage, budgetWan,
-- fundingSource, renewalContent).
UPDATE community SET
  code = CASE WHEN $3::jsonb ? 'code' THEN $3::jsonb ->> 'code' ELSE code END,
  street = CASE WHEN $3::jsonb ? 'street' THEN $3::jsonb ->> 'street' ELSE street END,
  built_year = CASE WHEN $3::jsonb ? 'builtYear' THEN ($3::jsonb ->> 'builtYear')::integer
                    ELSE built_year END,
  households = CASE WHEN $3::jsonb ? 'households' THEN ($3::jsonb ->> 'households')::integer
                    ELSE households END,
  households_estimated = households_estimated AND NOT ($3::jsonb ? 'households'),
  building_count = CASE WHEN $3::jsonb ? 'buildings' THEN ($3::jsonb ->> 'buildings')::integer
                        ELSE building_count END,
  floor_area_sqm = CASE WHEN $3::jsonb ? 'floorAreaSqM'
                        THEN ($3::jsonb ->> 'floorAreaSqM')::numeric ELSE floor_area_sqm END,
  floor_area_estimated = floor_area_estimated AND NOT ($3::jsonb ? 'floorAreaSqM'),
  stage = CASE WHEN $3::jsonb ? 'stage' THEN $3::jsonb ->> 'stage' ELSE stage END,
  budget_wan = CASE WHEN $3::jsonb ? 'budgetWan' THEN ($3::jsonb ->> 'budgetWan')::numeric
                    ELSE budget_wan END,
  funding_source = CASE WHEN $3::jsonb ? 'fundingSource' THEN $3::jsonb ->> 'fundingSource'
                        ELSE funding_source END,
  renewal_content = CASE WHEN $3::jsonb ? 'renewalContent' THEN $3::jsonb ->> 'renewalContent'
                         ELSE renewal_content END
WHERE district_id = $1 AND id = $2
RETURNING id;
