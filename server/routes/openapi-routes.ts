import { Router } from 'express';
import { z } from 'zod';
import { FEATURE_KINDS } from '../../domain/model/feature-kinds';
import { RENEWAL_STAGES } from '../../domain/model/renewal-stages';
import { proposalBodySchema } from './catalog-routes';
import {
  batchSchema,
  createFeatureSchema,
  renameScenarioSchema,
  updateFeatureSchema,
} from './edit-routes';
import { parkingLayoutBodySchema } from './analysis-routes';
import { fireLaneBodySchema } from './fire-lane-routes';
import { coverageBodySchema, isochroneBodySchema } from './coverage-routes';
import { importWarningOpenApiPaths } from './import-warning-routes';
import { reviewOpenApiPaths } from './openapi-review-paths';
import { ledgerOpenApiPaths } from './register-ledger-openapi';
import { parkingSurveyOpenApiPaths } from './parking-survey-openapi';
import { surveyOpenApiPaths } from './survey-openapi'; // survey import (issue #11 item 1)
import { ruleOverridesOpenApiPaths } from './rule-overrides-openapi'; // rule-overrides (issue 12 §1)
import { presentationPaths } from './presentation-openapi';
import { communityBoundaryPaths, patchCommunityOperation } from './community-boundary-openapi';
// CAD/GIS exports (issue 11 item 3).
import { surveyExportPaths } from './survey-export-openapi';
// issue 17: setup link and community stage
import { setupStageOpenApiPaths } from './setup-stage-openapi';

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
      ...presentationPaths,
      ...importWarningOpenApiPaths,
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
            200: geojson(
              `Communities; properties.stage is one of ${RENEWAL_STAGES.join(', ')}, or null (not set, 未设定)`,
            ),
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
        ...patchCommunityOperation,
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
        patch: {
          summary: 'Rename a scenario at the version you saw',
          parameters: [idPath('scenario id')],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(renameScenarioSchema) } },
          },
          responses: {
            200: { description: 'Scenario' },
            400: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        delete: {
          summary: 'Delete a proposal (never a baseline) with its features, at the version you saw',
          parameters: [
            idPath('scenario id'),
            q('version', 'the version you saw', { type: 'integer' }, true),
          ],
          responses: {
            204: { description: 'Deleted' },
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      '/api/scenarios/{id}/features': {
        get: {
          summary: "A scenario's features",
          parameters: [idPath('scenario id'), kind, bbox],
          responses: { 200: geojson('Features'), 400: errorResponse, 404: errorResponse },
        },
        post: {
          summary:
            'Add a feature to a scenario (geometry checked by PostGIS; baselines need ?baseline=edit)',
          parameters: [
            idPath('scenario id'),
            q('baseline', 'edit: explicitly edit the 现状 baseline', { enum: ['edit'] }),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(createFeatureSchema) } },
          },
          responses: {
            201: { description: 'The new feature' },
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            422: errorResponse,
          },
        },
      },
      '/api/scenarios/{id}/features/batch': {
        post: {
          summary:
            'Create, update and delete features of one scenario in one transaction: any stale version or invalid geometry and nothing is written',
          parameters: [
            idPath('scenario id'),
            q('baseline', 'edit: explicitly edit the 现状 baseline', { enum: ['edit'] }),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(batchSchema) } },
          },
          responses: {
            200: { description: '{ created: ids in input order, updated, deleted }' },
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
            422: errorResponse,
          },
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
      '/api/features/{id}': {
        patch: {
          summary:
            'Change a feature if `version` is the one you saw (409 CONFLICT with the current feature otherwise); baseline features need ?baseline=edit',
          parameters: [
            idPath('feature id'),
            q('baseline', 'edit: explicitly edit the 现状 baseline', { enum: ['edit'] }),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(updateFeatureSchema) } },
          },
          responses: {
            200: { description: 'The updated feature (version + 1)' },
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
            422: errorResponse,
          },
        },
        delete: {
          summary: 'Delete a feature at the version you saw',
          parameters: [
            idPath('feature id'),
            q('version', 'the version you saw', { type: 'integer' }, true),
            q('baseline', 'edit: explicitly edit the baseline', { enum: ['edit'] }),
          ],
          responses: {
            204: { description: 'Deleted' },
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      '/api/analysis/parking-layout': {
        post: {
          summary:
            'Lay out parking stalls (JGJ 100 dimensions) in a lot polygon or along a kerb line, clear of obstacles and fire lanes; stateless. A lot gets ONE aisle network entered at `entrance` (given, else the edge point nearest `roads`, else the middle of the longest edge): every stall fronts onto it, stalls a car cannot reach are not placed',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(parkingLayoutBodySchema) } },
          },
          responses: {
            200: {
              description:
                '{ stalls: FeatureCollection, count, countsByType, aisles (Polygons: kind drive|accessible, role aisle|connector, widthM, oneWay), centrelines (lots: LineStrings, one-way ones in their driving direction), entrance (lots: Point Feature, source given|nearestRoad|longestEdge, offsetM), angleDeg, … }',
            },
            400: errorResponse,
            422: errorResponse,
          },
        },
      },
      '/api/analysis/fire-lanes': {
        post: {
          summary:
            'Check a scenario’s features against GB 50016 §7.1–7.2 fire-lane rules; stateless',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(fireLaneBodySchema) } },
          },
          responses: {
            200: {
              description:
                '{ violations: FeatureCollection (ruleId, clause, severity, messageZh, messageEn …), summary }',
            },
            400: errorResponse,
            422: errorResponse,
          },
        },
      },
      '/api/analysis/coverage': {
        post: {
          summary:
            '15-minute life circle (GB 50180): network walking distance from every building to the nearest facility of each category, shares by tier and gaps; stateless',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(coverageBodySchema) } },
          },
          responses: {
            200: {
              description: '{ origins: [{ id, distancesM, walkMinutes, missing }], summary }',
            },
            400: errorResponse,
            422: errorResponse,
          },
        },
      },
      '/api/analysis/walking-isochrones': {
        post: {
          summary:
            'Walking isochrones (5/10/15 min) from a point over the walking network; stateless',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(isochroneBodySchema) } },
          },
          responses: {
            200: { description: 'FeatureCollection of reached segments and polygons per band' },
            400: errorResponse,
            422: errorResponse,
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
      ...reviewOpenApiPaths(),
      ...communityBoundaryPaths,
      ...setupStageOpenApiPaths, // issue 17
      ...ledgerOpenApiPaths(),
      // CAD/GIS exports (issue 11 item 3).
      ...surveyExportPaths,
      ...parkingSurveyOpenApiPaths(),
      ...surveyOpenApiPaths(), // survey import (issue #11 item 1)
      ...ruleOverridesOpenApiPaths, // rule-overrides (issue 12 §1)
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
                    'BASELINE_READ_ONLY',
                    'PAYLOAD_TOO_LARGE',
                    'INTERNAL',
                    'UNAUTHENTICATED',
                    'FORBIDDEN',
                    'ILLEGAL_TRANSITION',
                    'PROPOSAL_LOCKED',
                    'COMMUNITY_HAS_PROPOSALS',
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
