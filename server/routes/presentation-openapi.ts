import { z } from 'zod';
import { CRS_IDS } from '../../domain/geo/convert-crs';
import { createStorySchema, replaceStorySchema } from './presentation-write-routes';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const id = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});
const crs = {
  name: 'crs',
  in: 'query',
  description:
    'Coordinate system of the file: wgs84 (default, stored), gcj02 (Amap/Tencent), bd09 (Baidu)',
  schema: { type: 'string', enum: [...CRS_IDS] },
};
const kind = {
  name: 'kind',
  in: 'query',
  description: 'comma-separated feature kinds (a layer)',
  schema: { type: 'string' },
};
const lang = {
  name: 'lang',
  in: 'query',
  description: 'zh or en (default from Accept-Language)',
  schema: { type: 'string', enum: ['zh', 'en'] },
};
const err = {
  description: 'Error with a stable code',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const geo = (description: string) => ({
  description,
  content: {
    'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollection' } },
  },
});
const csv = (description: string) => ({
  description: `${description} (UTF-8 with BOM, CRLF)`,
  content: { 'text/csv': { schema: { type: 'string' } } },
});
const pdf = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
});

/** OpenAPI paths of issue 7 (stories, before/after, sheets, exports, imports). */
export const presentationPaths = {
  '/api/stories': {
    get: {
      summary: 'Stories (saved sequences of views), newest first',
      parameters: [{ name: 'district', in: 'query', schema: { type: 'integer', minimum: 1 } }],
      responses: {
        200: { description: '[{ id, districtId, communityId, title, version, viewCount }]' },
      },
    },
    post: {
      summary: 'Save a new story with its views (one transaction)',
      requestBody: { content: { 'application/json': { schema: json(createStorySchema) } } },
      responses: { 201: { description: 'The story with its views' }, 400: err, 404: err },
    },
  },
  '/api/stories/{id}': {
    get: {
      summary: 'A story with its views in order (the shareable link /?story=<id> reads it)',
      parameters: [id('story id')],
      responses: { 200: { description: 'Story' }, 404: err },
    },
    put: {
      summary: 'Replace title and views, naming the version last seen (author or admin only)',
      parameters: [id('story id')],
      requestBody: { content: { 'application/json': { schema: json(replaceStorySchema) } } },
      responses: { 200: { description: 'Story' }, 400: err, 403: err, 404: err, 409: err },
    },
    delete: {
      summary: 'Delete a story (author or admin only)',
      parameters: [
        id('story id'),
        { name: 'version', in: 'query', required: true, schema: { type: 'integer' } },
      ],
      responses: { 204: { description: 'Deleted' }, 403: err, 404: err, 409: err },
    },
  },
  '/api/stories/{id}/copy': {
    post: {
      summary: 'Copy a story; the copy belongs to the caller (who may then change it)',
      parameters: [id('story id')],
      responses: { 201: { description: 'The copy with its views' }, 404: err },
    },
  },
  '/api/scenarios/{id}/diff': {
    get: {
      summary: 'Changed features against the baseline by lineage (added / removed / modified)',
      parameters: [id('scenario id'), crs],
      responses: { 200: geo('FeatureCollection with summary'), 404: err },
    },
  },
  '/api/scenarios/{id}/indicators': {
    get: {
      summary: 'Before/after: parking ledger, fire-lane findings, 15-minute coverage, changes',
      parameters: [id('scenario id')],
      responses: { 200: { description: 'Indicators' }, 404: err },
    },
  },
  '/api/scenarios/{id}/indicators.csv': {
    get: {
      summary: 'The indicators as CSV',
      parameters: [id('scenario id')],
      responses: { 200: csv('indicator, baseline, proposal, delta'), 404: err },
    },
  },
  '/api/scenarios/{id}/export.geojson': {
    get: {
      summary: 'GeoJSON of a scenario or one of its layers, in WGS84, GCJ-02 or BD-09',
      parameters: [id('scenario id'), kind, crs],
      responses: { 200: geo('FeatureCollection (attachment)'), 400: err, 404: err },
    },
  },
  '/api/districts/{id}/export.geojson': {
    get: {
      summary: "GeoJSON of a district's baseline features or one layer",
      parameters: [id('district id'), kind, crs],
      responses: { 200: geo('FeatureCollection (attachment)'), 400: err, 404: err },
    },
  },
  '/api/districts/{id}/register.csv': {
    get: {
      summary: 'The register (台账) of the communities of a district',
      parameters: [id('district id')],
      responses: { 200: csv('one row per community'), 404: err },
    },
  },
  '/api/scenarios/{id}/import': {
    post: {
      summary: 'Import a GeoJSON FeatureCollection into a proposal (all or nothing)',
      parameters: [id('proposal id'), crs],
      requestBody: {
        description: 'Features with properties.kind; at most 2000',
        content: {
          'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollection' } },
          'application/json': { schema: { $ref: '#/components/schemas/FeatureCollection' } },
        },
      },
      responses: {
        201: { description: '{ created: ids }' },
        400: err,
        403: err,
        404: err,
        422: err,
      },
    },
  },
  '/api/communities/{id}/sheet.pdf': {
    get: {
      summary: 'One-page sheet of a community, printed by headless Chromium',
      parameters: [
        id('community id'),
        { name: 'scenario', in: 'query', schema: { type: 'integer', minimum: 1 } },
        lang,
      ],
      responses: { 200: pdf('A4, one page'), 400: err, 404: err },
    },
  },
  '/api/districts/{id}/atlas.pdf': {
    get: {
      summary: 'Atlas of a district: one sheet per community',
      parameters: [id('district id'), lang],
      responses: { 200: pdf('A4, one page per community'), 404: err },
    },
  },
  '/report/communities/{id}/sheet': {
    get: {
      summary: 'The sheet as a printable HTML page',
      parameters: [id('community id'), lang],
      responses: { 200: { description: 'text/html' }, 404: err },
    },
  },
  '/report/districts/{id}/atlas': {
    get: {
      summary: 'The atlas as a printable HTML page',
      parameters: [id('district id'), lang],
      responses: { 200: { description: 'text/html' }, 404: err },
    },
  },
};
