-- feature-kinds: how many of the named features each kind has (the audit log's record of a
-- batch). $1 feature ids (bigint[]).
SELECT kind, count(*)::int AS n FROM feature WHERE id = ANY ($1::bigint[]) GROUP BY kind;
