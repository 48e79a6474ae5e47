/** OpenAPI path of the survey count of existing parking (现状调查, issue 12 §2). */
const err = {
  description:
    'Error with a stable code (VALIDATION 400, NOT_FOUND 404, FORBIDDEN 403, PROPOSAL_LOCKED 409 …); message in zh-CN unless Accept-Language prefers en',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export function parkingSurveyOpenApiPaths(): Record<string, object> {
  return {
    '/api/features/{id}/parking-survey': {
      put: {
        summary:
          "Record a survey count (现状调查) of the cars parked today on a parking_area or a road segment. It replaces any estimate (lot area, kerb length) in the parking ledger's existing count; a proposal copy records it on its baseline source, so every proposal sees it. Stored with who and when (history kept, newest wins); audited — roles: planner (assigned community), admin",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'feature id (parking_area or road)',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['count'],
                properties: {
                  count: { type: 'integer', minimum: 0, maximum: 100000 },
                  note: { type: ['string', 'null'], maxLength: 500 },
                },
              },
            },
          },
        },
        responses: {
          200: {
            description:
              'The feature as GeoJSON; properties.parkingSurvey = {count, note, by, at} (the newest survey)',
            content: { 'application/geo+json': { schema: { type: 'object' } } },
          },
          400: err,
          401: err,
          403: err,
          404: err,
        },
      },
    },
  };
}
