/** OpenAPI paths of a district's project-level rule overrides (本项目地方标准, issue 12 §1). */
const err = {
  description:
    'Error with a stable code (VALIDATION 400, NOT_FOUND 404, FORBIDDEN 403 …); message in zh-CN unless Accept-Language prefers en',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'district id',
  schema: { type: 'integer', minimum: 1 },
};

const settings = {
  type: 'object',
  required: ['districtId', 'context', 'overrides'],
  properties: {
    districtId: { type: 'integer' },
    context: { type: 'string', enum: ['new-build', 'renovation'] },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'value', 'source', 'defaultValue', 'defaultSource'],
        properties: {
          key: { type: 'string', description: 'rule path group.key, e.g. fireLane.minClearWidthM' },
          value: { type: 'number' },
          source: { type: 'string', description: 'the local standard and clause' },
          defaultValue: { type: 'number', description: "the rules table's value" },
          defaultSource: { type: 'string' },
          by: { type: ['string', 'null'] },
          at: { type: ['string', 'null'], format: 'date-time' },
        },
      },
    },
  },
};

export const ruleOverridesOpenApiPaths: Record<string, object> = {
  '/api/districts/{id}/rule-overrides': {
    get: {
      summary:
        "The district's project context (new build / renovation) and its overrides of rules-table numbers (a city's local rules), each beside the table's default, with its source, who and when — roles: anyone who may read",
      parameters: [idParam],
      responses: {
        200: { description: 'Settings', content: { 'application/json': { schema: settings } } },
        404: err,
      },
    },
    put: {
      summary:
        "Replace the district's rule overrides (and optionally its project context). Only numeric rules of the rules table; a value within RULES.ruleOverrides minRatio–maxRatio × the default; every override names its source. Every server engine run of the district (compliance report, sheet, scenario indicators) and the planner's live checks use them; audited — roles: planner, admin",
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['overrides'],
              properties: {
                context: { type: 'string', enum: ['new-build', 'renovation'] },
                overrides: {
                  type: 'object',
                  additionalProperties: {
                    type: 'object',
                    required: ['value', 'source'],
                    properties: {
                      value: { type: 'number' },
                      source: { type: 'string', minLength: 1, maxLength: 500 },
                    },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        200: { description: 'Settings', content: { 'application/json': { schema: settings } } },
        400: err,
        401: err,
        403: err,
        404: err,
      },
    },
  },
};
