import { z } from 'zod';
import {
  createCommunitySchema,
  mergeCommunitiesSchema,
  patchCommunitySchema,
  promoteFeatureSchema,
  splitCommunitySchema,
} from './community-boundary-routes';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const id = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});
const err = {
  description: 'Error with a stable code',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});
const change = {
  description:
    '{ communities, before, after, moved, movedToContext, movedFromContext, dryRun }: the figures (buildingCount, households, floorAreaSqM, features, version) of every community whose features changed, before and after; dryRun answers 200 and writes nothing',
};
const refusals = {
  400: err,
  403: err,
  404: err,
  409: {
    description:
      'CONFLICT (stale version; details.current) or COMMUNITY_HAS_PROPOSALS (a proposal under review, or planner work on features that would move)',
  },
  422: err,
};

/** The PATCH operation of /api/communities/{id} (its GET is in openapi-routes.ts). */
export const patchCommunityOperation = {
  patch: {
    summary:
      'Rename a community (clears a provisional name) and/or replace its boundary (红线); features are re-placed and re-counted',
    parameters: [id('community id')],
    requestBody: body(patchCommunitySchema),
    responses: { 200: change, ...refusals },
  },
};

/** OpenAPI paths of the community boundary operations (issue 17). */
export const communityBoundaryPaths = {
  '/api/districts/{id}/communities': {
    post: {
      summary:
        'A new community from a drawn boundary; baseline features inside it join it (smallest containing community wins)',
      parameters: [id('district id')],
      requestBody: body(createCommunitySchema),
      responses: { 201: change, ...refusals },
    },
  },
  '/api/districts/{id}/communities/promote': {
    post: {
      summary: 'A new community from any polygon feature (e.g. a survey 红线)',
      parameters: [id('district id')],
      requestBody: body(promoteFeatureSchema),
      responses: { 201: change, ...refusals },
    },
  },
  '/api/districts/{id}/communities/merge': {
    post: {
      summary:
        'Merge adjacent or overlapping communities into the first; the others are deleted, their features, register items and assignments join it',
      parameters: [id('district id')],
      requestBody: body(mergeCommunitiesSchema),
      responses: { 200: change, ...refusals },
    },
  },
  '/api/communities/{id}/split': {
    post: {
      summary:
        'Split a community by a line crossing it into two: the larger part keeps the id, the smaller becomes a new community',
      parameters: [id('community id')],
      requestBody: body(splitCommunitySchema),
      responses: { 201: change, ...refusals },
    },
  },
};
