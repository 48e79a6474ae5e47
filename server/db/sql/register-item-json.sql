-- register-item-json: the projection of a register_item row r as the API's item (used by the
-- register queries through their {{ITEM}} placeholder).
json_build_object(
  'id', r.id, 'communityId', r.community_id, 'name', r.name, 'category', r.category,
  'quantity', r.quantity::float8, 'unit', r.unit, 'budgetWan', r.budget_wan::float8,
  'featureIds', to_json(r.feature_ids), 'phase', r.phase, 'progressPct', r.progress_pct::float8,
  'acceptedOn', to_char(r.accepted_on, 'YYYY-MM-DD'), 'version', r.version,
  'createdAt', r.created_at, 'updatedAt', r.updated_at
)::text
