/** OpenAPI paths of the register in and out of Excel (issue #11 item 2). */
const err = {
  description:
    'Error with a stable code (UNREADABLE_FILE 422, IMPORT_STALE 409, IMPORT_EXPIRED 410, FORBIDDEN 403 …); message in zh-CN unless Accept-Language prefers en',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const id = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'district id',
  schema: { type: 'integer', minimum: 1 },
};

export function ledgerOpenApiPaths(): Record<string, object> {
  return {
    '/api/districts/{id}/register.xlsx': {
      get: {
        summary:
          'The district register as an Excel workbook: sheet 1 communities, sheet 2 intervention items, sheet 3 notes; typed cells, number formats, frozen headers, autofilter, totals rows with SUM formulas and cached values — read',
        parameters: [
          id,
          { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' } },
          {
            name: 'lang',
            in: 'query',
            description: 'header language (default: Accept-Language, else zh)',
            schema: { type: 'string', enum: ['zh', 'en'] },
          },
        ],
        responses: {
          200: {
            description: 'XLSX',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          404: err,
        },
      },
    },
    '/api/districts/{id}/register-items.csv': {
      get: {
        summary:
          "The district's intervention items as CSV (UTF-8 with BOM, zh-CN headers; re-importable) — read",
        parameters: [id],
        responses: { 200: { description: 'CSV' }, 404: err },
      },
    },
    '/api/districts/{id}/register/import': {
      post: {
        summary:
          'Upload a ledger (.xlsx or CSV; raw body with X-File-Name, or multipart field "file") and get its preview: sheets and header rows, per row the matched community (code, exact name, normalised name), unmatched rows, duplicates, changes old → new with conflicts, cell errors; stored server-side for 30 minutes under a token. Writes nothing — roles: planner (items of assigned communities), reviewer (community figures), admin',
        parameters: [id],
        requestBody: {
          required: true,
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
            'text/csv': { schema: { type: 'string' } },
            // Read by its bytes: a legacy .xls is answered 422 with advice to save it as .xlsx.
            'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
            // What a browser sends for a file it has no type for.
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          201: { description: '{ token, expiresAt, sheets, rows, summary }' },
          400: err,
          401: err,
          403: err,
          413: err,
          422: err,
        },
      },
    },
    '/api/districts/{id}/register/import/{token}/commit': {
      post: {
        summary:
          'Apply a stored preview in one transaction (all or nothing, audited); 409 IMPORT_STALE when a figure or item changed since the preview — roles: planner, reviewer, admin (the previewer, or an admin)',
        parameters: [
          id,
          {
            name: 'token',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
          },
        ],
        responses: {
          200: {
            description:
              '{ committed, communitiesUpdated, itemsInserted, itemsUpdated, changes, conflicts }',
          },
          401: err,
          403: err,
          404: err,
          409: err,
          410: err,
        },
      },
    },
  };
}
