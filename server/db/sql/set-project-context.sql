-- set-project-context: a district's project context, new build or renovation (migration 014).
-- $1 district id, $2 'new-build' | 'renovation'. Returns the id, or no row for an unknown district.
UPDATE district SET project_context = $2 WHERE id = $1 RETURNING id;
