import { z } from 'zod';
import { RENEWAL_STAGES } from '../../domain/model/renewal-stages';
import { communityStageSchema } from './community-stage-routes';
import { firstAdminSchema } from './setup-routes';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const err = {
  description: 'Error with a stable code',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/**
 * OpenAPI paths of the first-run setup link and the community stage (issue 17). The HTML page
 * GET /setup?token=… is not part of the API and is not listed.
 */
export const setupStageOpenApiPaths = {
  '/api/setup': {
    get: {
      summary: 'Whether the install still needs its first admin ({ setupNeeded })',
      responses: { 200: { description: '{ setupNeeded: boolean }' } },
    },
  },
  '/api/setup/first-admin': {
    post: {
      summary:
        'Create the first admin with the one-time token printed on the console; works once, while no account exists',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: json(firstAdminSchema) } },
      },
      responses: {
        201: { description: '{ user }: the new admin' },
        400: err,
        403: { description: 'SETUP_TOKEN_INVALID (unknown, expired or used already)' },
      },
    },
  },
  '/api/communities/{id}/stage': {
    put: {
      summary: `Set a community's renewal stage: one of ${RENEWAL_STAGES.join(', ')}, or null (not set, 未设定); audited`,
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'community id',
          schema: { type: 'integer', minimum: 1 },
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: json(communityStageSchema) } },
      },
      responses: { 200: { description: '{ id, stage }' }, 400: err, 403: err, 404: err },
    },
  },
};
