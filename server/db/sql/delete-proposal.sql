-- delete-proposal: delete a proposal (never a baseline) with all its features, if the caller
-- saw its current version. $1 id, $2 version.
DELETE FROM scenario WHERE id = $1 AND version = $2 AND kind = 'proposal' RETURNING id;
