import { Router } from 'express';
import { z } from 'zod';
import { FEATURE_KINDS } from '../../domain/model/feature-kinds';
import { RENEWAL_STAGES } from '../../domain/model/renewal-stages';
import { proposalBodySchema } from './catalog-routes';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorResponse = {
  description: 'Error with a stable code; message in zh-CN unless Accept-Language prefers en',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const q = (
  name: string,
  description: string,
  schema: object = { type: 'string' },
  required = false,
) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const idPath = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});
const bbox = q('bbox', 'west,south,east,north in WGS84 degrees (lon,lat order)', {
  type: 'string',
  example: '116.344,39.997,116.36,40.009',
});
const kind = q('kind', `comma-separated feature kinds: ${FEATURE_KINDS.join(', ')}`);
const geojson = (description: string) => ({
  description,
  content: {
    'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollection' } },
  },
});

/** The OpenAPI 3.1 description of the API, served at /api/openapi.json. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Renewal planning map API (老旧小区改造规划图)',
      version: '0.1.0',
      description:
        'Districts (片区), communities (小区), scenarios (现状/方案), features and vector tiles. Data © OpenStreetMap contributors (ODbL).',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Engine, PostGIS version and migration level',
          responses: {
            200: {
              description: '{ ok, engine: pglite|postgres, postgis, migrationLevel, districts }',
            },
          },
        },
      },
      '/api/districts': {
        get: {
          summary: 'List districts with extent and community count',
          responses: { 200: { description: 'District list' } },
        },
      },
      '/api/districts/{id}/features': {
        get: {
          summary: "A district's baseline (现状) features",
          parameters: [idPath('district id'), kind, bbox],
          responses: { 200: geojson('Features'), 400: errorResponse, 404: errorResponse },
        },
      },
      '/api/communities': {
        get: {
          summary: 'Communities as GeoJSON with their register properties',
          parameters: [q('district', 'district id', { type: 'integer' }), bbox],
          responses: {
            200: geojson(`Communities; properties.stage is one of ${RENEWAL_STAGES.join(', ')}`),
            400: errorResponse,
            404: errorResponse,
          },
        },
      },
      '/api/communities/{id}': {
        get: {
          summary: 'One community (GeoJSON Feature)',
          parameters: [idPath('community id')],
          responses: { 200: { description: 'Feature' }, 404: errorResponse },
        },
      },
      '/api/communities/{id}/scenarios': {
        get: {
          summary: "A community's baseline and proposals",
          parameters: [idPath('community id')],
          responses: { 200: { description: 'Scenario list' }, 404: errorResponse },
        },
      },
      '/api/scenarios/{id}': {
        get: {
          summary: 'One scenario with feature counts by kind',
          parameters: [idPath('scenario id')],
          responses: { 200: { description: 'Scenario' }, 404: errorResponse },
        },
      },
      '/api/scenarios/{id}/features': {
        get: {
          summary: "A scenario's features",
          parameters: [idPath('scenario id'), kind, bbox],
          responses: { 200: geojson('Features'), 400: errorResponse, 404: errorResponse },
        },
      },
      '/api/scenarios/{id}/proposals': {
        post: {
          summary:
            'Create a proposal (方案) as a copy of this baseline; every copied feature keeps its lineage (sourceId)',
          parameters: [idPath('baseline scenario id')],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(proposalBodySchema) } },
          },
          responses: {
            201: { description: 'The new scenario' },
            400: errorResponse,
            404: errorResponse,
          },
        },
      },
      '/api/tiles/{layer}.json': {
        get: {
          summary: 'TileJSON for a tile layer',
          parameters: [
            { name: 'layer', in: 'path', required: true, schema: { enum: ['baseline'] } },
          ],
          responses: { 200: { description: 'TileJSON 3.0' }, 404: errorResponse },
        },
      },
      '/api/tiles/{layer}/{z}/{x}/{y}.mvt': {
        get: {
          summary:
            'Mapbox Vector Tile of baseline features, one MVT layer per kind (ST_AsMVT on server PostGIS; PostGIS clip + server encoding on PGlite)',
          parameters: ['layer', 'z', 'x', 'y'].map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: name === 'layer' ? { enum: ['baseline'] } : { type: 'integer', minimum: 0 },
          })),
          responses: {
            200: {
              description: 'MVT (gzip when accepted)',
              content: { 'application/vnd.mapbox-vector-tile': {} },
            },
            400: errorResponse,
            404: errorResponse,
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  enum: [
                    'BAD_REQUEST',
                    'VALIDATION',
                    'INVALID_GEOMETRY',
                    'NOT_FOUND',
                    'CONFLICT',
                    'PAYLOAD_TOO_LARGE',
                    'INTERNAL',
                  ],
                },
                message: { type: 'string' },
                details: {},
              },
            },
          },
        },
        FeatureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { const: 'FeatureCollection' },
            features: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    },
  };
}

export function openApiRoutes(): Router {
  const r = Router();
  const doc = openApiDocument();
  r.get('/openapi.json', (_req, res) => res.json(doc));
  return r;
}
