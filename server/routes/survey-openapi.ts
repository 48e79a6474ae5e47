import { z } from 'zod';
import { surveyBodySchema } from './survey-routes';

/** OpenAPI paths of the survey import (issue #11 item 1; docs/survey-import-api.md §1–4). */
const err = {
  description:
    'Error with a stable code (UNREADABLE_FILE 422, CRS_OUTSIDE_CHINA 422, NOT_FOUND 404, CONFLICT 409 …); message in zh-CN unless Accept-Language prefers en',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const uploadId = {
  name: 'uploadId',
  in: 'path',
  required: true,
  description: 'id from POST /api/survey/uploads (valid 24 h)',
  schema: { type: 'string', format: 'uuid' },
};
const progress = {
  name: 'progress',
  in: 'query',
  description:
    'a uuid the client picks; GET /api/survey/progress/{progressId} then tells how far the job is',
  schema: { type: 'string', format: 'uuid' },
};
const busy = {
  description:
    'BUSY: the survey queue is full (SURVEY_GDAL_MAX running, SURVEY_MAX_QUEUE waiting); Retry-After in seconds',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const body = {
  required: true,
  content: {
    'application/json': {
      schema: z.toJSONSchema(surveyBodySchema, { io: 'input', unrepresentable: 'any' }),
    },
  },
};

export function surveyOpenApiPaths(): Record<string, object> {
  return {
    '/api/survey/uploads': {
      post: {
        summary:
          'Upload a survey file (DXF, Shapefile .zip, GeoPackage, KML, GeoJSON, CSV; multipart field "file" or raw body with ?fileName=, 50 MB) and get its layers (counts, geometry types, fields, sample, kind guessed from the layer name), CRS detected or guessed (zone from the false easting, or CM from ?scenarioId= community longitude), CRS choices, bounds, units, text count and the remembered mappings; read with GDAL; stored 24 h — roles: planner, admin',
        parameters: [
          { name: 'fileName', in: 'query', schema: { type: 'string' } },
          {
            name: 'scenarioId',
            in: 'query',
            description:
              'target scenario: its community longitude picks the GK zone of unprefixed coordinates',
            schema: { type: 'integer', minimum: 1 },
          },
          progress,
        ],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          201: { description: 'upload summary (docs/survey-import-api.md §1)' },
          413: err,
          422: err,
          503: busy,
        },
      },
    },
    '/api/survey/uploads/{uploadId}/preview': {
      post: {
        summary:
          'Map layers to kinds, apply units, CRS (EPSG via PROJ, GCJ-02/BD-09, or a local grid by Helmert or control points with residuals) and labels; answer the WGS84 features, counts per kind, invalid geometries repaired (ST_MakeValid) or refused with reasons, bounds. Writes nothing — roles: planner, admin',
        parameters: [uploadId, progress],
        requestBody: body,
        responses: {
          200: { description: 'preview (docs/survey-import-api.md §2)' },
          404: err,
          422: err,
          503: busy,
        },
      },
    },
    '/api/survey/uploads/{uploadId}/commit': {
      post: {
        summary:
          'Same body as preview; create every feature in the scenario (a proposal, or a baseline without features) in one transaction, all or nothing (COPY into a staging table, then reprojection, ST_IsValid/ST_MakeValid and one INSERT … SELECT), and remember the layer mappings — roles: planner, admin',
        parameters: [uploadId, progress],
        requestBody: body,
        responses: {
          201: { description: '{ scenarioId, created, counts }' },
          404: err,
          409: err,
          422: err,
          503: busy,
        },
      },
    },
    '/api/survey/progress/{progressId}': {
      get: {
        summary:
          "How far the caller's upload, preview or commit with ?progress={progressId} is: { phase: starting | queued | reading | staging | checking | writing | done | failed, done, total (features read of the file's), position? (in the queue) }; kept 10 min, this API process only — roles: planner, admin",
        parameters: [
          {
            name: 'progressId',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: { 200: { description: '{ phase, done, total, position? }' }, 404: err },
      },
    },
    '/api/survey/mappings': {
      get: {
        summary: "The office's remembered layer mappings by layer name — roles: planner, admin",
        responses: { 200: { description: '{ [layerName]: { kind, category?, fields? } }' } },
      },
    },
  };
}
