import { Router } from 'express';
import { importWarningsCsv } from '../../domain/osm/import-warnings-csv';
import type { ImportWarning } from '../../domain/osm/import-warning';
import type { Database } from '../db/database';
import { sql } from '../db/load-sql';
import { notFound } from '../http/api-error';
import { idParams, parse } from '../http/parse';

const DISTRICT = { zh: '片区', en: 'District' };

/** The complete warning list a district's import left (issue 17), as CSV with BOM for Excel. */
export function importWarningRoutes(deps: { db: Database }): Router {
  const r = Router();
  r.get('/districts/:id/import-warnings.csv', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const [district] = await deps.db.query('SELECT id FROM district WHERE id = $1', [id]);
    if (!district) throw notFound(DISTRICT, id);
    const rows = await deps.db.query<ImportWarning>(sql('list-import-warnings'), [id]);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="import-warnings-${id}.csv"`)
      .send(importWarningsCsv(rows.map((w) => ({ ...w, name: w.name ?? undefined }))));
  });
  return r;
}

/** OpenAPI description of the route above. */
export const importWarningOpenApiPaths = {
  '/api/districts/{id}/import-warnings.csv': {
    get: {
      summary:
        'Every OSM object the import of a district skipped, repaired or kept in part, with its rule',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: {
        200: {
          description: 'rule, action, osm_ref, name, detail (UTF-8 with BOM)',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        404: { description: 'no such district' },
      },
    },
  },
};
